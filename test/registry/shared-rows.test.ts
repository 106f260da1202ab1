import { describe, expect, it } from 'vitest'
import { emptyData } from '../../src/registry/data.js'
import { normalize, type NormalizeInput } from '../../src/registry/normalize.js'
import { shareRows as shareBy } from '../../src/core/shared-rows.js'
import { sameRow, withSharedRows } from '../../src/registry/shared-rows.js'
import type { ReconciledRow, ReconciledSnapshot } from '../../src/registry/types.js'
import { board, input } from './fixtures.js'

const row = (model: string, rank: number, extra: Partial<ReconciledRow> = {}): ReconciledRow => ({ rank, name: model, score: 1500 - rank, votes: 1000, ...extra, model })
/** Reconciled rows shared by model, as the normalize stage shares them. */
const shareRows = (rows: ReconciledRow[], before: readonly ReconciledRow[]) => shareBy(rows, before, (r) => r.model)
const snapshot = (date: string, rows: ReconciledRow[], b = 'lmarena-text'): ReconciledSnapshot => ({ board: b, date, updatedAt: null, languages: ['en'], sources: [`snapshots/${b}/${date}.en.md`], rows })

describe('rows shared from day to day', () => {
  it('takes rows for the same when every field is equal, flags and metrics by value', () => {
    expect(sameRow(row('a', 1), row('a', 1))).toBe(true)
    expect(sameRow(row('a', 1), row('b', 1))).toBe(false)
    expect(sameRow(row('a', 1), row('a', 2))).toBe(false)
    expect(sameRow(row('a', 1), row('a', 1, { votes: 1001 }))).toBe(false)
    expect(sameRow(row('a', 1), row('a', 1, { license: 'MIT' }))).toBe(false)
    expect(sameRow(row('a', 1, { license: 'MIT' }), row('a', 1))).toBe(false)
    // A field set to undefined is none, either way round.
    expect(sameRow(row('a', 1, { license: undefined }), row('a', 1))).toBe(true)
    expect(sameRow(row('a', 1), row('a', 1, { license: undefined }))).toBe(true)
    expect(sameRow(row('a', 1, { license: undefined }), row('a', 1, { license: 'MIT' }))).toBe(false)
    const flags = [{ code: 'new', mark: '*', text: 'new model' }]
    expect(sameRow(row('a', 1, { flags }), row('a', 1, { flags: flags.map((f) => ({ ...f })) }))).toBe(true)
    expect(sameRow(row('a', 1, { flags }), row('a', 1, { flags: [{ ...flags[0]!, text: 'other' }] }))).toBe(false)
    const metrics = { accuracy: { value: 71.5, unit: '%' as const } }
    expect(sameRow(row('a', 1, { metrics }), row('a', 1, { metrics: { accuracy: { value: 71.5, unit: '%' } } }))).toBe(true)
    expect(sameRow(row('a', 1, { metrics }), row('a', 1, { metrics: { accuracy: { value: 71.4, unit: '%' } } }))).toBe(false)
  })

  it('gives the day before its rows array when every row is its, in order', () => {
    const before = [row('a', 1), row('b', 2), row('c', 3)]
    expect(shareRows([row('a', 1), row('b', 2), row('c', 3)], before)).toBe(before)
    // The same rows in another order, or one fewer: rows shared, not the array.
    const swapped = shareRows([row('b', 2), row('a', 1), row('c', 3)], before)
    expect(swapped).not.toBe(before)
    expect(swapped.map((r) => before.indexOf(r))).toEqual([1, 0, 2])
    const fewer = shareRows([row('a', 1), row('b', 2)], before)
    expect(fewer).not.toBe(before)
    expect(fewer.every((r, i) => r === before[i])).toBe(true)
  })

  it('shares the rows that did not change, and keeps the others as they came', () => {
    const before = [row('a', 1), row('b', 2), row('c', 3)]
    const next = [row('a', 1), row('b', 2, { votes: 1200 }), row('d', 3), row('c', 4)]
    const shared = shareRows(next, before)
    expect(shared).not.toBe(next)
    expect(shared[0]).toBe(before[0])
    expect(shared[1]).toBe(next[1])
    expect(shared[2]).toBe(next[2])
    expect(shared[3]).toBe(next[3])
    expect(shared).toEqual(next)
    // Nothing to share: the rows as they came.
    const other = [row('x', 1)]
    expect(shareRows(other, before)).toBe(other)
  })

  it('shares only within a board', () => {
    const a = snapshot('2025-01-01', [row('a', 1)])
    const b = snapshot('2025-01-02', [row('a', 1)])
    const c = snapshot('2025-01-02', [row('a', 1)], 'lmarena-vision')
    expect(withSharedRows(b, a).rows).toBe(a.rows)
    expect(withSharedRows(c, a)).toBe(c)
    expect(withSharedRows(a, undefined)).toBe(a)
  })

  it('holds each unchanged row once across a board’s days, the published rows the same', () => {
    const steady = board()
    const moved = steady.map((r, i) => (i === 3 ? { ...r, votes: r.votes + 500 } : r))
    const days = [input('2025-03-01', steady), input('2025-03-02', steady), input('2025-03-03', moved), input('2025-03-03', steady, { board: 'lmarena-vision' })]
    const result = normalize(days, emptyData)
    const text = result.snapshots.filter((s) => s.board === 'lmarena-text')
    const vision = result.snapshots.find((s) => s.board === 'lmarena-vision')!
    expect(text.map((s) => s.date)).toEqual(['2025-03-01', '2025-03-02', '2025-03-03'])
    expect(text[1]!.rows).toBe(text[0]!.rows)
    expect(text[2]!.rows).not.toBe(text[1]!.rows)
    expect(text[2]!.rows.filter((r, i) => r === text[1]!.rows[i]).length).toBe(11)
    expect(text[2]!.rows[3]!.votes).toBe(steady[3]!.votes + 500)
    expect(vision.rows.some((r) => text[0]!.rows.includes(r))).toBe(false)
    // Shared or not, the rows are those each day published.
    const alone = days.map((d) => normalize([d], emptyData).snapshots[0]!)
    expect(JSON.stringify(result.snapshots)).toBe(JSON.stringify([...text, vision].map((s, k) => ({ ...s, rows: alone[k]!.rows }))))
  })

  it('gives a day whose pages have the day before’s rows arrays (shared as read) the day before’s snapshot, under its own date, as reconciling it would', () => {
    const en = input('2025-03-01', board())
    const zh = input('2025-03-01', board(), { language: 'zh' })
    const again = (day: NormalizeInput, date: string, declaredRows?: number): NormalizeInput => {
      const next = input(date, board(), { language: day.snapshot.language, ...(declaredRows !== undefined ? { declaredRows } : {}) })
      return { ...next, snapshot: { ...next.snapshot, rows: day.snapshot.rows } }
    }
    const days = [en, zh, again(en, '2025-03-02'), again(zh, '2025-03-02'), again(en, '2025-03-03', 12), again(zh, '2025-03-03')]
    const result = normalize(days, emptyData)
    expect(result.snapshots.map((s) => s.date)).toEqual(['2025-03-01', '2025-03-02', '2025-03-03'])
    expect(result.snapshots[1]!.rows).toBe(result.snapshots[0]!.rows)
    expect(result.snapshots[2]!.rows).toBe(result.snapshots[0]!.rows)
    // The same as the days read apart, rows copied.
    const copied = days.map((d) => ({ ...d, snapshot: { ...d.snapshot, rows: d.snapshot.rows.map((r) => ({ ...r })) } }))
    expect(JSON.stringify(result)).toBe(JSON.stringify(normalize(copied, emptyData)))
    expect(result.snapshots[2]).toMatchObject({ date: '2025-03-03', updatedAt: '2025-03-03T08:08:22Z', shownRows: 12, sources: ['snapshots/lmarena-text/2025-03-03.zh.md', 'snapshots/lmarena-text/2025-03-03.en.md'] })
  })
})
