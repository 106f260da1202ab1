import { describe, expect, it } from 'vitest'
import { Identity, union } from '../../src/registry/identity.js'
import type { ReconciledSnapshot } from '../../src/registry/types.js'

const day = (board: string, date: string, models: string[]): ReconciledSnapshot => ({
  board,
  date,
  updatedAt: null,
  languages: ['en'],
  sources: [`snapshots/${board}/${date}.en.md`],
  rows: models.map((model, i) => ({ rank: i + 1, name: model, model }))
})
const rename = (from: string, to: string, after: string) => ({ from, to, evidence: { board: 'x', before: after, after, rank: [1, 1] as [number, number] } })

describe('runs of snapshot indices', () => {
  it('join into one list, ascending, apart, adjacent runs merged', () => {
    expect(union([], [])).toEqual([])
    expect(union([0, 2], [])).toEqual([0, 2])
    expect(union([], [5, 5])).toEqual([5, 5])
    expect(union([0, 2], [5, 7])).toEqual([0, 2, 5, 7])
    expect(union([5, 7], [0, 2])).toEqual([0, 2, 5, 7])
    expect(union([0, 2], [3, 4])).toEqual([0, 4])
    expect(union([0, 9], [3, 4])).toEqual([0, 9])
    expect(union([0, 3, 8, 9], [2, 5, 7, 7, 11, 12])).toEqual([0, 5, 7, 9, 11, 12])
  })
})

describe('identity', () => {
  // Board x: days 1–5, board y: days 1–3 (indices 5–7). `a` on x days 1–3 and y day 1, `b` on x day 3 and y days 1–3,
  // `c` on x days 4–5, `d` on y day 3 only.
  const snapshots = [
    day('x', '2026-01-01', ['a']),
    day('x', '2026-01-02', ['a']),
    day('x', '2026-01-03', ['a', 'b']),
    day('x', '2026-01-04', ['c']),
    day('x', '2026-01-05', ['c']),
    day('y', '2026-01-01', ['a', 'b']),
    day('y', '2026-01-02', ['b']),
    day('y', '2026-01-03', ['b', 'd'])
  ]

  it('refuses a link between two models of one snapshot, naming the first by date', () => {
    const identity = new Identity(snapshots, new Set())
    // a and b share x 2026-01-03 and y 2026-01-01: the earlier is y's, later in the list.
    expect(identity.link(rename('a', 'b', '2025-12-31'))).toEqual({
      linked: false,
      reason: '`a` and `b` are both in `y` 2026-01-01',
      contradicted: { snapshot: 5, ids: ['a', 'b'] }
    })
    // Shown together only before the rename's evidence: weaker evidence, not a contradiction.
    expect(identity.link(rename('a', 'b', '2026-01-02'))).toEqual({ linked: false, reason: '`a` and `b` are both in `y` 2026-01-01' })
  })

  it('links models never together, and a linked model is in the snapshots of both', () => {
    const identity = new Identity(snapshots, new Set())
    expect(identity.link(rename('a', 'c', '2026-01-04'))).toEqual({ linked: true })
    expect(identity.of('c')).toBe('a')
    // a now stands for c too: d is never with either, b is with a on x 2026-01-03.
    expect(identity.link(rename('c', 'd', '2026-01-05'))).toEqual({ linked: true })
    expect(identity.of('d')).toBe('a')
    expect(identity.link(rename('b', 'd', '2026-01-05'))).toMatchObject({ linked: false, reason: '`b` and `a` are both in `y` 2026-01-01' })
  })

  it('never absorbs an id the data file pins', () => {
    const identity = new Identity(snapshots, new Set(['c']))
    expect(identity.link(rename('a', 'c', '2026-01-04'))).toEqual({ linked: false, reason: 'the data file pins `c`' })
  })
})
