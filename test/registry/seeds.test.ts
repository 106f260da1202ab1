import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseRegistryData, type RegistryData } from '../../src/registry/data.js'
import { normalize } from '../../src/registry/normalize.js'
import type { NormalizeResult } from '../../src/registry/types.js'
import { loadSite } from '../../src/pipeline/load-site.js'
import { seedStore, snapshotsDir } from '../helpers.js'

let result: NormalizeResult
let data: RegistryData
let parsed: { name: string; license?: string }[]
beforeAll(async () => {
  const site = await loadSite({ dir: await seedStore(), shownAs: 'snapshots' })
  result = site.normalized
  data = parseRegistryData(readFileSync(path.join(snapshotsDir, 'registry.json'), 'utf8')).data
  parsed = site.checked.flatMap((f) => f.result.snapshots.flatMap((s) => s.rows))
})

const model = (id: string) => result.registry.models.find((m) => m.id === id)
const byAlias = (raw: string) => result.registry.models.find((m) => m.aliases.includes(raw))

describe('registry of the seeds', () => {
  it('repairs glued provider prefixes and keeps the organization', () => {
    expect(byAlias('Anthropicclaude-opus-4-1-20250805')).toMatchObject({ id: 'claude-opus-4-1-20250805', name: 'claude-opus-4-1-20250805', organization: 'Anthropic' })
    expect(byAlias('Anthropicclaude-opus-4-1-20250805')!.repairs).toEqual([{ from: 'Anthropicclaude-opus-4-1-20250805', to: 'claude-opus-4-1-20250805', rule: 'glued-provider-prefix' }])
    expect(byAlias('Metallama-3.1-405b-instruct-bf16')).toMatchObject({ id: 'llama-3.1-405b-instruct-bf16', name: 'llama-3.1-405b-instruct-bf16', organization: 'Meta' })
  })

  it('leaves no registry name starting with a glued provider prefix', () => {
    const orgs = new Set(result.snapshots.flatMap((s) => s.rows.flatMap((r) => (r.organization ? [r.organization, r.organization.replace(/\s+/g, '')] : []))))
    const prefixes = [...data.providerPrefixes, ...orgs].filter((p) => p.length >= 3)
    const glued = result.registry.models.filter((m) => prefixes.some((p) => m.name.toLowerCase().startsWith(p.toLowerCase()) && /^[A-Za-z]/.test(m.name.slice(p.length))))
    expect(glued.map((m) => m.name)).toEqual([])
    // The rule did work here: dozens of seed names were glued.
    expect(result.registry.models.filter((m) => m.repairs.some((r) => r.rule === 'glued-provider-prefix')).length).toBeGreaterThan(60)
  })

  it('folds typo and spelling variants of one license', () => {
    const licenseOf = (raw: string) => byAlias(raw)!.license
    // `Propretary` (typo) and `Proprietary` are one license; so are `Apache 2.0` and `Apache-2.0`.
    const rows = result.snapshots.flatMap((s) => s.rows)
    expect(new Set(rows.map((r) => r.license)).has('Propretary')).toBe(false)
    expect(new Set(rows.map((r) => r.license)).has('Apache-2.0')).toBe(false)
    const propretary = parsed.filter((r) => r.license === 'Propretary')
    const apacheDash = parsed.filter((r) => r.license === 'Apache-2.0')
    expect(propretary.length).toBeGreaterThan(0)
    expect(apacheDash.length).toBeGreaterThan(0)
    for (const r of propretary) expect(licenseOf(r.name)).toBe('Proprietary')
    for (const r of apacheDash) expect(licenseOf(r.name)).toBe('Apache 2.0')
    const proprietary = result.registry.models.filter((m) => m.license === 'Proprietary')
    expect(proprietary.every((m) => m.openWeights === false)).toBe(true)
    expect(result.registry.models.filter((m) => m.license === 'Apache 2.0').every((m) => m.spdx === 'Apache-2.0' && m.openWeights === true)).toBe(true)
  })

  it('gives the 266 models the EN 2025-11-18 and FR 2025-11-20 snapshots share the same ids, each snapshot normalized on its own', async () => {
    const { checked } = await loadSite({ dir: await seedStore(), shownAs: 'snapshots' })
    const snapshots = checked.flatMap((f) => f.result.snapshots.map((snapshot) => ({ file: `snapshots/${f.path}`, snapshot })))
    const only = (file: string) => normalize(snapshots.filter((s) => s.file === file), data).snapshots[0]!
    const en = only('snapshots/lmarena-text/2025-11-18.en.md')
    const fr = only('snapshots/lmarena-text/2025-11-20.fr.md')
    expect(en.rows).toHaveLength(266)
    const frIds = new Set(fr.rows.map((r) => r.model))
    const shared = en.rows.filter((r) => frIds.has(r.model))
    expect(shared).toHaveLength(266)
    // And the whole store agrees with each file alone.
    const together = result.snapshots.filter((s) => s.board === 'lmarena-text')
    expect(together.map((s) => s.rows.map((r) => r.model).sort())).toEqual([en.rows.map((r) => r.model).sort(), fr.rows.map((r) => r.model).sort()])
  })

  it('links SEAL models to LMArena models only where the data file says so or the names agree', () => {
    const seal = result.registry.models.filter((m) => Object.keys(m.boards).some((b) => b.startsWith('seal-')))
    expect(seal).toHaveLength(13)
    const linked = seal.filter((m) => 'lmarena-text' in m.boards).map((m) => m.id)
    // Llama 3 70B and CodeLlama 34B by their names; the others through the data file, each to the
    // dated LMArena model current on 2024-05-13 (`GPT-4o` is `gpt-4o-2024-05-13`).
    expect(linked).toEqual([
      'claude-3-5-sonnet-20240620',
      'claude-3-opus-20240229',
      'claude-3-sonnet-20240229',
      'codellama-34b-instruct',
      'gemini-1.0-pro-001',
      'gemini-1.5-flash-001',
      'gemini-1.5-pro-001',
      'gpt-4-0125-preview',
      'gpt-4o-2024-05-13',
      'llama-3-70b-instruct',
      'mistral-large-2402'
    ])
    // The seeds' LMArena snapshot (2025-11) no longer shows the April 2024 Gemini 1.5 Pro preview (linked over the
    // corpus); LMArena ranks two precisions of Llama 3.1 405B and SEAL does not say which it evaluated: left apart.
    expect(seal.filter((m) => !('lmarena-text' in m.boards)).map((m) => m.id)).toEqual(['gemini-1.5-pro-preview-0409', 'llama-3.1-405b-instruct'])
    // SEAL rows get the organization and license LMArena's rows give the model.
    expect(model('gpt-4o-2024-05-13')).toMatchObject({ organization: 'OpenAI', license: 'Proprietary' })
    expect(model('gpt-4o-2024-05-13')!.aliases).toContain('GPT-4o')
    expect(model('claude-3-5-sonnet-20240620')!.aliases).toContain('AnthropicClaude 3.5 Sonnet (06/20)')
    expect(model('claude-3-5-sonnet-20240620')!.aliases).toContain('Claude 3.5 Sonnet')
  })

  it('is deterministic and sorted', async () => {
    const again = (await loadSite({ dir: await seedStore(), shownAs: 'snapshots' })).normalized
    expect(JSON.stringify(again)).toBe(JSON.stringify(result))
    const ids = result.registry.models.map((m) => m.id)
    expect(ids).toEqual([...ids].sort())
    for (const m of result.registry.models) {
      expect(m.id).toMatch(/^[a-z0-9][a-z0-9.-]*$/)
      expect(m.aliases).toEqual([...new Set(m.aliases)].sort())
    }
  })
})

