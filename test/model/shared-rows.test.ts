import { describe, expect, it } from 'vitest'
import { buildBoardHistories } from '../../src/model/board-history.js'
import type { Board } from '../../src/model/boards.js'
import { buildFrontier } from '../../src/model/history/frontier.js'
import { boardLifecycles } from '../../src/model/history/lifecycle.js'
import type { HistorySnapshot } from '../../src/model/history/snapshot.js'
import type { ReconciledRow } from '../../src/registry/types.js'
import { row, snap } from '../history/fixtures.js'

/**
 * The history views read rows shared from day to day (`shareRows`: a row the
 * day before had is its object, a repeated day its array) as they read
 * copies: the same objects only save work.
 */

/** The same snapshots, each row a copy of its own. */
const copies = (list: readonly HistorySnapshot[]): HistorySnapshot[] => list.map((s) => ({ ...s, rows: s.rows.map((r) => ({ ...r })) }))

const a1 = row('a', 1, { score: 1500, votes: 1000, ci: 5, organization: 'Acme' })
const b2 = row('b', 2, { score: 1490, votes: 900, ci: 5, organization: 'Beta' })
const c3 = row('c', 3, { score: 1480, votes: 800, ci: 5, organization: 'Acme' })
const day1 = [a1, b2, c3]
/** A board's days as normalize gives them: repeated days share the rows array, unchanged rows their objects. */
const shared: HistorySnapshot[] = [
  snap('2026-01-01', day1),
  snap('2026-01-02', day1),
  snap('2026-01-03', day1),
  // The same rows after a gap of more than 14 days: a new line of every model's history.
  snap('2026-01-20', day1),
  // b moves up; a and c are the rows they were.
  snap('2026-01-21', [row('b', 1, { score: 1502, votes: 950, ci: 5, organization: 'Beta' }), { ...a1, rank: 2 }, c3]),
  // A top-2 page: c is below it, then listed again as it was.
  snap('2026-01-22', [row('b', 1, { score: 1502, votes: 950, ci: 5, organization: 'Beta' }), { ...a1, rank: 2 }], 2),
  snap('2026-01-23', [row('b', 1, { score: 1502, votes: 950, ci: 5, organization: 'Beta' }), { ...a1, rank: 2 }, c3]),
  snap('2026-01-24', [row('b', 1, { score: 1502, votes: 950, ci: 5, organization: 'Beta' }), { ...a1, rank: 2 }, c3])
]
shared[1]!.rows = shared[0]!.rows
shared[2]!.rows = shared[0]!.rows
shared[3]!.rows = shared[0]!.rows

describe('rows shared from day to day, in the history views', () => {
  it('give each model the lifecycle copies give, gaps, absences and the last day included', () => {
    const lives = boardLifecycles(shared)
    expect(lives).toEqual(boardLifecycles(copies(shared)))
    const c = lives.find((l) => l.model === 'c')!
    // 01-01…01-03 one line; after the gap a line of its own; below the top 2; listed again; the last day.
    expect(c.history.map((p) => [p.date, p.until, p.state, p.gapBefore])).toEqual([
      ['2026-01-01', '2026-01-03', 'listed', false],
      ['2026-01-20', '2026-01-21', 'listed', true],
      ['2026-01-22', '2026-01-22', 'below', false],
      ['2026-01-23', '2026-01-23', 'listed', false],
      ['2026-01-24', '2026-01-24', 'listed', false]
    ])
  })

  it('give the frontier copies give', () => {
    const info = (id: string) => ({ organization: id === 'b' ? 'Beta' : 'Acme', openWeights: id === 'c' })
    expect(buildFrontier(shared, info)).toEqual(buildFrontier(copies(shared), info))
    // The memo of a day's bests holds for its rows, not for its date or board.
    const other = [{ ...shared[0]!, board: 'x', date: '2026-03-01', rows: shared[4]!.rows }]
    expect(buildFrontier(other, info).days[0]!.organizations.map((o) => [o.organization, o.model])).toEqual([
      ['Beta', 'b'],
      ['Acme', 'a']
    ])
  })

  it('name each model as the board last published it, renamed rows shared as the rows were', () => {
    const renamed = shared.map((s) => ({ ...s, rows: s.rows.map((r) => (r.model === 'a' && s.date === '2026-01-24' ? { ...r, name: 'A v2' } : r)) }))
    for (let k = 1; k < 4; k++) renamed[k]!.rows = renamed[0]!.rows
    const history = (list: HistorySnapshot[]) => buildBoardHistories([{ id: 'b', snapshots: list } as unknown as Board], new Map(), []).get('b')!
    const h = history(renamed)
    const lines = h.lifecycles.get('a')!.history
    expect(h.lifecycles.get('a')!.name).toBe('A v2')
    expect([...h.lifecycles.values()]).toEqual([...history(copies(renamed)).lifecycles.values()])
    expect(h.race).toEqual(history(copies(renamed)).race)
    expect(h.race.series.find((s) => s.model === 'a')!.name).toBe('A v2')
    // The repeated days are one line, renamed or not.
    expect(lines[0]!.until).toBe('2026-01-03')
  })

  it('leave the snapshots they read as they were', () => {
    const before = JSON.stringify(shared)
    boardLifecycles(shared)
    buildFrontier(shared, () => undefined)
    buildBoardHistories([{ id: 'b', snapshots: shared } as unknown as Board], new Map(), [])
    expect(JSON.stringify(shared)).toBe(before)
    expect(shared[1]!.rows).toBe(shared[0]!.rows)
    expect((shared[0]!.rows as ReconciledRow[])[0]!.name).toBe('A')
  })
})
