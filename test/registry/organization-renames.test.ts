import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildOrganizations } from '../../src/model/organizations.js'
import { currentOrganizationName, findOrganizationRenames } from '../../src/registry/organization-renames.js'
import type { ReconciledSnapshot, RegistryModel } from '../../src/registry/types.js'

/** One snapshot a day; each row `model:organization`. */
function days(...list: [string, string[]][]): ReconciledSnapshot[] {
  return list.map(([date, rows]) => ({
    board: 'lmarena-text',
    date,
    updatedAt: null,
    languages: ['en'],
    sources: [`snapshots/lmarena-text/${date}.en.md`],
    rows: rows.map((r, i) => {
      const [model, organization] = r.split(':') as [string, string | undefined]
      return { rank: i + 1, name: model, model, ...(organization ? { organization } : {}) }
    })
  }))
}

describe('organization renames, as the cells show them', () => {
  it('finds a name every model switched to on one day', () => {
    const renames = findOrganizationRenames(
      days(['2026-07-07', ['grok-4:xAI', 'grok-3:xAI', 'gpt-5:OpenAI']], ['2026-07-08', ['grok-4:xAI', 'grok-3:xAI', 'gpt-5:OpenAI']], ['2026-07-09', ['grok-4:SpaceXAI', 'grok-3:SpaceXAI', 'gpt-5:OpenAI', 'grok-5:SpaceXAI']])
    )
    expect(renames).toEqual([{ from: 'xAI', to: 'SpaceXAI', until: '2026-07-08', since: '2026-07-09', models: ['grok-3', 'grok-4'], credited: ['grok-3', 'grok-4'] }])
  })

  it('finds it when the new name credited other models before (Zhipu AI → Z.ai)', () => {
    const renames = findOrganizationRenames(
      days(
        ['2025-08-07', ['glm-4:Zhipu AI', 'glm-4-plus:Zhipu AI', 'glm-4-0116:Zhipu AI', 'glm-4.5:Z.ai']],
        ['2026-05-14', ['glm-4:Zhipu AI', 'glm-4-plus:Zhipu AI', 'glm-4.5:Z.ai']],
        ['2026-05-15', ['glm-4:Z.ai', 'glm-4-plus:Z.ai', 'glm-4.5:Z.ai']]
      )
    )
    // `credited`: every model a row credits to the old name (glm-4-0116 left before the switch; glm-4.5 never had it).
    expect(renames).toEqual([{ from: 'Zhipu AI', to: 'Z.ai', until: '2026-05-14', since: '2026-05-15', models: ['glm-4', 'glm-4-plus'], credited: ['glm-4', 'glm-4-0116', 'glm-4-plus'] }])
  })

  it('finds none where the cells do not show one organization renamed', () => {
    // One model moved: not enough to say the organization was renamed.
    expect(findOrganizationRenames(days(['2026-01-01', ['a:Old', 'b:Old']], ['2026-01-02', ['a:New', 'b:Old']]))).toEqual([])
    expect(findOrganizationRenames(days(['2026-01-01', ['a:Old', 'b:Old', 'c:Old']], ['2026-01-02', ['a:New']]))).toEqual([])
    // Two models moved, but the old name still credits another model after: models changed hands, the old name lives on.
    expect(findOrganizationRenames(days(['2026-01-01', ['a:Old', 'b:Old', 'c:Old']], ['2026-01-02', ['a:New', 'b:New', 'c:Old']]))).toEqual([])
    // Two names used side by side, a model credited to either on different days (Ai2 and Allen AI).
    expect(findOrganizationRenames(days(['2026-01-01', ['a:Ai2', 'b:Allen AI']], ['2026-01-02', ['a:Allen AI', 'b:Ai2']], ['2026-01-03', ['a:Ai2', 'b:Allen AI']]))).toEqual([])
    // Going back: the old name credits the models again.
    expect(findOrganizationRenames(days(['2026-01-01', ['a:Old', 'b:Old']], ['2026-01-02', ['a:New', 'b:New']], ['2026-01-03', ['a:Old', 'b:Old']]))).toEqual([])
    // Rows with no organization say nothing.
    expect(findOrganizationRenames(days(['2026-01-01', ['a:Old', 'b:Old']], ['2026-01-02', ['a', 'b']]))).toEqual([])
  })

  it('follows none the data file keeps apart (distinct)', () => {
    const store = days(['2026-07-08', ['grok-4:xAI', 'grok-3:xAI']], ['2026-07-09', ['grok-4:SpaceXAI', 'grok-3:SpaceXAI']])
    expect(findOrganizationRenames(store, (a, b) => a === 'xAI' && b === 'SpaceXAI')).toEqual([])
    expect(findOrganizationRenames(store, (a, b) => a === 'OpenAI' && b === 'SpaceXAI')).toHaveLength(1)
  })

  it('follows renames in a chain to the name used now', () => {
    const renames = findOrganizationRenames(days(['2024-01-01', ['a:A', 'b:A']], ['2025-01-01', ['a:B', 'b:B']], ['2026-01-01', ['a:C', 'b:C']]))
    expect(renames.map((r) => `${r.from}→${r.to}`)).toEqual(['A→B', 'B→C'])
    const current = currentOrganizationName(renames)
    expect(['A', 'B', 'C', 'D'].map(current)).toEqual(['C', 'C', 'C', 'D'])
  })

  it('never renames a name still in use, and always ends a chain of renames (any store)', () => {
    const day = fc.tuple(fc.integer({ min: 1, max: 28 }), fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom('A', 'B', 'C', '__proto__', undefined)), { maxLength: 6 }))
    fc.assert(
      fc.property(fc.array(day, { maxLength: 12 }), (list) => {
        const snapshots = days(...list.map(([d, rows]): [string, string[]] => [`2026-01-${String(d).padStart(2, '0')}`, rows.map(([m, o]) => (o ? `${m}:${o}` : m))]))
        const renames = findOrganizationRenames(snapshots)
        const current = currentOrganizationName(renames)
        for (const r of renames) {
          expect(r.until < r.since).toBe(true)
          expect(r.models.length).toBeGreaterThanOrEqual(2)
          // No row credits the old name on or after the switch.
          for (const s of snapshots) if (s.date >= r.since) expect(s.rows.some((row) => row.organization === r.from)).toBe(false)
          expect(current(r.from)).toBe(current(r.to))
        }
        expect(new Set(renames.map((r) => r.from)).size).toBe(renames.length)
      })
    )
  })

  it('lists a renamed organization once, under its new name, with its former names and their addresses', () => {
    const renames = findOrganizationRenames(days(['2026-07-08', ['grok-4:xAI', 'grok-3:xAI']], ['2026-07-09', ['grok-4:SpaceXAI', 'grok-3:SpaceXAI']]))
    const model = (id: string, organization: string): RegistryModel => ({ id, name: id, organization, aliases: [id], boards: {}, repairs: [] })
    const orgs = buildOrganizations([model('grok-3', 'SpaceXAI'), model('grok-4', 'SpaceXAI'), model('gpt-5', 'OpenAI')], renames)
    expect(orgs).toEqual([
      { slug: 'openai', name: 'OpenAI', models: ['gpt-5'], formerly: [], moved: [] },
      { slug: 'spacexai', name: 'SpaceXAI', models: ['grok-3', 'grok-4'], formerly: [{ name: 'xAI', until: '2026-07-08', since: '2026-07-09', credited: ['grok-3', 'grok-4'] }], moved: [{ slug: 'xai', former: { name: 'xAI', until: '2026-07-08', since: '2026-07-09', credited: ['grok-3', 'grok-4'] } }] }
    ])
  })
})
