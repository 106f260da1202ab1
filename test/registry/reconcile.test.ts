import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseRegistryData, type RegistryData } from '../../src/registry/data.js'
import { languageOrder } from '../../src/core/languages.js'
import { normalize, type NormalizeInput } from '../../src/registry/normalize.js'
import { rowFields } from '../../src/schema/row.js'
import { hasCorpus, snapshotsDir } from '../helpers.js'
import { readCorpusFile } from './corpus.js'

let data: RegistryData
beforeAll(() => {
  data = parseRegistryData(readFileSync(path.join(snapshotsDir, 'registry.json'), 'utf8')).data
})

const day = (files: string[]): NormalizeInput[] => files.flatMap((f) => readCorpusFile(f).map((x) => x.input))

it('orders the original language first: zh, then en, then the rest', () => {
  expect(['fr', 'en', 'ja', 'zh-Hant', 'es', 'zh'].sort(languageOrder)).toEqual(['zh', 'zh-Hant', 'en', 'es', 'fr', 'ja'])
})

// 2025-07-10: the zh original and its four translations, all of that day's data.
describe.runIf(hasCorpus)('one day, five language variants (lmarena-text 2025-07-10)', () => {
  const files = ['en/2025-07-10T115634Z_4815581.md', 'es/2025-07-10T115634Z_4815581.md', 'fr/2025-07-10T115634Z_4815581.md', 'ja/2025-07-10T115634Z_4815581.md', 'zh/2025-07-10T114319Z_cf2ece6.md']
  let inputs: NormalizeInput[]
  let result: ReturnType<typeof normalize>
  beforeAll(() => {
    inputs = day(files)
    result = normalize(inputs, data)
  })

  it('becomes one snapshot, original first', () => {
    expect(result.snapshots).toHaveLength(1)
    const s = result.snapshots[0]!
    expect(s.languages).toEqual(['zh', 'en', 'es', 'fr', 'ja'])
    expect(s.sources).toEqual(['zh/2025-07-10T114319Z_cf2ece6.md', 'en/2025-07-10T115634Z_4815581.md', 'es/2025-07-10T115634Z_4815581.md', 'fr/2025-07-10T115634Z_4815581.md', 'ja/2025-07-10T115634Z_4815581.md'])
    const ids = s.rows.map((r) => r.model)
    expect(new Set(ids).size).toBe(ids.length)
    expect(s.rows.map((r) => r.rank)).toEqual([...s.rows.map((r) => r.rank)].sort((a, b) => a - b))
  })

  it('keeps the original value where the original has one', () => {
    const zh = inputs.find((i) => i.snapshot.language === 'zh')!
    const s = result.snapshots[0]!
    let checked = 0
    for (const raw of zh.snapshot.rows) {
      const row = s.rows.find((r) => r.rank === raw.rank && r.score === raw.score && r.votes === raw.votes)
      expect(row, raw.name).toBeDefined()
      for (const field of ['rank', 'score', 'ciPlus', 'ciMinus', 'votes', 'rankStyleControl', 'url'] as const) {
        if (raw[field] === undefined) continue
        expect(row![field], `${raw.name} ${field}`).toEqual(raw[field])
        checked++
      }
    }
    expect(checked).toBeGreaterThan(1000)
  })

  it('fills in a value the original lacks (a cell left out) from the other variants', () => {
    const zh = inputs.find((i) => i.snapshot.language === 'zh')!
    const s = result.snapshots[0]!
    let filled = 0
    for (const variant of inputs.filter((i) => i !== zh)) {
      for (const raw of variant.snapshot.rows) {
        const original = zh.snapshot.rows.find((r) => r.name === raw.name)
        if (!original) continue
        for (const field of rowFields) {
          if (original[field] !== undefined || raw[field] === undefined || field === 'license' || field === 'organization') continue
          const row = s.rows.find((r) => r.rank === original.rank && r.votes === original.votes)!
          expect(row[field], `${raw.name} ${field} from ${variant.file}`).toBeDefined()
          filled++
        }
      }
    }
    expect(filled).toBeGreaterThan(0)
  })

  it('reports every disagreement as a diagnostic naming both files and cells', () => {
    expect(result.disagreements.length).toBeGreaterThan(0)
    for (const d of result.disagreements) {
      expect(d.values[0]!.file).toBe(result.snapshots[0]!.sources.find((f) => d.values.some((v) => v.file === f)))
      expect(d.kept).toEqual(d.values[0]!.value)
      for (const other of d.values.slice(1)) {
        const diagnostic = result.diagnostics.find((x) => x.file === other.file && x.line === other.line && x.column === other.column && x.message.includes(`\`${d.field}\``))
        expect(diagnostic, JSON.stringify(d)).toBeDefined()
        expect(diagnostic!.rule).toBe('variant-disagreement')
        expect(diagnostic!.message).toContain(`${d.values[0]!.file}:${d.values[0]!.line}:${d.values[0]!.column}`)
      }
    }
    const count = result.disagreements.reduce((n, d) => n + d.values.length - 1, 0)
    expect(result.diagnostics.filter((d) => d.rule === 'variant-disagreement')).toHaveLength(count)
  })

  it('does not call translated licenses and organizations a disagreement', () => {
    expect(result.disagreements.filter((d) => d.field === 'license' || d.field === 'organization')).toEqual([])
    const licenses = new Set(inputs.flatMap((i) => i.snapshot.rows.map((r) => r.license)))
    expect(licenses.has('Propietario') || licenses.has('Propriétaire') || licenses.has('独自')).toBe(true)
  })
})

// 2025-08-11: the ja and es pages translate some names (`Claude Sonnet 3.7`) and garble links.
describe.runIf(hasCorpus)('translated names (lmarena-text 2025-08-11)', () => {
  const files = ['en/2025-08-11T115341Z_126d647.md', 'es/2025-08-11T115341Z_126d647.md', 'fr/2025-08-11T115341Z_126d647.md', 'ja/2025-08-11T115341Z_126d647.md', 'zh/2025-08-11T114405Z_9098092.md']
  it('matches a row a variant names differently by its place, and adds no model of its own', () => {
    const inputs = day(files)
    const result = normalize(inputs, data)
    const zh = normalize(inputs.filter((i) => i.snapshot.language === 'zh'), data)
    const s = result.snapshots[0]!
    expect(s.rows).toHaveLength(zh.snapshots[0]!.rows.length)
    expect(s.rows.map((r) => r.model)).toEqual(zh.snapshots[0]!.rows.map((r) => r.model))
    const translated = result.registry.models.flatMap((m) => m.repairs.filter((r) => r.rule === 'translated-variant').map((r) => ({ id: m.id, ...r })))
    expect(translated.length).toBeGreaterThan(0)
    for (const t of translated) expect(zh.registry.models.some((m) => m.id === t.id)).toBe(true)
    // Each such row is a disagreement on the name, reported at the variant's cell.
    const names = result.disagreements.filter((d) => d.field === 'name')
    expect(names.length).toBeGreaterThanOrEqual(new Set(translated.map((t) => t.from)).size)
    for (const d of names) {
      expect(d.values[0]!.file).toBe('zh/2025-08-11T114405Z_9098092.md')
      expect(result.diagnostics.some((x) => x.rule === 'variant-disagreement' && x.file === d.values[1]!.file && x.line === d.values[1]!.line && x.message.includes('`name`'))).toBe(true)
    }
    // The raw translated spelling is kept as an alias of the model it stood for.
    const sonnet = result.registry.models.find((m) => m.id === 'claude-3-7-sonnet-20250219')!
    expect(sonnet.aliases).toContain('Claude 3.7 Sonnet')
  })
})
