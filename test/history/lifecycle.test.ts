import { describe, expect, it } from 'vitest'
import { leaderTimeline } from '../../src/model/history/leaders.js'
import { boardLifecycles } from '../../src/model/history/lifecycle.js'
import { row, snap } from './fixtures.js'

const life = (list: Parameters<typeof boardLifecycles>[0], model: string, options = {}) => boardLifecycles(list, options).find((l) => l.model === model)!

describe('boardLifecycles', () => {
  const list = [
    snap('2026-01-01', [row('a', 2, { votes: 1000, ci: 10 }), row('b', 1)]),
    snap('2026-01-03', [row('a', 1, { votes: 1050, ci: 10 }), row('b', 2)]), // votes +5%: not a change of its own; rank is
    snap('2026-01-04', [row('a', 1, { votes: 1080, ci: 10 }), row('b', 2)]), // nothing changed
    snap('2026-01-05', [row('a', 1, { votes: 1200, ci: 8 }), row('b', 2)]), // interval narrowed
    snap('2026-02-10', [row('a', 1, { votes: 1500, ci: 6 }), row('b', 2)]), // after a 36-day gap
    snap('2026-02-11', [row('b', 1)], 1), // a top-1 page: a is below the shown row
    snap('2026-02-12', [row('b', 1), row('c', 2)]) // complete again: a is gone
  ]

  it('first and last seen, peak and when, snapshots, votes gained, interval narrowing, status', () => {
    const a = life(list, 'a')
    expect([a.first, a.last, a.snapshots, a.peak, a.status]).toEqual(['2026-01-01', '2026-02-10', 5, { rank: 1, date: '2026-01-03' }, 'absent'])
    expect(a.votes).toEqual({ first: 1000, last: 1500, gained: 500 })
    expect(a.interval).toEqual({ first: 20, last: 12, narrowing: 8 })
    expect(life(list, 'b').votes).toBeUndefined()
    expect(life(list, 'c').status).toBe('listed')
  })

  it('days at #1 and in the top 10: until the next snapshot, one day before a gap and on the last snapshot', () => {
    const a = life(list, 'a')
    // #1 on 01-03 (1 day), 01-04 (1), 01-05 (1: a gap follows), 02-10 (1).
    expect(a.daysAtTop).toBe(4)
    // top 10 also on 01-01 (2 days to 01-03).
    expect(a.daysInTop10).toBe(6)
    // Agrees with the leader timeline of the board.
    const b = life(list, 'b')
    const timeline = leaderTimeline(list)
    const held = (m: string) => timeline.reigns.filter((r) => r.leaders.includes(m)).reduce((n, r) => n + r.days, 0)
    expect([b.daysAtTop, held('b'), a.daysAtTop, held('a')]).toEqual([4, 4, 4, 4])
    // Without the gap rule (threshold 60), 01-05 stands for the 36 days to 02-10.
    expect(life(list, 'a', { gapDays: 60 }).daysAtTop).toBe(39)
    // The gap after 01-05 is not counted, and is said: one stretch after a day at #1 (and in the top 10).
    expect(a.gapsAfter).toEqual({ atTop: 1, inTop10: 1 })
    expect(life(list, 'a', { gapDays: 60 }).gapsAfter).toEqual({ atTop: 0, inTop10: 0 })
  })

  it('the condensed history: changes, gap sides, below the shown top N, gone; first and last listing on lines of their own', () => {
    const a = life(list, 'a')
    expect(a.history.map((p) => [p.date, p.until, p.snapshots, p.state, p.rank, p.votes, p.gapBefore])).toEqual([
      ['2026-01-01', '2026-01-01', 1, 'listed', 2, 1000, false],
      ['2026-01-03', '2026-01-04', 2, 'listed', 1, 1050, false],
      ['2026-01-05', '2026-01-05', 1, 'listed', 1, 1200, false],
      ['2026-02-10', '2026-02-10', 1, 'listed', 1, 1500, true],
      ['2026-02-11', '2026-02-11', 1, 'below', undefined, undefined, false],
      ['2026-02-12', '2026-02-12', 1, 'absent', undefined, undefined, false]
    ])
  })

  it('votes beyond the threshold are a change; below it they are not; the last listing always is a line', () => {
    const votes = [1000, 1040, 1099, 1100, 1150, 1160].map((v, i) => snap(`2026-01-0${i + 1}`, [row('a', 1, { votes: v })]))
    expect(life(votes, 'a').history.map((p) => [p.date, p.votes, p.snapshots])).toEqual([
      ['2026-01-01', 1000, 3], // 1040 and 1099 are within 10% of 1000
      ['2026-01-04', 1100, 2], // +10%; 1150 is within 10% of 1100
      ['2026-01-06', 1160, 1] // the last listing
    ])
    expect(life(votes, 'a', { votesRatio: 0.05 }).history.map((p) => p.votes)).toEqual([1000, 1099, 1160])
  })

  it('every model of the board, by id', () => {
    expect(boardLifecycles(list).map((l) => l.model)).toEqual(['a', 'b', 'c'])
  })
})
