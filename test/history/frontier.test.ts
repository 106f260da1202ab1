import { describe, expect, it } from 'vitest'
import { buildFrontier, condenseFrontier, leadingOrganizations, type ModelInfo } from '../../src/model/history/frontier.js'
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
})
