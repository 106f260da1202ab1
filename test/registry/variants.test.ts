import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli.js'
import { decide, type History } from '../../src/fetch/decide.js'
import { checkStoreFile } from '../../src/pipeline/check-file.js'
import { digest } from '../../src/core/digest.js'
import { normaliseContent } from '../../src/store/import.js'
import { emptyData, parseRegistryData } from '../../src/registry/data.js'
import { normalize, type NormalizeInput } from '../../src/registry/normalize.js'
import { captureIo, corpusDir, hasCorpus, snapshotsDir } from '../helpers.js'
import { readCorpusFile } from './corpus.js'
import { input, store, type FixtureRow } from './fixtures.js'

const rows: FixtureRow[] = [
  { name: 'alpha', score: 1400, votes: 30_000 },
  { name: 'beta', score: 1390, votes: 29_000 },
  { name: 'gamma', score: 1380, votes: 28_000 },
  { name: 'delta', score: 1370, votes: 27_000 },
  { name: 'epsilon', score: 1360, votes: 26_000 }
]

describe('language variants: a translation’s row is the original’s row in the same place', () => {
  it('a row named differently in the same place (same rank and score) is that row, never a new model', () => {
    const fr = rows.map((r) => (r.name === 'gamma' ? { ...r, name: 'Gamma (modèle)' } : r))
    const r = normalize([input('2025-01-01', rows, { language: 'zh' }), input('2025-01-01', fr, { language: 'fr' })], emptyData)
    expect(r.registry.models.map((m) => m.id)).toEqual(['alpha', 'beta', 'delta', 'epsilon', 'gamma'])
    expect(r.registry.models.find((m) => m.id === 'gamma')!.aliases).toEqual(['Gamma (modèle)', 'gamma'])
  })

  it('a row whose name is another model’s elsewhere, in this place, is still this row (the variant scrambled names)', () => {
    // The Spanish page of 2025-09-06 wrote `Claude 3.5 Sonnet` in the place of `Claude 3.7 Sonnet` and `Claude 3.5 Haiku (20240620)`
    // in the place of `Claude 3.5 Sonnet (20240620)`.
    const es = rows.map((r) => (r.name === 'beta' ? { ...r, name: 'delta' } : r.name === 'delta' ? { ...r, name: 'delta-2' } : r))
    const r = normalize([input('2025-01-01', rows, { language: 'zh' }), input('2025-01-01', es, { language: 'es' })], emptyData)
    expect(r.registry.models.map((m) => m.id)).toEqual(['alpha', 'beta', 'delta', 'epsilon', 'gamma'])
    expect(r.snapshots[0]!.rows.map((row) => row.model)).toEqual(['alpha', 'beta', 'gamma', 'delta', 'epsilon'])
    // `delta-2` stood for `delta`: its alias; `delta` written in beta's place stays delta's own spelling.
    expect(r.registry.models.find((m) => m.id === 'delta')!.aliases).toEqual(['delta', 'delta-2'])
    expect(r.registry.models.find((m) => m.id === 'beta')!.aliases).toEqual(['beta'])
  })

  it('a row whose rank a variant swapped with its neighbour’s is matched by its score and votes', () => {
    const ja = rows.map((r) => (r.name === 'beta' ? { ...r, rank: 3, name: 'beta-β' } : r.name === 'gamma' ? { ...r, rank: 2 } : r))
    const r = normalize([input('2025-01-01', rows, { language: 'zh' }), input('2025-01-01', ja, { language: 'ja' })], emptyData)
    expect(r.registry.models.map((m) => m.id)).toEqual(['alpha', 'beta', 'delta', 'epsilon', 'gamma'])
    expect(r.registry.models.find((m) => m.id === 'beta')!.aliases).toContain('beta-β')
  })
})

describe('language variants: a misread column is an error for the column', () => {
  const zh = () => input('2025-01-01', rows, { language: 'zh' })
  // The English page put the score into the votes column.
  const shifted = rows.map((r) => ({ ...r, votes: r.score }))

  it('a column compared on too few rows says nothing: a warning per cell, and its values fill what the original lacks', () => {
    const en = input('2025-01-01', shifted, { language: 'en' })
    const original = zh()
    for (const row of original.snapshot.rows.slice(1)) delete row.votes
    const r = normalize([original, en], emptyData)
    expect(r.diagnostics.map((d) => [d.rule, d.severity])).toEqual([['variant-disagreement', 'warning']])
    expect(r.snapshots[0]!.rows.map((row) => row.votes)).toEqual([30_000, 1390, 1380, 1370, 1360])
  })

  it('most rows disagreeing: an error, and the variant’s column is not used', () => {
    const en = input('2025-01-01', shifted, { language: 'en' })
    const original = zh()
    delete original.snapshot.rows[4]!.votes
    const r = normalize([original, en], emptyData)
    expect(r.diagnostics.map((d) => [d.file, d.line, d.column, d.rule, d.severity, d.message])).toEqual([
      [
        'snapshots/lmarena-text/2025-01-01.en.md',
        10,
        50,
        'variant-column-disagreement',
        'error',
        'Unexpected `votes` in 4 of 4 rows of `lmarena-text` 2025-01-01, expected the values of the original snapshots/lmarena-text/2025-01-01.zh.md (e.g. `1400` for `alpha`, where the original has `30000`); the column is not used'
      ]
    ])
    // epsilon's votes are not filled in from the misread column.
    expect(r.snapshots[0]!.rows.map((row) => row.votes)).toEqual([30_000, 29_000, 28_000, 27_000, undefined])
  })

  it('an occasional disagreement stays a warning per cell', () => {
    const en = input('2025-01-01', rows.map((r) => (r.name === 'beta' ? { ...r, votes: 29_001 } : r)), { language: 'en' })
    const r = normalize([zh(), en], emptyData)
    expect(r.diagnostics.map((d) => [d.rule, d.severity])).toEqual([['variant-disagreement', 'warning']])
  })
})

describe('language variants: "preliminary" is the original’s', () => {
  const zh = (marked: string[] = []) => input('2025-01-01', rows.map((r) => ({ ...r, preliminary: marked.includes(r.name) })), { language: 'zh' })
  const variant = (marked: string[]) => input('2025-01-01', rows.map((r) => ({ ...r, preliminary: marked.includes(r.name) })), { language: 'ko' })

  it('a variant marking a model the original does not (a unit word read as the mark) disagrees: the original’s unmarked row is kept', () => {
    // `1443점` ("points") on a few rows of a Korean page read as Korean's way of writing "preliminary".
    const r = normalize([zh(), variant(['beta', 'delta'])], emptyData)
    expect(r.snapshots[0]!.rows.filter((row) => row.preliminary).map((row) => row.model)).toEqual([])
    expect(r.diagnostics.map((d) => [d.rule, d.severity, d.message])).toEqual([
      ['variant-disagreement', 'warning', expect.stringContaining('`preliminary` `true` for `beta`')],
      ['variant-disagreement', 'warning', expect.stringContaining('`preliminary` `true` for `delta`')]
    ])
  })

  it('the original’s mark is kept, and a variant without it (a translation that left the word out) is no disagreement', () => {
    const r = normalize([zh(['gamma']), variant([])], emptyData)
    expect(r.snapshots[0]!.rows.filter((row) => row.preliminary).map((row) => row.model)).toEqual(['gamma'])
    expect(r.snapshots[0]!.rows.find((row) => row.model === 'alpha')).not.toHaveProperty('preliminary')
    expect(r.diagnostics).toEqual([])
  })
})

describe.runIf(hasCorpus)('a misread translation on real pages', () => {
  const zhFile = 'zh/2025-07-10T114319Z_cf2ece6.md'
  const enFile = 'en/2025-07-10T115634Z_4815581.md'

  /**
   * The English page with each row's votes taken from the row below (a
   * translation that slipped a column by one row): every cell still looks
   * like a vote count, so only the original of the same data time can tell.
   */
  function slipVotes(text: string): string {
    const lines = text.split('\n')
    let header: string[] | undefined
    const body: number[] = []
    lines.forEach((line, i) => {
      if (!line.startsWith('|')) return
      const cells = line.split('|')
      if (!header) header = cells.map((c) => c.trim())
      else if (!/^:?-+/.test(cells[1]!.trim())) body.push(i)
    })
    const votes = header!.indexOf('Votes')
    const values = body.map((i) => lines[i]!.split('|')[votes]!)
    body.forEach((i, k) => {
      const cells = lines[i]!.split('|')
      cells[votes] = values[(k + 1) % values.length]!
      lines[i] = cells.join('|')
    })
    return lines.join('\n')
  }

  it('`leaderlog check` flags it: an error for the column, exit 1', async () => {
    const zh = readFileSync(path.join(corpusDir, zhFile), 'utf8')
    const en = readFileSync(path.join(corpusDir, enFile), 'utf8')
    const misread = slipVotes(en)
    expect(misread).not.toBe(en)
    const registry = readFileSync(path.join(snapshotsDir, 'registry.json'), 'utf8')

    const clean = captureIo(await store({ 'lmarena-text/2025-07-10.zh.md': zh, 'lmarena-text/2025-07-10.en.md': en }, registry))
    await main(['check', '--snapshots', '.'], clean.io)
    expect(clean.out()).not.toContain('variant-column-disagreement')

    const c = captureIo(await store({ 'lmarena-text/2025-07-10.zh.md': zh, 'lmarena-text/2025-07-10.en.md': misread }, registry))
    expect(await main(['check', '--snapshots', '.'], c.io)).toBe(1)
    const out = c.out().replace(/\s+/g, ' ')
    expect(out).toMatch(/lmarena-text\/2025-07-10\.en\.md 23:\d+ error Unexpected `votes` in 21\d of 21\d rows of `lmarena-text` 2025-07-10, expected the values of the original lmarena-text\/2025-07-10\.zh\.md \(e\.g\. `\d+` for `gemini-2\.5-pro`, where the original has `15769`\); the column is not used variant-column-disagreement/)
    // One error for the column, not a warning per cell.
    expect(out).not.toMatch(/Unexpected `votes` `\d+` for/)
  })

  it('`leaderlog fetch` refuses it against the stored original of the same data time', () => {
    const zh = readFileSync(path.join(corpusDir, zhFile), 'utf8')
    const misread = slipVotes(readFileSync(path.join(corpusDir, enFile), 'utf8'))
    const history: History = {
      files: [{ ...checkStoreFile('lmarena-text/2025-07-10.zh.md', zh), digest: digest(normaliseContent(zh)) }],
      unreadable: [],
      registry: { path: 'registry.json', ...parseRegistryData(readFileSync(path.join(snapshotsDir, 'registry.json'), 'utf8')) },
      events: { path: 'events.json', events: [], messages: [] }
    }
    const entry = { source: 'lmarena-text', language: 'en', url: 'https://example.com/en.md' }
    const outcome = decide(entry, { ok: true, content: misread, url: entry.url, status: 200, attempts: 1, charset: 'utf-8' }, history, '2025-07-11')
    expect(outcome.status).toBe('broken')
    if (outcome.status === 'broken') expect(outcome.problem.rule).toBe('variant-column-disagreement')
  })

  it('the registry keeps the original’s votes', () => {
    const data = parseRegistryData(readFileSync(path.join(snapshotsDir, 'registry.json'), 'utf8')).data
    const zh = readCorpusFile(zhFile).map((x) => x.input)
    const en: NormalizeInput[] = readCorpusFile(enFile).map((x) => ({ ...x.input, snapshot: { ...x.input.snapshot, rows: x.input.snapshot.rows.map((r) => ({ ...r, votes: r.score === undefined ? r.votes : Math.round(r.score) })) } }))
    const r = normalize([...zh, ...en], data)
    // Votes of the original's rows, by place (rank and score; tied places hold several).
    const original = new Map<string, Set<number | undefined>>()
    for (const row of zh[0]!.snapshot.rows) original.set(`${row.rank} ${row.score}`, (original.get(`${row.rank} ${row.score}`) ?? new Set()).add(row.votes))
    let checked = 0
    for (const row of r.snapshots[0]!.rows) {
      const votes = original.get(`${row.rank} ${row.score}`)
      if (!votes) continue
      expect(votes.has(row.votes), `${row.name} ${row.votes}`).toBe(true)
      checked++
    }
    expect(checked).toBeGreaterThan(200)
    expect(r.diagnostics.filter((d) => d.rule === 'variant-column-disagreement')).toHaveLength(1)
  })
})
