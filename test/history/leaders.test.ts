import { describe, expect, it } from 'vitest'
import { leaderTimeline, timelineSince } from '../../src/model/history/leaders.js'
import { leaderTimelineChart } from '../../src/render/charts/leader-timeline.js'
import { row, snap } from './fixtures.js'

describe('leaderTimeline', () => {
  it('a leader change: days held run to the day before the next leader, the current one to the last snapshot', () => {
    const t = leaderTimeline([
      snap('2026-01-01', ['a', 'b']),
      snap('2026-01-02', ['a', 'b']),
      snap('2026-01-04', ['a', 'b']),
      snap('2026-01-05', ['b', 'a']),
      snap('2026-01-07', ['b', 'a'])
    ])
    expect(t.reigns.map((r) => [r.leaders, r.from, r.until, r.days, r.snapshots])).toEqual([
      [['a'], '2026-01-01', '2026-01-04', 4, 3],
      [['b'], '2026-01-05', '2026-01-07', 3, 2]
    ])
    expect(t.current.map((s) => [s.model, s.from, s.days])).toEqual([['b', '2026-01-05', 3]])
    expect(t.longest?.model).toBe('a')
    expect([t.from, t.to]).toEqual(['2026-01-01', '2026-01-07'])
  })

  it('takes snapshots in any order and keeps the first of a duplicated date', () => {
    const t = leaderTimeline([snap('2026-01-03', ['b']), snap('2026-01-01', ['a']), snap('2026-01-01', ['c'])])
    expect(t.reigns.map((r) => [r.leaders[0], r.days])).toEqual([
      ['a', 2],
      ['b', 1]
    ])
  })

  it('a shared #1 (two rows ranked 1) is one reign of both, counted as tied', () => {
    const t = leaderTimeline([
      snap('2026-01-01', [row('z', 1), row('a', 1), row('c', 3)]),
      snap('2026-01-02', [row('a', 1), row('z', 1), row('c', 3)]),
      snap('2026-01-03', [row('a', 1), row('z', 2), row('c', 3)])
    ])
    expect(t.reigns.map((r) => [r.leaders, r.names, r.days, r.tiedSnapshots])).toEqual([
      [['a', 'z'], ['A', 'Z'], 2, 2],
      [['a'], ['A'], 1, 0]
    ])
    // a held #1 throughout (shared, then alone): one streak; z's streak ended.
    expect(t.streaks.map((s) => [s.model, s.from, s.until, s.days, s.snapshots])).toEqual([
      ['a', '2026-01-01', '2026-01-03', 3, 3],
      ['z', '2026-01-01', '2026-01-02', 2, 2]
    ])
    expect(t.current.map((s) => s.model)).toEqual(['a'])
  })

  it('statistically tied: the runner-up interval overlaps the leader; clear when disjoint; unknown without intervals', () => {
    const t = leaderTimeline([
      snap('2026-01-01', [row('a', 1, { score: 1500, ci: 5 }), row('b', 2, { score: 1490, ci: 5 })]), // touching: tied
      snap('2026-01-02', [row('a', 1, { score: 1500, ci: 4 }), row('b', 2, { score: 1490, ci: 5 })]), // 1496 > 1495: clear
      snap('2026-01-03', [row('a', 1, { score: 1500 }), row('b', 2, { score: 1490 })]), // unknown
      snap('2026-01-04', [row('a', 1, { rankUpper: 1, rankLower: 2 }), row('b', 2, { rankUpper: 1, rankLower: 3 })]) // spreads overlap
    ])
    expect(t.reigns).toHaveLength(1)
    expect([t.reigns[0]!.snapshots, t.reigns[0]!.tiedSnapshots, t.reigns[0]!.clearSnapshots]).toEqual([4, 2, 1])
  })

  it('a 30-day gap ends a reign: days stop at the last snapshot before it, the next reign starts after it', () => {
    const list = [snap('2026-01-01', ['a']), snap('2026-01-02', ['a']), snap('2026-02-01', ['a']), snap('2026-02-03', ['a'])]
    const t = leaderTimeline(list)
    expect(t.reigns.map((r) => [r.from, r.until, r.days, r.afterGap])).toEqual([
      ['2026-01-01', '2026-01-02', 2, false],
      ['2026-02-01', '2026-02-03', 3, true]
    ])
    expect(t.current.map((s) => [s.from, s.days])).toEqual([['2026-02-01', 3]])
    expect(t.longest?.from).toBe('2026-02-01')
    // With a longer threshold, the 30 days are not a gap: one reign of 34 days.
    const wide = leaderTimeline(list, { gapDays: 30 })
    expect(wide.reigns.map((r) => [r.from, r.until, r.days])).toEqual([['2026-01-01', '2026-02-03', 34]])
  })

  it('no snapshots: an empty timeline', () => {
    expect(leaderTimeline([])).toEqual({ board: '', from: '', to: '', reigns: [], streaks: [], current: [] })
  })
})

describe('timelineSince', () => {
  const t = leaderTimeline([
    snap('2026-01-01', ['a', 'b']),
    snap('2026-01-05', ['a', 'b']),
    snap('2026-01-06', ['b', 'a']),
    snap('2026-01-10', ['c', 'a']),
    snap('2026-01-20', ['c', 'a'])
  ])

  it('keeps the reigns held on or after the date, whole; streaks stay the whole history\'s', () => {
    const recent = timelineSince(t, '2026-01-08')
    expect(recent.reigns.map((r) => [r.leaders, r.from, r.until])).toEqual([
      [['b'], '2026-01-06', '2026-01-09'],
      [['c'], '2026-01-10', '2026-01-20']
    ])
    expect([recent.from, recent.to]).toEqual(['2026-01-08', '2026-01-20'])
    expect(recent.longest).toEqual(t.longest)
    expect(recent.current).toEqual(t.current)
    expect(timelineSince(t, '2025-12-01')).toBe(t)
  })

  it('is drawn from its first day: a reign that began before starts at the plot\'s left edge', () => {
    const chart = leaderTimelineChart(timelineSince(t, '2026-01-08'), { id: 'r', width: 400 })
    const bars = [...chart.svg.matchAll(/<rect class="chart-reign[^"]*" x="([^"]*)" y="[^"]*" width="([^"]*)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const)
    expect(bars).toHaveLength(2)
    expect(bars[0]![0]).toBe(6)
    // b's bar: 2 of the 13 days drawn (01-08, 01-09); c's: 11.
    expect(bars[1]![1] / bars[0]![1]).toBeCloseTo(11 / 2, 1)
    expect(chart.caption).toContain('2 reigns from 2026-01-08 to 2026-01-20')
  })
})
