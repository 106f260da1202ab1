import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { emptyData, parseRegistryData, type RegistryData } from '../../src/registry/data.js'
import { normalize, type NormalizeInput } from '../../src/registry/normalize.js'
import { SWITCH_RENAMES } from '../../src/registry/renames.js'
import { suggest } from '../../src/registry/suggest.js'
import { hasCorpus, snapshotsDir } from '../helpers.js'
import { renderNormalized } from '../site/helpers.js'
import { readCorpusFile } from './corpus.js'
import { board, input, withRows, type FixtureRow } from './fixtures.js'

const data = (models: RegistryData['models']): RegistryData => ({ ...emptyData, models })
const model = (r: ReturnType<typeof normalize>, id: string) => r.registry.models.find((m) => m.id === id)

describe('rename tracking on small boards', () => {
  const before = withRows(board(), { name: 'Athene-70B', score: 1355, votes: 20_609, ci: 4 })

  it('links a model that leaves while one with the same numbers and an alike name appears: the old id stays', () => {
    const after = withRows(board(), { name: 'athene-70b-0725', score: 1355, votes: 20_609, ci: 4 })
    const r = normalize([input('2025-01-23', before), input('2025-01-24', after)], emptyData)
    expect(r.registry.models.map((m) => m.id)).not.toContain('athene-70b-0725')
    const athene = model(r, 'athene-70b')!
    expect(athene.aliases).toEqual(['Athene-70B', 'athene-70b-0725'])
    expect(athene.repairs).toEqual([
      { from: 'Athene-70B', to: 'athene-70b-0725', rule: 'renamed', evidence: { board: 'lmarena-text', before: '2025-01-23', after: '2025-01-24', rank: [6, 6], score: [1355, 1355], votes: [20_609, 20_609] } }
    ])
    expect(r.snapshots[1]!.rows.find((row) => row.name === 'athene-70b-0725')!.model).toBe('athene-70b')
    expect(r.renames.links.map((l) => [l.from, l.to, l.model])).toEqual([['athene-70b', 'athene-70b-0725', 'athene-70b']])
    expect(suggest(r)).toEqual([])
  })

  it('accepts votes that grew as the other models did, and a score moved as its neighbours moved', () => {
    // Every model gains 10% votes and 20 points; the renamed one too.
    const after = board((i) => (20_000 + i * 1_000) * 1.1).map((row) => ({ ...row, score: row.score + 20 }))
    const r = normalize([input('2025-01-23', before), input('2025-01-30', withRows(after, { name: 'athene-70b-0725', score: 1377, votes: 22_650, ci: 4 }))], emptyData)
    expect(model(r, 'athene-70b')!.aliases).toContain('athene-70b-0725')
  })

  it('suggests, never links, when the votes jumped more than any other model’s', () => {
    const after = withRows(board(), { name: 'athene-70b-0725', score: 1355, votes: 41_000, ci: 4 })
    const r = normalize([input('2025-01-23', before), input('2025-01-24', after)], emptyData)
    expect(model(r, 'athene-70b-0725')).toBeDefined()
    expect(r.renames.links).toEqual([])
    const s = suggest(r).find((x) => x.ids.join(' ') === 'athene-70b athene-70b-0725')!
    expect(s.evidence.at(-1)).toBe(
      'on `lmarena-text` `Athene-70B` left and `athene-70b-0725` appeared between 2025-01-23 and 2025-01-24 (rank 6 → 6, score 1355 → 1355, votes 20609 → 41000): a rename, but votes changed more than the other models'
    )
  })

  it('suggests, never links, a model of another name that takes the same numbers', () => {
    const after = withRows(board(), { name: 'minimax-m1', score: 1354, votes: 20_600, ci: 4 })
    const r = normalize([input('2025-01-23', before), input('2025-01-24', after)], emptyData)
    expect(r.renames.links).toEqual([])
    expect(model(r, 'minimax-m1')).toBeDefined()
  })

  it('links the same votes for names of one family, never for names of two (a vote count can repeat by chance)', () => {
    const family = withRows(board(), { name: 'athene-v2', score: 1354, votes: 20_609, ci: 4 })
    expect(model(normalize([input('2025-01-23', before), input('2025-01-24', family)], emptyData), 'athene-70b')!.aliases).toEqual(['Athene-70B', 'athene-v2'])
    // The repo's store once showed `GPT-4.5-Preview` (15,271 votes) and, months later, `deepseek-v3.1` with 15,271 votes.
    const other = withRows(board(), { name: 'nexus-70b', score: 1354, votes: 20_609, ci: 4 })
    const r = normalize([input('2025-01-23', before), input('2025-01-24', other)], emptyData)
    expect(r.renames.links).toEqual([])
    expect(model(r, 'nexus-70b')).toBeDefined()
  })

  it('never links a rename out of place: a score outside the interval or a rank among other neighbours', () => {
    const far = withRows(board(), { name: 'athene-70b-0725', score: 1305, votes: 20_609, ci: 4 })
    expect(normalize([input('2025-01-23', before), input('2025-01-24', far)], emptyData).renames.links).toEqual([])
  })

  it('leaves a tie to a maintainer: two models appear that fit one that left', () => {
    const after = withRows(board(), { name: 'athene-70b-0725', score: 1355, votes: 20_700, ci: 4 }, { name: 'athene-70b-0726', score: 1355, votes: 20_700, ci: 4 })
    const r = normalize([input('2025-01-23', before), input('2025-01-24', after)], emptyData)
    expect(r.renames.links).toEqual([])
    expect(r.renames.suggestions.map((s) => s.weak)).toEqual([['1 other candidate with the same evidence'], ['1 other candidate with the same evidence']])
  })

  it('never links names shown together before the rename', () => {
    const both = withRows(board(), { name: 'Athene-70B', score: 1355, votes: 20_609, ci: 4 }, { name: 'athene-70b-0725', score: 1300, votes: 9_000, ci: 4 })
    const after = withRows(board(), { name: 'athene-70b-0725', score: 1355, votes: 20_609, ci: 4 })
    const r = normalize([input('2025-01-22', both), input('2025-01-23', before), input('2025-01-24', after)], emptyData)
    expect(r.renames.links).toEqual([])
    expect(r.diagnostics).toEqual([])
  })

  it('reports a rename a later snapshot contradicts (both names in one table) as a conflict, and keeps them apart', () => {
    const after = withRows(board(), { name: 'athene-70b-0725', score: 1355, votes: 20_609, ci: 4 })
    const both = withRows(board(), { name: 'Athene-70B', score: 1356, votes: 20_700, ci: 4 }, { name: 'athene-70b-0725', score: 1300, votes: 9_000, ci: 4 })
    const r = normalize([input('2025-01-23', before), input('2025-01-24', after), input('2025-01-25', both)], emptyData)
    expect(r.renames.links).toEqual([])
    expect(r.registry.models.map((m) => m.id)).toEqual(expect.arrayContaining(['athene-70b', 'athene-70b-0725']))
    expect(r.diagnostics.map((d) => [d.file, d.line, d.column, d.rule, d.message])).toEqual([
      [
        'snapshots/lmarena-text/2025-01-25.en.md',
        15,
        9,
        'registry-conflict',
        'Unexpected `athene-70b` and `athene-70b-0725` in one snapshot (`lmarena-text` 2025-01-25, also at snapshots/lmarena-text/2025-01-25.en.md:22:9), expected one model: their numbers showed a rename on `lmarena-text` (2025-01-23 → 2025-01-24); kept apart, give one an entry of its own in `registry.json`'
      ]
    ])
  })

  it('lets the data file keep two models apart: a pinned id is never taken away', () => {
    const after = withRows(board(), { name: 'athene-70b-0725', score: 1355, votes: 20_609, ci: 4 })
    const r = normalize([input('2025-01-23', before), input('2025-01-24', after)], data([{ id: 'athene-70b-0725', aliases: [], note: 'another model' }]))
    expect(r.renames.links).toEqual([])
    expect(r.renames.suggestions.map((s) => s.weak)).toEqual([['the data file pins `athene-70b-0725`']])
    expect(r.diagnostics).toEqual([])
  })

  it('reports a day when many models are renamed at once once, as a naming-scheme switch', () => {
    const display: FixtureRow[] = Array.from({ length: SWITCH_RENAMES }, (_, i) => ({ name: `Model ${String.fromCharCode(65 + i)} 1.0`, score: 1395 - i * 10, votes: 30_000 + i * 17, ci: 4 }))
    const ids = display.map((r) => ({ ...r, name: r.name.toLowerCase().replace(/ /g, '-').replace('-1.0', '-v1.0') }))
    const r = normalize([input('2025-10-01', withRows(board(), ...display)), input('2025-10-09', withRows(board(), ...ids))], emptyData)
    expect(r.renames.links).toHaveLength(SWITCH_RENAMES)
    expect(r.renames.switches).toEqual([{ board: 'lmarena-text', before: '2025-10-01', after: '2025-10-09', count: SWITCH_RENAMES }])
    // Both snapshots are upstream's pages: upstream switched its naming scheme (the data-quality page says so, once).
    const qualityOf = (normalized: typeof r) => renderNormalized(normalized).files.find((f) => f.path === 'data-quality/index.html')!.content
    const quality = qualityOf(r)
    expect(quality.match(/renamed at once/g)).toHaveLength(1)
    expect(quality).toContain(`LMArena Text, 2025-10-01 → 2025-10-09: ${SWITCH_RENAMES} models renamed at once (upstream switched naming scheme)`)
    // Pages of two languages are both upstream's: still a switch, not two sources.
    const translated = normalize([input('2025-10-01', withRows(board(), ...display)), input('2025-10-09', withRows(board(), ...ids), { language: 'fr' })], emptyData)
    expect(qualityOf(translated)).toContain(`LMArena Text, 2025-10-01 → 2025-10-09: ${SWITCH_RENAMES} models renamed at once (upstream switched naming scheme)`)
    // Fewer renames are single renames.
    const few = normalize([input('2025-10-01', withRows(board(), ...display.slice(0, 2))), input('2025-10-09', withRows(board(), ...ids.slice(0, 2)))], emptyData)
    expect(few.renames.links).toHaveLength(2)
    expect(few.renames.switches).toEqual([])
  })

  it('keeps the first id when the name later switches back (display name → id → display name)', () => {
    const dated = withRows(board(), { name: 'athene-70b-0725', score: 1355, votes: 20_609, ci: 4 })
    const r = normalize([input('2025-01-23', before), input('2025-01-24', dated), input('2025-01-25', before)], emptyData)
    expect(r.snapshots.map((s) => s.rows.find((row) => row.score === 1355)!.model)).toEqual(['athene-70b', 'athene-70b', 'athene-70b'])
    expect(model(r, 'athene-70b')!.repairs.map((x) => [x.from, x.to])).toEqual([
      ['Athene-70B', 'athene-70b-0725'],
      ['athene-70b-0725', 'Athene-70B']
    ])
  })
})

describe.runIf(hasCorpus)('rename tracking on real corpus days', () => {
  let shipped: RegistryData
  beforeAll(() => {
    shipped = parseRegistryData(readFileSync(path.join(snapshotsDir, 'registry.json'), 'utf8')).data
  })
  const read = (files: string[]): NormalizeInput[] => files.flatMap((f) => readCorpusFile(f).map((x) => x.input))

  it('links the renames of 2025-10-01 → 2025-10-09 (display names became model ids, the board re-scored)', () => {
    const r = normalize(read(['zh/2025-10-01T113532Z_b0bde77.md', 'zh/2025-10-09T124806Z_21aafb8.md']), shipped)
    const links = new Map(r.renames.links.map((l) => [l.names[0], l.names[1]]))
    // LMArena's own result files give these display names to these keys (lmarena-archives).
    expect(links.get('Athene-v2-Chat-72B')).toBe('athene-v2-chat')
    expect(links.get('Amazon Nova Pro 1.0')).toBe('amazon-nova-pro-v1.0')
    expect(links.get('Command R+ (04-2024)')).toBe('command-r-plus')
    expect(links.get('Meta-Llama-3.1-405B-Instruct-fp8')).toBe('llama-3.1-405b-instruct-fp8')
    const nova = r.renames.links.find((l) => l.names[0] === 'Amazon Nova Pro 1.0')!
    expect(nova.evidence).toEqual({ board: 'lmarena-text', before: '2025-10-01', after: '2025-10-09', rank: [119, 127], score: [1261, 1287], votes: [26371, 25218] })
    expect(r.snapshots[1]!.rows.find((row) => row.name === 'amazon-nova-pro-v1.0')!.model).toBe('amazon-nova-pro-1.0')
    // Models that left for good (claude-1) are linked to nothing.
    expect(r.renames.links.some((l) => l.names[0] === 'Claude-1')).toBe(false)
    expect(r.renames.switches).toEqual([{ board: 'lmarena-text', before: '2025-10-01', after: '2025-10-09', count: r.renames.links.length }])
  })

  it('links 2026-08-11 → 2026-08-14 on the vision board: `-thinking` became `-high`, the numbers unchanged', () => {
    const r = normalize(read(['zh-categories/vision/2026-08-11T090131Z_889e7c8.md', 'zh-categories/vision/2026-08-14T090940Z_1956758.md']), shipped)
    const links = r.renames.links.map((l) => `${l.names[0]} → ${l.names[1]}`)
    expect(links).toEqual(expect.arrayContaining(['claude-opus-4-8-thinking → claude-opus-4-8-high', 'claude-opus-4-7-thinking → claude-opus-4-7-high']))
  })
})
