import { describe, expect, it } from 'vitest'
import { addDays } from '../../src/core/dates.js'
import { buildBoardHistories, MONTHLY_RACE_FROM, raceSnapshots, RECENT_DAYS } from '../../src/model/board-history.js'
import type { Board } from '../../src/model/boards.js'

const daily = (n: number, from = '2024-01-01') => Array.from({ length: n }, (_, i) => ({ date: addDays(from, i) }))

describe('the snapshots a race chart draws', () => {
  it('draws a short history day by day', () => {
    const short = daily(MONTHLY_RACE_FROM)
    expect(raceSnapshots(short)).toEqual({ snapshots: short, monthly: false })
  })

  it('draws a long history month by month: the last snapshot of each month, and the latest', () => {
    const long = daily(400) // 2024-01-01 … 2025-02-03
    const { snapshots, monthly } = raceSnapshots([...long].reverse())
    expect(monthly).toBe(true)
    expect(snapshots.map((s) => s.date)).toEqual([
      '2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31', '2024-06-30', '2024-07-31',
      '2024-08-31', '2024-09-30', '2024-10-31', '2024-11-30', '2024-12-31', '2025-01-31', '2025-02-03'
    ])
  })

  it('keeps a month with a single capture, and leaves a month without any out (a gap, not a point)', () => {
    const sparse = [...daily(200, '2023-01-01'), { date: '2023-12-05' }, ...daily(10, '2024-03-01')]
    expect(raceSnapshots(sparse).snapshots.map((s) => s.date)).toEqual(['2023-01-31', '2023-02-28', '2023-03-31', '2023-04-30', '2023-05-31', '2023-06-30', '2023-07-19', '2023-12-05', '2024-03-10'])
  })
})

describe('the recent race and leaders (the home page\'s)', () => {
  const snapshots = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ board: 'b', date: addDays('2023-01-01', i), rows: [{ model: i % 100 < 50 ? 'a' : 'b', name: 'x', rank: 1 }, { model: i % 100 < 50 ? 'b' : 'a', name: 'y', rank: 2 }] }))
  const history = (n: number) => buildBoardHistories([{ id: 'b', snapshots: snapshots(n) } as unknown as Board], new Map(), []).get('b')!

  it('covers the last RECENT_DAYS when the history is longer, and is absent otherwise', () => {
    expect(history(RECENT_DAYS).recent).toBeUndefined()
    const long = history(RECENT_DAYS + 300)
    const latest = addDays('2023-01-01', RECENT_DAYS + 299)
    expect(long.recent!.from).toBe(addDays(latest, -RECENT_DAYS + 1))
    expect(long.recent!.timeline.from).toBe(long.recent!.from)
    expect(long.recent!.timeline.reigns.length).toBeLessThan(long.timeline.reigns.length)
    expect(long.recent!.race.days[0]!.date >= long.recent!.from).toBe(true)
    expect(long.race.days[0]!.date < long.recent!.from).toBe(true)
  })
})

describe('the names of a board\'s history views', () => {
  it('names each model as the board last published it, on every day, whatever the registry calls it', () => {
    const snapshots = [
      { board: 'b', date: '2026-01-01', rows: [{ model: 'm', name: 'm-thinking', rank: 1 }, { model: 'n', name: 'N (Max)', rank: 2 }] },
      { board: 'b', date: '2026-01-02', rows: [{ model: 'm', name: 'm-high', rank: 1 }, { model: 'n', name: 'N (Max)', rank: 2 }] }
    ]
    const registry = new Map([
      ['m', { id: 'm', name: 'm-thinking', aliases: [], boards: {}, repairs: [] }],
      ['n', { id: 'n', name: 'n-max', aliases: [], boards: {}, repairs: [] }]
    ])
    const history = buildBoardHistories([{ id: 'b', snapshots } as unknown as Board], registry, []).get('b')!
    // The upstream rename of 2026-01-02 names the model on the first day's bars too; the registry's `n-max` is the model page's.
    expect(history.race.series.map((s) => [s.model, s.name])).toEqual([['m', 'm-high'], ['n', 'N (Max)']])
    expect(history.timeline.reigns.flatMap((r) => r.names)).toEqual(['m-high'])
  })
})
