import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../src/core/dates.js'
import { buildFrontier, condenseFrontier, keptFrontier, leadingOrganizations, type ModelInfo } from '../../src/model/history/frontier.js'
import { row, snap } from './fixtures.js'

const registry: Record<string, { organization?: string; openWeights?: boolean }> = {
  g1: { organization: 'Google', openWeights: false },
  g2: { organization: 'Google', openWeights: true },
  o1: { organization: 'OpenAI', openWeights: false },
  d1: { organization: 'DeepSeek', openWeights: true },
  u1: { organization: 'Unknown Lab' }, // openness unknown
  x1: {} // organization unknown
}
const info: ModelInfo = (id) => registry[id]

describe('buildFrontier', () => {
  const list = [
    snap('2026-01-01', [row('o1', 1, { score: 1500, ci: 5 }), row('g1', 2, { score: 1490 }), row('x1', 3, { score: 1480 }), row('d1', 4, { score: 1470 }), row('g2', 5, { score: 1460 })]),
    snap('2026-01-02', [row('g1', 1, { score: 1505 }), row('o1', 2, { score: 1500 }), row('u1', 3, { score: 1490 }), row('g2', 4, { score: 1480 }), row('d1', 5, { score: 1475 })]),
    snap('2026-01-03', [row('g1', 1, { score: 1505 }), row('o1', 2, { score: 1500 }), row('u1', 3, { score: 1490 })], 3)
  ]
  const f = buildFrontier(list, info)

  it('the best score of each organization per date, best first', () => {
    expect(f.days[0]!.organizations.map((o) => [o.organization, o.model, o.score])).toEqual([
      ['OpenAI', 'o1', 1500],
      ['Google', 'g1', 1490],
      ['DeepSeek', 'd1', 1470]
    ])
    expect(f.days[0]!.organizations[0]!.interval).toEqual([1495, 1505])
    expect(f.days[1]!.organizations.map((o) => [o.organization, o.model])).toEqual([
      ['Google', 'g1'],
      ['OpenAI', 'o1'],
      ['Unknown Lab', 'u1'],
      ['DeepSeek', 'd1']
    ])
  })

  it('the gap between the best open-weights and the best proprietary model, with both ids', () => {
    expect([f.days[0]!.open?.model, f.days[0]!.proprietary?.model, f.days[0]!.gap]).toEqual(['d1', 'o1', 30])
    expect([f.days[1]!.open?.model, f.days[1]!.proprietary?.model, f.days[1]!.gap]).toEqual(['g2', 'g1', 25])
    // A top-3 page without an open model: the gap is at least best proprietary − lowest shown.
    expect([f.days[2]!.open, f.days[2]!.gap, f.days[2]!.gapAtLeast]).toEqual([undefined, undefined, 15])
  })

  it("an organization's best is its best score wherever the page lists it; the lowest shown is any row's", () => {
    // Ranks that do not follow the scores (a page ranked another way).
    const odd = buildFrontier([snap('2026-03-01', [row('g2', 1, { score: 1400 }), row('g1', 2, { score: 1450 }), row('o1', 3, { score: 1420 })])], info).days[0]!
    expect(odd.organizations.map((o) => [o.organization, o.model, o.score])).toEqual([
      ['Google', 'g1', 1450],
      ['OpenAI', 'o1', 1420]
    ])
    expect([odd.open?.model, odd.proprietary?.model, odd.gap]).toEqual(['g2', 'g1', 50])
    const top2 = buildFrontier([snap('2026-03-01', [row('o1', 1, { score: 1300 }), row('g1', 2, { score: 1450 })], 2)], info).days[0]!
    expect([top2.proprietary?.model, top2.gapAtLeast]).toEqual(['g1', 150])
  })

  it('snapshots without scores are skipped', () => {
    expect(buildFrontier([snap('2026-01-01', ['g1', 'o1'])], info).days).toEqual([])
  })

  it('leading organizations: most days as the best first, then the latest best score', () => {
    expect(leadingOrganizations(f, 3)).toEqual(['Google', 'OpenAI', 'Unknown Lab'])
  })

  it('condensing keeps the change points of the organizations drawn', () => {
    const days = [1, 2, 3, 4, 5, 6].map((d) =>
      snap(`2026-02-0${d}`, [row('o1', 1, { score: d < 4 ? 1500 : 1510 }), row('d1', 2, { score: 1400 + d }), row('g2', 3, { score: 1390 })])
    )
    const all = buildFrontier(days, info)
    expect(condenseFrontier(all).days.map((d) => d.date)).toHaveLength(6) // DeepSeek moves daily
    // Only OpenAI drawn: DeepSeek still moves the open-weights best, so mute it too by giving it no openness.
    const quiet = buildFrontier(days, (id) => (id === 'o1' ? registry.o1 : { organization: registry[id]?.organization }))
    expect(condenseFrontier(quiet, ['OpenAI']).days.map((d) => [d.date, d.days, d.snapshots])).toEqual([
      ['2026-02-01', 3, 3],
      ['2026-02-04', 2, 2],
      ['2026-02-06', 1, 1]
    ])
  })

  it('the frontier a history keeps loses nothing the views show', () => {
    // Boards of up to 40 snapshots, a few days or a gap apart, whose six models score one of three values or are
    // missing; most days repeat the scores of the day before (null), as boards do.
    const models = ['g1', 'g2', 'o1', 'd1', 'u1', 'x1']
    const scores = fc.array(fc.constantFrom(0, 1400, 1410, 1420), { minLength: 6, maxLength: 6 })
    const day = fc.record({ after: fc.constantFrom(1, 1, 1, 2, 20), scores: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: scores, weight: 1 }), top: fc.boolean() })
    fc.assert(
      fc.property(fc.array(day, { minLength: 1, maxLength: 40 }), fc.subarray(['Google', 'OpenAI', 'DeepSeek', 'Unknown Lab']), (days, drawn) => {
        let date = '2026-01-01'
        let today = [1400, 1410, 1420, 0, 1400, 1410]
        const list = days.map((d, i) => {
          if (i > 0) date = addDays(date, d.after)
          today = d.scores ?? today
          const rows = models.flatMap((m, k) => (today[k] ? [row(m, k + 1, { score: today[k] })] : []))
          return snap(date, rows, d.top ? 3 : undefined)
        })
        const full = buildFrontier(list, info)
        const kept = keptFrontier(full)
        // Condensed again by any organizations, as the charts do: what the whole frontier gives.
        for (const orgs of [undefined, drawn]) expect(condenseFrontier(kept, orgs)).toEqual(condenseFrontier(full, orgs))
        expect(leadingOrganizations(kept, 3)).toEqual(leadingOrganizations(full, 3))
        // The days and snapshots it stands for are all there; a point after a gap stands for its own snapshot only.
        expect(kept.days.reduce((n, d) => n + d.snapshots, 0)).toBe(full.days.length)
        expect(kept.days.reduce((n, d) => n + d.days, 0)).toBe(full.days.reduce((n, d) => n + d.days, 0))
        for (const d of kept.days) if (d.gapBefore) expect(d.snapshots).toBe(1)
        // Each point stands for whole stretches of the same bests, to the last date it names.
        for (const [i, d] of kept.days.entries()) {
          const from = full.days.findIndex((f) => f.date === d.date)
          const to = full.days.findIndex((f) => f.date === (d.until ?? d.date))
          expect(to - from + 1).toBe(d.snapshots)
          expect(kept.days[i + 1]?.date ?? null).toBe(full.days[to + 1]?.date ?? null)
          for (const f of full.days.slice(from, to + 1)) expect([f.open, f.proprietary, f.gapAtLeast, f.organizations]).toEqual([d.open, d.proprietary, d.gapAtLeast, d.organizations])
        }
      })
    )
  })
})

