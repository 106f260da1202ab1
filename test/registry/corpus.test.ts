import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseRegistryData, type RegistryData } from '../../src/registry/data.js'
import { normalize, type NormalizeInput } from '../../src/registry/normalize.js'
import { repairRules } from '../../src/registry/repair.js'
import { suggest } from '../../src/registry/suggest.js'
import type { NormalizeResult } from '../../src/registry/types.js'
import { loadSite } from '../../src/pipeline/load-site.js'
import { hasCorpus, seedStore, snapshotsDir } from '../helpers.js'
import { asStore, corpusFiles, readCorpusFile } from './corpus.js'

// The whole corpus, read as a store (one capture per board, date and language), plus the seeds.
describe.runIf(hasCorpus)('registry over the whole corpus', () => {
  let data: RegistryData
  let inputs: NormalizeInput[]
  let result: NormalizeResult
  beforeAll(() => {
    data = parseRegistryData(readFileSync(path.join(snapshotsDir, 'registry.json'), 'utf8')).data
    inputs = asStore(corpusFiles().flatMap(readCorpusFile))
    result = normalize(inputs, data)
  }, 600_000)

  it('counts (printed for the record)', () => {
    const models = result.registry.models
    const byRule = Object.fromEntries(Object.keys(repairRules).map((rule) => [rule, models.reduce((n, m) => n + m.repairs.filter((r) => r.rule === rule).length, 0)]))
    const counts = {
      inputSnapshots: inputs.length,
      reconciledSnapshots: result.snapshots.length,
      rawNames: new Set(inputs.flatMap((i) => i.snapshot.rows.map((r) => r.name))).size,
      models: models.length,
      aliases: models.reduce((n, m) => n + m.aliases.length, 0),
      repairs: models.reduce((n, m) => n + m.repairs.length, 0),
      ...byRule,
      suggestions: suggest(result).length,
      disagreements: result.disagreements.length,
      disagreementDiagnostics: result.diagnostics.filter((d) => d.rule === 'variant-disagreement').length
    }
    console.log('\n' + Object.entries(counts).map(([k, v]) => `${k.padEnd(24)} ${v}`).join('\n') + '\n')
    // Every rule repairs something in the real data.
    for (const rule of Object.keys(repairRules)) expect(byRule[rule], rule).toBeGreaterThan(0)
    expect(models.length).toBeLessThan(counts.rawNames)
  })

  it('gives every raw name a model and every model a valid, unique id', () => {
    const aliases = new Set(result.registry.models.flatMap((m) => m.aliases))
    for (const i of inputs) for (const r of i.snapshot.rows) expect(aliases.has(r.name), r.name).toBe(true)
    const ids = result.registry.models.map((m) => m.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9.-]*$/)
    for (const s of result.snapshots) expect(new Set(s.rows.map((r) => r.model)).size, `${s.board} ${s.date}`).toBe(s.rows.length)
  })

  it('leaves no registry name starting with a glued provider prefix', () => {
    const orgs = new Set(inputs.flatMap((i) => i.snapshot.rows.flatMap((r) => (r.organization ? [r.organization.trim(), r.organization.replace(/\s+/g, '')] : []))))
    const prefixes = [...data.providerPrefixes, ...orgs].filter((p) => p.length >= 3)
    const glued = result.registry.models.filter((m) => prefixes.some((p) => m.name.toLowerCase().startsWith(p.toLowerCase()) && /^[A-Za-z]/.test(m.name.slice(p.length))))
    expect(glued.map((m) => m.name)).toEqual([])
  })

  it('keeps every id when later snapshots arrive (ids never change once published)', () => {
    const idAt = (r: NormalizeResult) => new Map(r.snapshots.flatMap((s) => s.rows.map((row) => [`${s.board} ${s.date} ${row.rank} ${row.score} ${row.votes}`, row.model] as const)))
    const full = idAt(result)
    for (const cut of ['2025-07-01', '2026-03-01']) {
      const early = idAt(normalize(inputs.filter((i) => i.snapshot.date < cut), data))
      expect(early.size).toBeGreaterThan(400)
      const changed = [...early].filter(([place, id]) => full.get(place) !== id)
      expect(changed, cut).toEqual([])
    }
  })

  it('ships data-file entries only for spellings the captured data shows', async () => {
    const seeds = (await loadSite({ dir: await seedStore(), shownAs: 'snapshots' })).checked.flatMap((f) => f.result.snapshots.flatMap((s) => s.rows))
    const rows = [...inputs.flatMap((i) => i.snapshot.rows), ...seeds]
    // A raw spelling, or the repaired form of one.
    const names = new Set([...rows.map((r) => r.name), ...result.registry.models.flatMap((m) => m.repairs.map((r) => r.to))])
    for (const m of data.models) for (const alias of m.aliases) expect(names.has(alias), `${m.id}: ${alias}`).toBe(true)
    const orgs = new Set(rows.flatMap((r) => (r.organization ? [r.organization] : [])))
    for (const o of data.organizations) for (const alias of o.aliases) expect(orgs.has(alias), `${o.name}: ${alias}`).toBe(true)
    const licenses = new Set(rows.flatMap((r) => (r.license ? [r.license] : [])))
    for (const l of data.licenses) for (const alias of l.aliases) expect(licenses.has(alias), `${l.name}: ${alias}`).toBe(true)
  })

  it('suggests only pairs that never share a snapshot, with their evidence', () => {
    const suggestions = suggest(result)
    expect(suggestions.length).toBeGreaterThan(0)
    const seen = new Map<string, Set<string>>()
    for (const s of result.snapshots) for (const r of s.rows) seen.set(r.model, (seen.get(r.model) ?? new Set()).add(`${s.board} ${s.date}`))
    for (const s of suggestions) {
      const [a, b] = s.ids
      expect([...seen.get(a)!].some((x) => seen.get(b)!.has(x)), `${a} ~ ${b}`).toBe(false)
      expect(s.evidence).toContain('never in one snapshot')
    }
    // Linked in the data file, so not suggested again.
    expect(suggestions.some((s) => s.ids.includes('claude-3-5-sonnet-20240620') && s.names.some((n) => n.includes('06/20')))).toBe(false)
    // A spelling-only difference is found: the Meta- prefix of the same model id.
    expect(suggestions.some((s) => s.ids[0] === 'llama-3.1-405b-instruct-bf16' && s.ids[1] === 'meta-llama-3.1-405b-instruct-bf16')).toBe(true)
  })
})
