import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePage } from '../../src/parse/index.js'
import { dateIn, planImport, type Capture } from '../../src/store/import.js'
import { archivesDir, hasArchives, snapshotsDir } from '../helpers.js'

/**
 * The real archives in ../shared/corpus/lmarena-archives/ (skipped when
 * absent): every capture parsed as `leaderlog import` reads it, counted per
 * archive; and the repository's store holds exactly what importing them makes.
 */
const exportsDir = path.join(archivesDir, 'fboulnois-llm-leaderboard-csv')
const ratingsFile = path.join(archivesDir, 'jasontrigg0-chatbot-arena-history/alltime.csv')

function exportFiles(): string[] {
  return ['lmsys', 'lmarena_text'].flatMap((d) =>
    readdirSync(path.join(exportsDir, d))
      .filter((f) => f.endsWith('.csv'))
      .sort()
      .map((f) => path.join(exportsDir, d, f))
  )
}

function count(files: readonly string[]) {
  const rules: Record<string, number> = {}
  const ranks: Record<string, number> = {}
  let snapshots = 0
  let rows = 0
  for (const file of files) {
    const date = dateIn(path.basename(file))
    const result = parsePage(readFileSync(file, 'utf8'), date ? { fallbackDate: date } : {})
    for (const s of result.snapshots) {
      snapshots++
      rows += s.rows.length
      ranks[s.provenance!.rank] = (ranks[s.provenance!.rank] ?? 0) + 1
    }
    for (const m of result.messages) rules[m.rule] = (rules[m.rule] ?? 0) + 1
  }
  return { files: files.length, snapshots, rows, rules, ranks }
}

describe.skipIf(!hasArchives)('CSV archives (../shared/corpus/lmarena-archives)', () => {
  it('daily exports: 92 files, one snapshot each; lmsys ranks are upstream’s, lmarena_text ranks are row positions', () => {
    expect(count(exportFiles())).toEqual({
      files: 92,
      snapshots: 92,
      rows: 16_008,
      // The lmarena_text exports list Yi-34B-Chat twice.
      rules: { 'duplicate-model': 4 },
      ranks: { upstream: 88, position: 4 }
    })
  })

  it('ratings: one file, 105 dates, ranks derived from the ratings', () => {
    expect(count([ratingsFile])).toEqual({
      files: 1,
      snapshots: 105,
      rows: 13_338,
      // Yi-34B-Chat twice on each date from 2023-12-06.
      rules: { 'duplicate-model': 96 },
      ranks: { derived: 105 }
    })
    // key_to_model.csv beside it is a lookup table, not a capture: no rank or score column.
    const lookup = parsePage(readFileSync(path.join(archivesDir, 'jasontrigg0-chatbot-arena-history/key_to_model.csv'), 'utf8'), { format: 'csv' })
    expect(lookup.messages.map((m) => m.rule)).toEqual(['missing-column'])
  })

  it('the repository’s store holds exactly what importing the archives makes: 92 + 105 files', () => {
    const captures: Capture[] = [...exportFiles(), ratingsFile].map((file, order) => {
      const date = dateIn(path.basename(file))
      return { label: file, content: readFileSync(file, 'utf8'), order, ...(date ? { date } : {}) }
    })
    const decisions = planImport(captures, new Map(), { source: 'lmarena-text' })
    expect(decisions.map((d) => d.action).filter((a) => a !== 'add')).toEqual([])
    const planned = new Map(decisions.flatMap((d) => (d.action === 'add' ? [[d.target, d.content] as const] : [])))
    expect([...planned.keys()].filter((t) => t.endsWith('.en-x-exports.csv'))).toHaveLength(92)
    expect([...planned.keys()].filter((t) => t.endsWith('.en-x-ratings.csv'))).toHaveLength(105)
    const stored = readdirSync(path.join(snapshotsDir, 'lmarena-text'))
      .filter((f) => f.endsWith('.csv'))
      .sort()
      .map((f) => `lmarena-text/${f}`)
    expect(stored).toEqual([...planned.keys()].sort())
    for (const [target, content] of planned) expect(readFileSync(path.join(snapshotsDir, target), 'utf8'), target).toBe(content)
  })
})
