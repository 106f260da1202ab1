import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { diffSnapshots } from '../../src/model/diffs.js'
import { parsePage } from '../../src/parse/index.js'
import { parseRegistryData, type RegistryData } from '../../src/registry/data.js'
import { nameKey } from '../../src/registry/keys.js'
import { familyOrganizations } from '../../src/registry/organization-inference.js'
import { normalize, type NormalizeInput } from '../../src/registry/normalize.js'
import { originalFirst } from '../../src/registry/reconcile.js'
import { repairRules } from '../../src/registry/repair.js'
import { suggest } from '../../src/registry/suggest.js'
import type { NormalizeResult } from '../../src/registry/types.js'
import { loadSite } from '../../src/pipeline/load-site.js'
import { corpusParse, hasCorpus, seedStore, sharedDir, snapshotsDir } from '../helpers.js'
import { dateIn } from '../../src/store/import.js'
import { validateSnapshot } from '../../src/validate/snapshot.js'
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
  }, 1_800_000)

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
      renameLinks: result.renames.links.length,
      renameSuggestions: result.renames.suggestions.length,
      namingSwitches: result.renames.switches.map((s) => `${s.board} ${s.before}→${s.after} (${s.count})`).join(', '),
      organizationRenames: result.organizationRenames.map((r) => `${r.from}→${r.to} ${r.since} (${r.models.length})`).join(', '),
      organizationsInferred: models.filter((m) => m.organizationInferred).length,
      withoutOrganization: models.filter((m) => !m.organization).length,
      disagreements: result.disagreements.length,
      disagreementDiagnostics: result.diagnostics.filter((d) => d.rule === 'variant-disagreement').length,
      misreadColumns: result.diagnostics.filter((d) => d.rule === 'variant-column-disagreement').length,
      conflicts: result.diagnostics.filter((d) => d.rule === 'registry-conflict').length
    }
    console.log('\n' + Object.entries(counts).map(([k, v]) => `${k.padEnd(24)} ${v}`).join('\n') + '\n')
    // Every rule repairs something in the real data (no name in the corpus holds an invisible character: tested on fixtures).
    for (const rule of Object.keys(repairRules).filter((r) => r !== 'hidden-characters')) expect(byRule[rule], rule).toBeGreaterThan(0)
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
    // Around each naming-scheme switch (2025-05-18, 2025-06-05, 2025-10-09), the hidden models' return
    // (2025-08-07), the top-30 pages (2026-07-29) and the `-thinking` → `-high` renames (2026-08-14).
    for (const cut of ['2025-05-19', '2025-06-06', '2025-07-01', '2025-08-08', '2025-10-05', '2025-10-10', '2026-03-01', '2026-07-30', '2026-08-10', '2026-08-15']) {
      const early = idAt(normalize(inputs.filter((i) => i.snapshot.date < cut), data))
      expect(early.size).toBeGreaterThan(400)
      const changed = [...early].filter(([place, id]) => full.get(place) !== id)
      expect(changed, cut).toEqual([])
    }
  }, 1_800_000)

  it('has no conflict and no phantom model made from a variant’s row', () => {
    expect(result.diagnostics.filter((d) => d.rule === 'registry-conflict')).toEqual([])
    // Every model is in some original-language page (the first of its board and date): none comes from a
    // translation's row alone (es 2025-09-06 once made `claude-3.5-haiku-20240620` of a scrambled name).
    const groups = new Map<string, NormalizeInput[]>()
    for (const i of inputs) groups.set(`${i.snapshot.board} ${i.snapshot.date}`, [...(groups.get(`${i.snapshot.board} ${i.snapshot.date}`) ?? []), i])
    const original = new Set<string>()
    for (const list of groups.values()) {
      const first = [...list].sort(originalFirst)[0]!
      for (const row of first.snapshot.rows) original.add(row.name)
    }
    const phantoms = result.registry.models.filter((m) => !m.aliases.some((a) => original.has(a)))
    expect(phantoms.map((m) => m.id)).toEqual([])
    expect(result.registry.models.some((m) => m.id === 'claude-3.5-haiku-20240620')).toBe(false)
  })

  it('splits none of the renames issue 12 lists (rename tracking, or the data file with its reason)', () => {
    const idOf = new Map(result.registry.models.flatMap((m) => m.aliases.map((a) => [nameKey(a), m.id] as const)))
    const pairs = [
      ['GPT-4.5-Preview', 'gpt-4.5-preview-2025-02-27'],
      ['Claude 3.7 Sonnet (thinking-32k)', 'claude-3-7-sonnet-20250219-thinking-32k'],
      ['Claude Opus 4 (thinking-16k)', 'claude-opus-4-20250514-thinking-16k'],
      ['Claude Sonnet 4 (thinking-32k)', 'claude-sonnet-4-20250514-thinking-32k'],
      ['ChatGPT-4o-latest (2025-03-26)', 'chatgpt-4o-latest-20250326'],
      ['Amazon Nova Pro 1.0', 'amazon-nova-pro-v1.0'],
      ['Athene-v2-Chat-72B', 'athene-v2-chat'],
      ['Athene-70B', 'athene-70b-0725'],
      ['Reka-Flash-21B', 'reka-flash-21b-20240226'],
      ['Reka-Flash-21B-online', 'reka-flash-21b-20240226-online'],
      ['Command R+ (04-2024)', 'command-r-plus'],
      ['Command R (04-2024)', 'command-r'],
      ['Meta-Llama-3.1-405B-Instruct-bf16', 'llama-3.1-405b-instruct-bf16'],
      ['Meta-Llama-3.1-405B-Instruct-fp8', 'llama-3.1-405b-instruct-fp8'],
      ['deepseek-v4-flash-high', 'Deepseek V4 Flash (High) (20260731)']
    ]
    for (const [a, b] of pairs) {
      expect(idOf.get(nameKey(a!)), a).toBeDefined()
      expect(idOf.get(nameKey(a!)), `${a} / ${b}`).toBe(idOf.get(nameKey(b!)))
    }
    // Those the numbers cannot show (the re-scored board of 2025-10-09, two boards) are in the data file, with their reason.
    for (const id of ['claude-3-7-sonnet-20250219-thinking', 'claude-opus-4-thinking-16k', 'claude-sonnet-4-thinking-32k', 'deepseek-v4-flash-high-20260731']) expect(data.models.find((m) => m.id === id)?.note, id).toBeTruthy()
  })

  it('links renames LMArena’s own result files confirm, and none they contradict', () => {
    // lmarena-archives/jasontrigg0-chatbot-arena-history/alltime.csv: LMArena's key and display name of each model.
    const file = path.join(sharedDir, 'corpus/lmarena-archives/jasontrigg0-chatbot-arena-history/alltime.csv')
    if (!existsSync(file)) return
    const keyOf = new Map<string, Set<string>>()
    for (const line of readFileSync(file, 'utf8').trim().split('\n').slice(1)) {
      const [key, display] = line.split(',')
      for (const name of [key!, display!]) keyOf.set(nameKey(name), (keyOf.get(nameKey(name)) ?? new Set()).add(key!))
    }
    let confirmed = 0
    for (const link of result.renames.links) {
      const [a, b] = link.names.map((n) => keyOf.get(nameKey(n)))
      if (!a || !b) continue
      expect([...a].some((k) => b.has(k)), link.names.join(' → ')).toBe(true)
      confirmed++
    }
    expect(confirmed).toBeGreaterThanOrEqual(80)
    // Every link carries its evidence, on the model page's `renamed` repairs too.
    for (const link of result.renames.links) {
      const m = result.registry.models.find((x) => x.id === link.model)!
      expect(m.repairs.some((r) => r.rule === 'renamed' && r.evidence?.board === link.evidence.board), link.model).toBe(true)
    }
  })

  it('with the archives’ captures the store holds (2023 on), gives each LMArena key and its display name one model', () => {
    // The store's text board is the corpus pages plus the archives' captures: there, a display name can be
    // seen first (2025-03-20, `Claude 3.7 Sonnet (thinking-32k)`), so an entry of the data file that pins
    // the key's id and lists only key spellings kept the two apart: one model's history cut in two.
    const file = path.join(sharedDir, 'corpus/lmarena-archives/jasontrigg0-chatbot-arena-history/alltime.csv')
    if (!existsSync(file)) return
    const board = path.join(snapshotsDir, 'lmarena-text')
    const archived = readdirSync(board)
      .filter((f) => f.endsWith('.csv'))
      .flatMap((f) => {
        const date = dateIn(f)
        const parsed = corpusParse(readFileSync(path.join(board, f), 'utf8'), { source: 'lmarena-text', format: 'csv', ...(date ? { fallbackDate: date } : {}) })
        return parsed.snapshots.map((s) => ({ file: `lmarena-text/${f}`, snapshot: validateSnapshot(s).snapshot }))
      })
    expect(archived.length).toBeGreaterThan(190)
    const whole = normalize([...inputs, ...archived], data)
    expect(whole.diagnostics.filter((d) => d.rule === 'registry-conflict')).toEqual([])
    const idOf = new Map(whole.registry.models.flatMap((m) => m.aliases.map((a) => [nameKey(a), m.id] as const)))
    const split: string[] = []
    let pairs = 0
    for (const line of readFileSync(file, 'utf8').trim().split('\n').slice(1)) {
      const [key, display] = line.split(',') as [string, string]
      const [a, b] = [idOf.get(nameKey(key)), idOf.get(nameKey(display))]
      if (!a || !b) continue
      pairs++
      if (a !== b) split.push(`${key} (${a}) / ${display} (${b})`)
    }
    expect(pairs).toBeGreaterThan(1000)
    expect([...new Set(split)]).toEqual([])
  }, 600_000)

  it('links SEAL 2024-05-13 to LMArena: 12 of 13 models, each to the model current then', async () => {
    // The corpus has LMArena's pages; the SEAL page is a seed.
    const seeds = (await loadSite({ dir: await seedStore(), shownAs: 'snapshots' })).checked.filter((f) => f.path.startsWith('seal/'))
    const withSeal = normalize([...inputs, ...seeds.flatMap((f) => f.result.snapshots.map((snapshot) => ({ file: `snapshots/${f.path}`, snapshot })))], data)
    const seal = withSeal.registry.models.filter((m) => Object.keys(m.boards).some((b) => b.startsWith('seal-')))
    expect(seal).toHaveLength(13)
    const linked = seal.filter((m) => 'lmarena-text' in m.boards)
    expect(linked.map((m) => m.id)).toEqual([
      'claude-3-5-sonnet-20240620',
      'claude-3-opus-20240229',
      'claude-3-sonnet-20240229',
      'codellama-34b-instruct',
      'gemini-1.0-pro-001',
      'gemini-1.5-flash-001',
      'gemini-1.5-pro-001',
      'gemini-1.5-pro-preview-0409',
      'gpt-4-0125-preview',
      'gpt-4o-2024-05-13',
      'llama-3-70b-instruct',
      'mistral-large-2402'
    ])
    for (const m of linked) expect([m.id, m.organization, m.license !== undefined]).toEqual([m.id, expect.any(String), true])
  }, 600_000)

  it('follows the organizations upstream renamed (xAI → SpaceXAI, Zhipu AI → Z.ai), and only those', () => {
    expect(result.organizationRenames.map((r) => [r.from, r.to, r.until, r.since])).toEqual([
      ['Zhipu AI', 'Z.ai', '2026-05-14', '2026-05-15'],
      ['xAI', 'SpaceXAI', '2026-07-08', '2026-07-09']
    ])
    const model = (id: string) => result.registry.models.find((m) => m.id === id)!
    // The registry names each organization as it is called now: one organization for each model's whole history.
    expect(['grok-2-08-13', 'grok-4.1-thinking', 'grok-4.20-beta1'].map((id) => model(id).organization)).toEqual(['SpaceXAI', 'SpaceXAI', 'SpaceXAI'])
    expect(['glm-4-plus', 'glm-4.5'].map((id) => model(id).organization)).toEqual(['Z.ai', 'Z.ai'])
    expect(result.registry.models.filter((m) => m.organization === 'xAI' || m.organization === 'Zhipu AI')).toEqual([])
    // A snapshot's rows keep the name they were published with.
    const grok = (date: string) => result.snapshots.find((s) => s.board === 'lmarena-text' && s.date === date)!.rows.find((r) => r.model === 'grok-4-0709')!.organization
    expect([grok('2026-07-08'), grok('2026-07-09')]).toEqual(['xAI', 'SpaceXAI'])
  })

  it('infers organizations from the family where the data is unanimous, and only there', () => {
    const m = (id: string) => result.registry.models.find((x) => x.id === id)!
    // The search board has no organization column; every `claude-…` model a row says anything of is Anthropic's.
    expect(m('claude-opus-4-6-search')).toMatchObject({ organization: 'Anthropic', organizationInferred: true })
    expect(m('qwen3.8-max')).toMatchObject({ organization: 'Alibaba', organizationInferred: true })
    // GLM models were `Zhipu AI`'s and `Z.ai`'s: one organization since the rename, so the family is unanimous.
    expect(m('glm-5.3-max')).toMatchObject({ organization: 'Z.ai', organizationInferred: true })
    // `llama-…` models are Meta's, Nvidia's and Ai2's: no guess for the family.
    const rules = familyOrganizations(result.registry.models)
    expect(rules.get('glm')).toBe('Z.ai')
    expect(rules.has('llama')).toBe(false)
    // A row that names it is never overridden.
    expect(m('claude-3-opus-20240229')).toMatchObject({ organization: 'Anthropic' })
    expect(m('claude-3-opus-20240229').organizationInferred).toBeUndefined()
  })

  it('tells models below the published top 30 from models that left', () => {
    const text = result.snapshots.filter((s) => s.board === 'lmarena-text')
    const before = text.find((s) => s.date === '2026-07-30')!
    const after = text.find((s) => s.date === '2026-08-07')!
    expect([before.shownRows, after.shownRows]).toEqual([undefined, 30])
    const d = diffSnapshots(before, after)
    expect(d.left).toEqual([])
    expect(d.belowTop).toHaveLength(353)
    expect(d.entered.length + d.moved.length + d.unchanged).toBe(30)
    // Between two top-30 pages, a model missing is below it and a model listed anew entered it.
    const next = text.find((s) => s.date === '2026-08-14')!
    const d2 = diffSnapshots(text[text.indexOf(next) - 1]!, next)
    expect([d2.left, d2.entered]).toEqual([[], []])
    expect(d2.belowTop.length).toBe(d2.enteredTop.length)
  })

  it('ships data-file entries only for spellings the captured data shows', async () => {
    const seeds = (await loadSite({ dir: await seedStore(), shownAs: 'snapshots' })).checked.flatMap((f) => f.result.snapshots.flatMap((s) => s.rows))
    // The store's archive captures (2023-05 on), whose names the archive era's entries hold.
    const board = path.join(snapshotsDir, 'lmarena-text')
    const archived = readdirSync(board)
      .filter((f) => f.endsWith('.csv'))
      .flatMap((f) => parsePage(readFileSync(path.join(board, f), 'utf8'), { source: 'lmarena-text', format: 'csv', fallbackDate: f.slice(0, 10) }).snapshots.flatMap((s) => s.rows))
    const rows = [...inputs.flatMap((i) => i.snapshot.rows), ...seeds, ...archived]
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
    // Linked by rename tracking (the Meta- prefix of the same model id), so not suggested either.
    expect(suggestions.some((s) => s.ids.includes('meta-llama-3.1-405b-instruct-bf16') || s.ids.includes('llama-3.1-405b-instruct-bf16'))).toBe(false)
    // Weaker evidence of a rename is suggested with its numbers: the preview's votes jumped 40% in a day.
    expect(suggestions.find((s) => s.ids.join(' ') === 'gemini-2.5-pro gemini-2.5-pro-preview-06-05')?.evidence.at(-1)).toBe(
      'on `lmarena-text` `Gemini-2.5-Pro-Preview-06-05` left and `Gemini-2.5-Pro` appeared between 2025-06-24 and 2025-06-25 (rank 1 → 1, score 1480 → 1477, votes 8825 → 12327): a rename, but votes changed more than the other models'
    )
  })
})
