import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Message } from '../../src/diagnostics/diagnostic.js'
import { corpusDir, corpusParse, hasCorpus } from '../helpers.js'
import { comparable } from './comparable.js'
import { corpusGroups, corpusOptions } from './run.js'
import { join, split, startsTable } from './table-lines.js'

/**
 * Cells decide, headers help, in short tables too: a page cut to its first
 * few rows (a capture truncated upstream) whose translation swapped two
 * header cells, or wrote one column's header over another's, must read the
 * same rows and values as the same cut page with its headers in place, or
 * say why not (a diagnostic that page does not have) — never other values in
 * silence. A few rows prove less than 270 (a column of scores may look like
 * counts), which is where a header that lies could win.
 */
const missing = `../shared/corpus not found at ${corpusDir}: set LEADERLOG_SHARED to the folder holding corpus/`

/** Rows a cut table keeps: 4 to 12, by file. */
const rowsKept = (k: number) => 4 + (k % 9)

/**
 * The page with every table cut to its first `keep` rows, and with `swap`
 * the header cells at those two places swapped, or with `copy` the second
 * written over the first (a table narrower than both keeps its headers).
 */
export function cutTables(content: string, keep: number, swap?: [number, number], copy = false): string {
  const lines = content.split('\n')
  const out: string[] = []
  for (let h = 0; h < lines.length; h++) {
    if (!startsTable(lines, h)) {
      out.push(lines[h]!)
      continue
    }
    const head = split(lines[h]!)
    if (swap && Math.max(...swap) < head.parts.length) {
      const [i, j] = swap
      if (copy) head.parts[i] = head.parts[j]!
      else [head.parts[i], head.parts[j]] = [head.parts[j]!, head.parts[i]!]
    }
    out.push(join(head), lines[h + 1]!)
    let end = h + 2
    while (end < lines.length && lines[end]!.trim() !== '' && lines[end]!.includes('|')) end++
    out.push(...lines.slice(h + 2, Math.min(end, h + 2 + keep)))
    h = end - 1
  }
  return out.join('\n')
}

/** The pairs of header places of a table this wide, in a fixed order. */
function pairs(width: number): [number, number][] {
  const out: [number, number][] = []
  for (let i = 0; i < width; i++) for (let j = i + 1; j < width; j++) out.push([i, j])
  return out
}

/** The width of the page's first table (0: none). */
function firstWidth(content: string): number {
  const lines = content.split('\n')
  for (let h = 0; h + 1 < lines.length; h++) {
    if (startsTable(lines, h)) return split(lines[h]!).parts.length
  }
  return 0
}

interface Tally {
  cases: number
  same: number
  flagged: number
  silent: string[]
  byRule: Record<string, number>
}

/** Every third file of the corpus, each cut to 4–12 rows, twice with the header cells at two places rewritten: every pair in turn. */
function pass(copy: boolean): Tally {
  const files = corpusGroups()
    .flatMap((g) => g.files)
    .filter((_, i) => i % 3 === 0)
  const tally: Tally = { cases: 0, same: 0, flagged: 0, silent: [], byRule: {} }
  files.forEach((file, k) => {
    const relative = path.relative(corpusDir, file)
    const content = readFileSync(file, 'utf8')
    const width = firstWidth(content)
    if (width < 2) return
    const options = corpusOptions(relative)
    const keep = rowsKept(k)
    const base = corpusParse(cutTables(content, keep), options)
    const rows = (r: typeof base) => r.snapshots.flatMap((s) => s.rows.map(comparable))
    if (rows(base).length === 0) return
    const all = pairs(width)
    for (const pair of new Set([all[k % all.length]!, all[(k * 7 + 3) % all.length]!])) {
      // Copied both ways: the header of the first place over the second, and the other way.
      const at: [number, number] = copy && k % 2 === 1 ? [pair[1], pair[0]] : pair
      const changed = corpusParse(cutTables(content, keep, at, copy), options)
      tally.cases++
      if (JSON.stringify(rows(base)) === JSON.stringify(rows(changed))) {
        tally.same++
        continue
      }
      // A message at another place is another message: the same warning on another column says something else.
      const key = (m: Message) => `${m.line}:${m.column} ${m.rule} ${m.message}`
      const known = new Set(base.messages.map(key))
      const added = changed.messages.filter((m) => !known.has(key(m)))
      if (added.length === 0) {
        tally.silent.push(`${relative} (${keep} rows, header ${copy ? `${at[1]} written over ${at[0]}` : `${at[0]} and ${at[1]} swapped`})`)
        continue
      }
      tally.flagged++
      for (const rule of new Set(added.map((m) => m.rule))) tally.byRule[rule] = (tally.byRule[rule] ?? 0) + 1
    }
  })
  return tally
}

describe('short tables whose headers a translation swapped or repeated', () => {
  it('two headers swapped: the same rows and values as with the headers in place, or a diagnostic', (ctx) => {
    ctx.skip(!hasCorpus, missing)
    const tally = pass(false)
    console.log(`short tables, two headers swapped: ${tally.cases} cases, ${tally.same} read the same, ${tally.flagged} differ with a diagnostic ${JSON.stringify(tally.byRule)}, ${tally.silent.length} differ silently`)
    expect(tally.cases).toBeGreaterThan(500)
    expect(tally.silent).toEqual([])
  }, 3_600_000)

  it('one header written over another column: the same rows and values, or a diagnostic', (ctx) => {
    ctx.skip(!hasCorpus, missing)
    const tally = pass(true)
    console.log(`short tables, a header written over another: ${tally.cases} cases, ${tally.same} read the same, ${tally.flagged} differ with a diagnostic ${JSON.stringify(tally.byRule)}, ${tally.silent.length} differ silently`)
    expect(tally.cases).toBeGreaterThan(500)
    // The agent board's measures under one name (duplicate-column) were among those read otherwise in silence.
    expect(tally.byRule['duplicate-column']).toBeGreaterThan(0)
    expect(tally.silent).toEqual([])
  }, 3_600_000)
})
