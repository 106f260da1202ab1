import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { countSeverities } from '../../src/diagnostics/diagnostic.js'
import { corpusDir, hasCorpus } from '../helpers.js'
import { expectRowsOrAnomaly } from './assertions.js'
import { corpusGroups, runCorpus, table, type VersionResult } from './run.js'

/**
 * The real upstream corpus (`../shared/corpus/cherry-studio-docs`, or
 * LEADERLOG_SHARED): the Chinese original, the 2026 category pages, and the
 * machine translations (en, fr, es, ja) with every glitch upstream shipped.
 * Parsed once (through the shared parse cache), checked across files as a
 * store would be, and printed as one table.
 */
const missing = `../shared/corpus not found at ${corpusDir}: set LEADERLOG_SHARED to the folder holding corpus/`

/** Files per corpus folder, as the corpus's own manifest lists them. */
function manifest(): Map<string, number> {
  const counts = new Map<string, number>()
  for (const line of readFileSync(path.join(corpusDir, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1)) {
    const file = line.split('\t')[0]!
    const group = file.startsWith('zh-categories/') ? 'zh-categories' : file.split('/')[0]!
    counts.set(group, (counts.get(group) ?? 0) + 1)
  }
  return counts
}

const folder = (r: VersionResult) => (r.group.startsWith('zh-categories/') ? 'zh-categories' : r.group)
const errors = (r: VersionResult) => countSeverities(r.messages).errors

describe('corpus', () => {
  let results: VersionResult[] = []
  beforeAll(() => {
    if (!hasCorpus) return
    results = runCorpus(corpusGroups())
    console.log('\n' + table(results) + '\n')
  }, 3_600_000)

  it('reads every version the corpus manifest lists', (ctx) => {
    ctx.skip(!hasCorpus, missing)
    const seen = new Map<string, number>()
    for (const r of results) seen.set(folder(r), (seen.get(folder(r)) ?? 0) + 1)
    expect(Object.fromEntries(seen)).toEqual(Object.fromEntries(manifest()))
    expect(results.length).toBeGreaterThan(1000)
  })

  it('every version yields rows or a named anomaly', (ctx) => {
    ctx.skip(!hasCorpus, missing)
    expectRowsOrAnomaly(results)
  })

  it('the Chinese original is clean: apart from its first empty stub, every version has a full table', (ctx) => {
    ctx.skip(!hasCorpus, missing)
    const zh = results.filter((r) => r.group === 'zh')
    expect(zh.filter((r) => r.rows === 0).map((r) => r.file)).toEqual(['zh/2025-01-17T043758Z_4bb1b8c.md'])
    expect(zh.filter((r) => r.rows > 0 && errors(r) > 0).map((r) => r.file)).toEqual([])
    expect(zh.filter((r) => r.rows > 0).every((r) => r.rows >= 150)).toBe(true)
  })

  it('each category page shows its top 30, its one unranked (AutoEval) row told apart', (ctx) => {
    ctx.skip(!hasCorpus, missing)
    const categories = results.filter((r) => r.group.startsWith('zh-categories/'))
    expect(categories.filter((r) => r.rows === 0 || errors(r) > 0).map((r) => r.file)).toEqual([])
    const shown = (r: VersionResult) => r.rows + r.messages.filter((m) => m.rule === 'unranked-row').length
    expect(new Set(categories.map(shown))).toEqual(new Set([30]))
  })

  it('most translated days are clean, and a clean day has a full table', (ctx) => {
    ctx.skip(!hasCorpus, missing)
    for (const lang of ['en', 'fr', 'es', 'ja']) {
      const rs = results.filter((r) => r.group === lang)
      const clean = rs.filter((r) => r.rows > 0 && errors(r) === 0)
      expect(clean.length / rs.length).toBeGreaterThan(0.3)
      expect(clean.filter((r) => r.rows < 150).map((r) => r.file)).toEqual([])
    }
  })

  it('no translation has fewer rows than the original of its data time without an error saying so', (ctx) => {
    ctx.skip(!hasCorpus, missing)
    const original = new Map<string, number>()
    for (const r of results.filter((r) => r.group === 'zh')) {
      for (const s of r.snapshots) if (s.updatedAt) original.set(`${s.board} ${s.updatedAt}`, Math.max(original.get(`${s.board} ${s.updatedAt}`) ?? 0, s.rows.length))
    }
    // Rows a file leaves out with a diagnostic of their own (a ragged row, a duplicate) are accounted for.
    const leftOut = (r: VersionResult) => r.messages.filter((m) => ['ragged-row', 'missing-cell', 'duplicate-model', 'unranked-row', 'invalid-row'].includes(m.rule)).length
    const translations = results.filter((r) => ['en', 'fr', 'es', 'ja'].includes(r.group))
    const short = translations.filter((r) => r.snapshots.some((s) => s.rows.length + leftOut(r) < (original.get(`${s.board} ${s.updatedAt}`) ?? 0)))
    const silent = short.filter((r) => !r.messages.some((m) => m.rule === 'truncated-table'))
    console.log(`${short.length} translations show fewer rows than their original of the same data time; ${short.length - silent.length} flagged truncated-table`)
    expect(short.length).toBeGreaterThan(40)
    expect(silent.map((r) => r.file)).toEqual([])
  })
})
