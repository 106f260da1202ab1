import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parsePage } from '../../src/parse/index.js'
import { parseRegistryData, type RegistryData } from '../../src/registry/data.js'
import { normalize, type NormalizeInput } from '../../src/registry/normalize.js'
import { ARCHIVE_SCORE_TOLERANCE } from '../../src/registry/reconcile.js'
import { dateIn } from '../../src/store/import.js'
import { validateSnapshot } from '../../src/validate/snapshot.js'
import { hasArchives, snapshotsDir } from '../helpers.js'
import { renderNormalized } from '../site/helpers.js'

/**
 * Identity across the archives' eras (issue 13), on the store's own archive
 * captures of the text board: two archives of one day are one snapshot whose
 * rows each archive names its own way, and long-lived models keep one id from
 * 2023 on.
 */
const board = path.join(snapshotsDir, 'lmarena-text')

function read(file: string): NormalizeInput[] {
  const date = dateIn(file)
  const page = file.endsWith('.md')
  const options = page ? { source: 'lmarena-text', language: file.split('.')[1]! } : { source: 'lmarena-text', format: 'csv' as const, ...(date ? { fallbackDate: date } : {}) }
  const parsed = parsePage(readFileSync(path.join(board, file), 'utf8'), options)
  return parsed.snapshots.map((s) => ({ file: `lmarena-text/${file}`, snapshot: validateSnapshot(s).snapshot }))
}

let data: RegistryData
beforeAll(() => {
  data = parseRegistryData(readFileSync(path.join(snapshotsDir, 'registry.json'), 'utf8')).data
})

describe.runIf(hasArchives)('two archives of one day (lmarena-text 2024-07-31: exports and rating history)', () => {
  let inputs: NormalizeInput[]
  let result: ReturnType<typeof normalize>
  beforeAll(() => {
    inputs = [...read('2024-07-31.en-x-exports.csv'), ...read('2024-07-31.en-x-ratings.csv')]
    result = normalize(inputs, data)
  })

  it('are one snapshot with one row per model: the exports first, the rating history’s other names in their rows', () => {
    expect(result.snapshots).toHaveLength(1)
    const s = result.snapshots[0]!
    expect(s.languages).toEqual(['en-x-exports', 'en-x-ratings'])
    const ids = s.rows.map((r) => r.model)
    expect(new Set(ids).size).toBe(ids.length)
    const [exports, ratings] = inputs.map((i) => i.snapshot.rows.length) as [number, number]
    // Every exports row is a row; the rating history adds only the model the exports lack that day (gemma-2-2b-it).
    expect(ratings).toBe(exports + 1)
    expect(s.rows.length).toBe(exports + 1)
    expect(s.rows.filter((r) => !inputs[0]!.snapshot.rows.some((x) => x.score === r.score && x.rank === r.rank)).map((r) => r.model)).toEqual(['gemma-2-2b-it'])
  })

  it('links the names each archive gives one model that day, with the evidence', () => {
    const links = new Map(result.renames.links.map((l) => [l.names.join(' → '), l]))
    for (const pair of ['Bard (Gemini Pro) → Gemini App (2024-01-24)', 'Meta-Llama-3.1-405b-Instruct → Meta-Llama-3.1-405B-Instruct-fp8', 'Command R → Command R (04-2024)', 'Gemini-Advanced-0514 → Gemini Advanced App (2024-05-14)']) {
      const link = links.get(pair)
      expect(link, pair).toBeDefined()
      expect(link!.evidence.before).toBe('2024-07-31')
      expect(link!.evidence.after).toBe('2024-07-31')
      expect(link!.evidence.sources).toEqual(['lmarena-text/2024-07-31.en-x-exports.csv', 'lmarena-text/2024-07-31.en-x-ratings.csv'])
      const [a, b] = link!.evidence.score!
      expect(Math.abs(a - b)).toBeLessThanOrEqual(ARCHIVE_SCORE_TOLERANCE)
    }
    const bard = result.registry.models.find((m) => m.aliases.includes('Bard (Gemini Pro)'))!
    expect(bard.aliases).toContain('Gemini App (2024-01-24)')
  })

  it('does not report the rating history’s rounding or derived ranks as disagreements', () => {
    expect(result.disagreements.filter((d) => d.field === 'rank')).toEqual([])
    const scores = result.disagreements.filter((d) => d.field === 'score')
    // A few ratings moved more than rounding and the hour explain, and say so (1244 in the exports, 1241.9 in the history).
    expect(scores.length).toBeGreaterThan(0)
    expect(scores.length).toBeLessThan(20)
    for (const d of scores) expect(Math.abs((d.values[0]!.value as number) - (d.values[1]!.value as number))).toBeGreaterThan(ARCHIVE_SCORE_TOLERANCE)
  })

  it('keeps two models apart when each archive’s nearest score is another’s', () => {
    // The same day with the exports' Command R row moved half-way to Command R+: its nearest is no longer mutual.
    const [exports, ratings] = inputs as [NormalizeInput, NormalizeInput]
    const rows = exports.snapshot.rows.map((r) => (r.name === 'Command R' ? { ...r, score: 1170 } : r))
    const moved = normalize([{ ...exports, snapshot: { ...exports.snapshot, rows } }, ratings], data)
    const names = moved.renames.links.map((l) => l.names.join(' → '))
    expect(names).not.toContain('Command R → Command R (04-2024)')
    expect(names).toContain('Command R+ → Command R+ (04-2024)')
  })
})

describe.runIf(hasArchives)('an archive and the pages of one date', () => {
  it('the 2025-07-16 export is that day’s page: one snapshot, the page’s values kept, the export’s rows merged in', () => {
    const page = read('2025-07-16.zh.md')
    const result = normalize([...page, ...read('2025-07-16.en-x-exports.csv')], data)
    const s = result.snapshots[0]!
    for (const raw of page[0]!.snapshot.rows) expect(s.rows.some((r) => r.rank === raw.rank && r.score === raw.score && r.votes === raw.votes), raw.name).toBe(true)
    expect(s.sources).toEqual(['lmarena-text/2025-07-16.zh.md', 'lmarena-text/2025-07-16.en-x-exports.csv'])
    expect(result.diagnostics.filter((d) => d.rule === 'archive-other-time')).toEqual([])
    const ids = s.rows.map((r) => r.model)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('the 2025-08-01 export is of another data time (the pages lagged): one warning, and the day is the page’s alone', () => {
    const page = read('2025-08-01.zh.md')
    const result = normalize([...page, ...read('2025-08-01.en-x-exports.csv')], data)
    const s = result.snapshots[0]!
    expect(s.sources).toEqual(['lmarena-text/2025-08-01.zh.md'])
    expect(s.rows).toHaveLength(page[0]!.snapshot.rows.length)
    const warnings = result.diagnostics.filter((d) => d.rule === 'archive-other-time')
    expect(warnings.map((d) => [d.file, d.severity])).toEqual([['lmarena-text/2025-08-01.en-x-exports.csv', 'warning']])
    expect(warnings[0]!.message).toMatch(/^Unexpected `score` in 1\d\d of 2\d\d rows of `lmarena-text` 2025-08-01, expected the values of lmarena-text\/2025-08-01\.zh\.md/)
    expect(result.disagreements).toEqual([])
  })
})

describe.runIf(hasArchives)('every archive capture of the text board, 2023-05-08 to 2025-08-04', () => {
  let result: ReturnType<typeof normalize>
  let dates: string[]
  beforeAll(() => {
    const files = readdirSync(board).filter((f) => f.endsWith('.csv'))
    result = normalize(files.flatMap(read), data)
    dates = result.snapshots.map((s) => s.date)
  })

  it('gives long-lived models one continuous history from their first day', () => {
    // Upstream's exports leave retired models out from 2025-02-16: those are in every capture of the rating history.
    const withRatings = result.snapshots.filter((s) => s.languages.includes('en-x-ratings')).map((s) => s.date)
    for (const [id, first, every] of [
      ['gpt-4-0314', '2023-05-08', dates],
      ['gpt-3.5-turbo-0314', '2023-05-08', withRatings],
      ['claude-2.0', '2023-08-02', withRatings],
      ['gpt-4-1106-preview', '2023-11-16', dates],
      ['claude-3-opus-20240229', '2024-03-07', dates],
      ['gpt-4o-2024-05-13', '2024-05-15', dates],
      ['gemini-advanced-app-2024-05-14', '2024-05-27', dates]
    ] as const) {
      const seen = result.snapshots.filter((s) => s.rows.some((r) => r.model === id)).map((s) => s.date)
      expect(seen[0], id).toBe(first)
      expect(seen.at(-1), id).toBe('2025-08-04')
      const missing = every.filter((d) => d >= first && !seen.includes(d))
      expect(missing, id).toEqual([])
    }
  })

  it('never shows one model twice on a day', () => {
    for (const s of result.snapshots) {
      const ids = s.rows.map((r) => r.model)
      expect(new Set(ids).size, s.date).toBe(ids.length)
    }
  })

  it('leaves no registry conflict', () => {
    expect(result.diagnostics.filter((d) => d.rule === 'registry-conflict')).toEqual([])
  })
})

describe.runIf(hasArchives)('names that differ by source (lmarena-text, May 2025: exports, zh page, exports)', () => {
  let page: string
  beforeAll(() => {
    const normalized = normalize(['2025-05-13.en-x-exports.csv', '2025-05-18.zh.md', '2025-05-20.en-x-exports.csv'].flatMap(read), data)
    page = renderNormalized(normalized).files.find((f) => f.path === 'data-quality/index.html')!.content
  })

  it('says which sources the two snapshots of a mass rename come from, instead of an upstream naming switch', () => {
    expect(page).toMatch(/LMArena Text, 2025-05-13 → 2025-05-18: \d+ models renamed at once: the first snapshot is from an archive of upstream’s board, the second from the zh page; these sources spell the models differently/)
    expect(page).toMatch(/LMArena Text, 2025-05-18 → 2025-05-20: \d+ models renamed at once: the first snapshot is from the zh page, the second from an archive of upstream’s board/)
    expect(page).not.toContain('upstream switched naming scheme')
  })
})
