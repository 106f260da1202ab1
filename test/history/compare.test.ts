import { describe, expect, it } from 'vitest'
import { compareSnapshots, compareSpans, standardSpans } from '../../src/model/history/compare.js'
import { addDays, addMonths } from '../../src/core/dates.js'
import { row, snap } from './fixtures.js'

describe('compareSnapshots', () => {
  it('entered, left, moved with significance, unchanged between any two dates', () => {
    const a = snap('2026-01-01', [row('a', 1, { score: 1500, ci: 3 }), row('b', 2, { score: 1490, ci: 3 }), row('c', 3), row('d', 4)])
    const b = snap('2026-03-01', [row('b', 1, { score: 1510, ci: 3 }), row('a', 2, { score: 1498, ci: 3 }), row('e', 3), row('d', 4)])
    const c = compareSnapshots(a, b)
    expect([c.from, c.to, c.days, c.unchanged]).toEqual(['2026-01-01', '2026-03-01', 59, 1])
    expect(c.entered.map((e) => e.model)).toEqual(['e'])
    expect(c.left.map((e) => e.model)).toEqual(['c'])
    expect([c.surfaced, c.belowShown]).toEqual([[], []])
    expect(c.moved.map((m) => [m.model, m.rankDelta, m.scoreDelta, m.significant])).toEqual([
      ['b', 1, 20, true],
      ['a', -1, -2, false]
    ])
  })

  it('against a top-N page, a missing model is below the shown rows, not gone; from one, a new row may have been below', () => {
    const full = snap('2026-07-28', ['a', 'b', 'c', 'd'])
    const top2 = snap('2026-07-29', ['b', 'a'], 2)
    const out = compareSnapshots(full, top2)
    expect([out.left, out.belowShown.map((e) => [e.model, e.rank])]).toEqual([
      [],
      [
        ['c', 3],
        ['d', 4]
      ]
    ])
    const back = compareSnapshots(top2, snap('2026-07-30', ['b', 'c', 'a']))
    expect([back.entered, back.surfaced.map((e) => e.model)]).toEqual([[], ['c']])
  })
})

describe('calendar', () => {
  it('months clamp to the end of the target month', () => {
    expect([addMonths('2026-03-31', -1), addMonths('2024-02-29', -12), addMonths('2026-01-15', -3), addDays('2026-03-01', -1)]).toEqual([
      '2026-02-28',
      '2023-02-28',
      '2025-10-15',
      '2026-02-28'
    ])
  })
})

describe('standardSpans', () => {
  it('each span resolves to the latest snapshot on or before its target; repeats of a shorter span are left out', () => {
    const dates = ['2025-01-01', '2025-06-15', '2025-12-20', '2026-01-20', '2026-02-25', '2026-03-24', '2026-03-31']
    expect(standardSpans(dates).map((s) => [s.id, s.target, s.from, s.days])).toEqual([
      ['1w', '2026-03-24', '2026-03-24', 7],
      ['1m', '2026-02-28', '2026-02-25', 34],
      ['3m', '2025-12-31', '2025-12-20', 101],
      ['1y', '2025-03-31', '2025-01-01', 454]
      // all time is 2025-01-01 again: left out
    ])
  })

  it('a span with no snapshot early enough is left out; a sparse history may resolve several spans to one pair', () => {
    expect(standardSpans(['2026-01-01', '2026-03-31']).map((s) => [s.id, s.from, s.days])).toEqual([['1w', '2026-01-01', 89]])
    expect(standardSpans(['2026-03-30', '2026-03-31']).map((s) => [s.id, s.from])).toEqual([['all', '2026-03-30']])
    expect(standardSpans(['2026-03-31'])).toEqual([])
  })

  it('compareSpans compares the resolved pairs', () => {
    const list = [snap('2026-03-01', ['a', 'b']), snap('2026-03-20', ['b', 'a']), snap('2026-03-31', ['b', 'c'])]
    expect(compareSpans(list).map(({ span, comparison }) => [span.id, comparison.from, comparison.left.map((e) => e.model)])).toEqual([
      ['1w', '2026-03-20', ['a']],
      ['all', '2026-03-01', ['a']] // 1 month back (02-28) has no snapshot
    ])
  })
})
