import { describe, expect, it } from 'vitest'
import { buildRace, condenseRace } from '../../src/model/history/race.js'
import { tieGroups } from '../../src/model/history/ties.js'
import { daily, row, snap } from './fixtures.js'

const runsOf = (race: ReturnType<typeof buildRace>, model: string) =>
  race.series.find((s) => s.model === model)!.runs.map((r) => ({ start: r.start, end: r.end, dates: r.points.map((p) => p.date), before: r.before, after: r.after }))

describe('buildRace', () => {
  it('the top K per date by published position, with ranks and intervals as upstream gives them', () => {
    const race = buildRace([snap('2026-01-01', [row('a', 1, { score: 1500, ci: 4, rankUpper: 1, rankLower: 2 }), row('b', 1), row('c', 3), row('d', 4)])], { top: 3 })
    expect(race.days[0]!.top).toEqual([
      { model: 'a', name: 'A', position: 1, rank: 1, rankUpper: 1, rankLower: 2, score: 1500, interval: [1496, 1504] },
      { model: 'b', name: 'B', position: 2, rank: 1 },
      { model: 'c', name: 'C', position: 3, rank: 3 }
    ])
    expect(race.series.map((s) => s.model)).toEqual(['a', 'b', 'c'])
  })

  it('how runs start and end: rose/fell (with the neighbour dates), entered/left, a gap, below a shown top N', () => {
    const race = buildRace(
      [
        snap('2026-01-01', ['a', 'b']),
        snap('2026-01-02', ['a', 'c', 'b']), // b falls to 3: out of the top 2
        snap('2026-01-03', ['b', 'a']), // b rises back; c left the (complete) board
        snap('2026-02-10', ['b', 'a', 'e']), // after a 38-day gap
        snap('2026-02-11', ['e', 'b'], 2) // a top-2 page: a is below the shown rows, not gone
      ],
      { top: 2 }
    )
    expect(runsOf(race, 'a')).toEqual([
      { start: 'first', end: 'gap', dates: ['2026-01-01', '2026-01-02', '2026-01-03'], before: undefined, after: undefined },
      { start: 'gap', end: 'below', dates: ['2026-02-10'], before: undefined, after: '2026-02-11' }
    ])
    expect(runsOf(race, 'b')).toEqual([
      { start: 'first', end: 'fell', dates: ['2026-01-01'], before: undefined, after: '2026-01-02' },
      { start: 'rose', end: 'gap', dates: ['2026-01-03'], before: '2026-01-02', after: undefined },
      { start: 'gap', end: 'last', dates: ['2026-02-10', '2026-02-11'], before: undefined, after: undefined }
    ])
    expect(runsOf(race, 'c')).toEqual([{ start: 'entered', end: 'left', dates: ['2026-01-02'], before: '2026-01-01', after: '2026-01-03' }])
    expect(runsOf(race, 'e')).toEqual([{ start: 'rose', end: 'last', dates: ['2026-02-11'], before: '2026-02-10', after: undefined }])
    expect(race.days.map((d) => [d.date, d.days, d.gapBefore])).toEqual([
      ['2026-01-01', 1, false],
      ['2026-01-02', 1, false],
      ['2026-01-03', 1, false],
      ['2026-02-10', 1, true],
      ['2026-02-11', 1, false]
    ])
  })

  it('a model that surfaces into a top-N page was not new: its run starts as surfaced', () => {
    const race = buildRace([snap('2026-01-01', ['a', 'b'], 2), snap('2026-01-02', ['c', 'a'], 2)], { top: 2 })
    expect(runsOf(race, 'c')[0]!.start).toBe('surfaced')
    expect(runsOf(race, 'b')[0]!.end).toBe('below')
  })

  it('tie bands of the top K per date, by the chosen rule', () => {
    const rows = [
      row('a', 1, { score: 110, ci: 5 }), // 105..115
      row('b', 2, { score: 104, ci: 2 }), // 102..106: shares 105..106 with a
      row('c', 3, { score: 99, ci: 4 }), // 95..103: overlaps b, not a
      row('d', 4, { score: 90, ci: 1 }),
      row('e', 5, { score: 89, ci: 1 }) // tied with d, but outside the top 4
    ]
    expect(buildRace([snap('2026-01-01', rows)], { top: 4 }).days[0]!.ties).toEqual([{ first: 1, last: 2, models: ['a', 'b'] }])
    expect(buildRace([snap('2026-01-01', rows)], { top: 4, tieRule: 'chain' }).days[0]!.ties).toEqual([{ first: 1, last: 3, models: ['a', 'b', 'c'] }])
  })
})

describe('tieGroups', () => {
  it('common: every member shares one score; chain: neighbours overlap', () => {
    const rows = [row('a', 1, { score: 100, ci: 10 }), row('b', 2, { score: 95, ci: 10 }), row('c', 3, { score: 88, ci: 5 }), row('d', 4, { score: 70, ci: 2 })]
    // a 90..110, b 85..105, c 83..93: a∩b = 90..105, ∩c = 90..93: all three share 90..93.
    expect(tieGroups(rows)).toEqual([{ first: 1, last: 3, models: ['a', 'b', 'c'] }])
    const split = [row('a', 1, { score: 100, ci: 3 }), row('b', 2, { score: 96, ci: 2 }), row('c', 3, { score: 92, ci: 2 }), row('e', 4, { score: 91, ci: 1 })]
    // a 97..103, b 94..98, c 90..94, e 90..92: common → {a,b}, {c,e}; chain → one band.
    expect(tieGroups(split).map((g) => [g.first, g.last])).toEqual([
      [1, 2],
      [3, 4]
    ])
    expect(tieGroups(split, 'chain').map((g) => [g.first, g.last])).toEqual([[1, 4]])
  })

  it('falls back to upstream rank spreads when a row has no interval; rows with neither are never tied', () => {
    const rows = [row('a', 1, { rankUpper: 1, rankLower: 2 }), row('b', 2, { rankUpper: 1, rankLower: 3 }), row('c', 3, { rankUpper: 3, rankLower: 4 }), row('d', 4), row('e', 5)]
    expect(tieGroups(rows)).toEqual([{ first: 1, last: 2, models: ['a', 'b'] }])
    expect(tieGroups(rows, 'chain')).toEqual([{ first: 1, last: 3, models: ['a', 'b', 'c'] }])
  })
})

describe('condenseRace', () => {
  it('keeps first, last, gap sides, each change and the date before it; kept dates stand for the merged days', () => {
    // a leads days 0-9, b from day 10; then a gap of 20 days, then 3 more days of b.
    const before = daily('2026-03-01', 15, (i) => (i < 10 ? ['a', 'b'] : ['b', 'a']))
    const after = daily('2026-04-04', 3, () => ['b', 'a'])
    const race = buildRace([...before, ...after], { top: 2 })
    const c = condenseRace(race)
    expect(c.days.map((d) => [d.date, d.days, d.snapshots, d.gapBefore])).toEqual([
      ['2026-03-01', 9, 9, false],
      ['2026-03-10', 1, 1, false], // the day before the change
      ['2026-03-11', 4, 4, false], // the change
      ['2026-03-15', 1, 1, false], // before the gap
      ['2026-04-04', 2, 2, true], // after the gap, standing for 04-05 too
      ['2026-04-06', 1, 1, false] // last
    ])
    const total = (r: typeof race) => r.days.reduce((n, d) => n + d.days, 0)
    expect(total(c)).toBe(total(race))
    expect(c.series.find((s) => s.model === 'a')!.runs.map((r) => r.points.map((p) => [p.date, p.position, p.days]))).toEqual([
      [
        ['2026-03-01', 1, 9],
        ['2026-03-10', 1, 1],
        ['2026-03-11', 2, 4],
        ['2026-03-15', 2, 1]
      ],
      [
        ['2026-04-04', 2, 2],
        ['2026-04-06', 2, 1]
      ]
    ])
  })
})
