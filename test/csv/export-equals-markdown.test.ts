import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePage } from '../../src/parse/index.js'
import type { Row } from '../../src/schema/row.js'
import { archivesDir, corpusDir, corpusParse, hasArchives, hasCorpus } from '../helpers.js'

/**
 * The 2025-08-04 export (lmarena_text.csv) is what the cherry-studio-docs
 * pages showed, cell for cell, from 2025-08-07 (the first capture after the
 * archive committed it, on 2025-08-06) to 2025-10-01: the pages were made from
 * this archive. Rows are paired by position (both files list the board in
 * the same order, rank = row position), and each pair must name the same
 * model (spelling folded: case, spaces, hyphens), so a shifted row fails as
 * a name mismatch instead of comparing two models' values.
 */
const exportFile = path.join(archivesDir, 'fboulnois-llm-leaderboard-csv/lmarena_text/2025-08-04_e964e25.csv')
const zh = path.join(corpusDir, 'zh')
const compared = ['rank', 'rankStyleControl', 'score', 'ciPlus', 'ciMinus', 'votes', 'organization', 'license', 'knowledgeCutoff', 'url'] as const
const fold = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '')

function differences(a: readonly Row[], b: readonly Row[]): string[] {
  const out: string[] = []
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i]
    const y = b[i]
    if (!x || !y) {
      out.push(`row ${i + 1}: only in ${x ? 'the export' : 'the page'}`)
      continue
    }
    if (fold(x.name) !== fold(y.name)) out.push(`row ${i + 1}: ${x.name} / ${y.name}`)
    for (const field of compared) if (x[field] !== y[field]) out.push(`row ${i + 1} ${x.name} ${field}: ${String(x[field])} / ${String(y[field])}`)
  }
  return out
}

describe.skipIf(!hasArchives || !hasCorpus)('the 2025-08-04 export against the markdown pages', () => {
  const exported = parsePage(readFileSync(exportFile, 'utf8'), { fallbackDate: '2025-08-04' }).snapshots[0]!

  it('equals the zh page of 2025-08-07 cell for cell: rank, score, interval, votes, organization, license', () => {
    const page = corpusParse(readFileSync(path.join(zh, '2025-08-07T115706Z_b078d11.md'), 'utf8')).snapshots[0]!
    expect(exported.provenance).toEqual({ archive: 'exports', rank: 'position' })
    expect(exported.rows).toHaveLength(265)
    expect(page.rows).toHaveLength(265)
    expect(differences(exported.rows, page.rows)).toEqual([])
    // Not even the spelling of a name differs.
    expect(page.rows.map((r) => r.name)).toEqual(exported.rows.map((r) => r.name))
  })

  it('equals every zh page from 2025-08-07 to 2025-09-29, and none before', () => {
    const files = readdirSync(zh).filter((f) => f >= '2025-08-01' && f < '2025-09-30').sort()
    const equal = files.filter((f) => differences(exported.rows, corpusParse(readFileSync(path.join(zh, f), 'utf8')).snapshots[0]!.rows).length === 0)
    expect(equal[0]).toMatch(/^2025-08-07T/)
    expect(equal.at(-1)).toMatch(/^2025-09-29T/)
    expect(equal).toEqual(files.filter((f) => f >= '2025-08-07'))
  }, 300_000)
})
