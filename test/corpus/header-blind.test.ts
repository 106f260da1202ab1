import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Message } from '../../src/diagnostics/diagnostic.js'
import { corpusDir, corpusParse, hasCorpus } from '../helpers.js'
import { comparable } from './comparable.js'
import { corpusGroups, corpusOptions } from './run.js'
import { join, split, startsTable, type Cells } from './table-lines.js'

/**
 * Cells decide, headers help (issue 9): every table of the corpus with its
 * header cells replaced by meaningless tokens must read the same rows and
 * values as with its headers, or say why not (a diagnostic the page with
 * headers does not have) — never different values in silence. A second pass
 * also shuffles the columns, on every third file (both passes over every
 * file would double the cost of the corpus tests).
 */
const missing = `../shared/corpus not found at ${corpusDir}: set LEADERLOG_SHARED to the folder holding corpus/`

/** A fixed shuffle of `n` columns from `seed` (a linear congruential generator: the same every run). */
function permutation(n: number, seed: number): number[] {
  const p = [...Array(n).keys()]
  let s = seed
  for (let i = n - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648
    const j = s % (i + 1)
    ;[p[i], p[j]] = [p[j]!, p[i]!]
  }
  return p
}

/** The page with every table's header cells replaced by tokens (`q3z0`), and with `shuffle` its columns permuted. */
export function mutate(content: string, seed: number, shuffle: boolean): string {
  const lines = content.split('\n')
  for (let h = 0; h + 1 < lines.length; h++) {
    if (!startsTable(lines, h)) continue
    const head = split(lines[h]!)
    const width = head.parts.length
    head.parts = head.parts.map((_, i) => ` q${((i * 7 + seed) % 13).toString(36)}z${i} `)
    lines[h] = join(head)
    let end = h + 2
    while (end < lines.length && lines[end]!.trim() !== '') end++
    if (shuffle) {
      const order = permutation(width, seed + 1)
      for (let l = h; l < end; l++) {
        const cells = split(lines[l]!)
        if (cells.parts.length !== width) continue
        cells.parts = order.map((i) => cells.parts[i]!)
        lines[l] = join(cells)
      }
    }
    h = end
  }
  return lines.join('\n')
}

interface Tally {
  files: number
  same: number
  /** Values differ, and a diagnostic the page with headers does not have says so. */
  flagged: number
  byRule: Record<string, number>
  silent: string[]
}

function pass(files: readonly string[], shuffle: boolean): Tally {
  const tally: Tally = { files: 0, same: 0, flagged: 0, byRule: {}, silent: [] }
  files.forEach((file, k) => {
    const relative = path.relative(corpusDir, file)
    const content = readFileSync(file, 'utf8')
    const options = corpusOptions(relative)
    const base = corpusParse(content, options)
    const blind = corpusParse(mutate(content, k, shuffle), options)
    tally.files++
    const rows = (r: typeof base) => r.snapshots.flatMap((s) => s.rows.map(comparable))
    if (JSON.stringify(rows(base)) === JSON.stringify(rows(blind))) {
      tally.same++
      return
    }
    const key = (m: Message) => `${m.rule} ${m.message}`
    const known = new Set(base.messages.map(key))
    const added = blind.messages.filter((m) => !known.has(key(m)))
    if (added.length === 0) {
      tally.silent.push(relative)
      return
    }
    tally.flagged++
    for (const rule of new Set(added.map((m) => m.rule))) tally.byRule[rule] = (tally.byRule[rule] ?? 0) + 1
  })
  return tally
}

/** Every corpus file, last first: the corpus test parses them first to last, so the two share the parse cache from both ends. */
function corpusFiles(): string[] {
  return corpusGroups()
    .flatMap((g) => g.files)
    .reverse()
}

describe('header-blind parse of the corpus', () => {
  it('headers replaced by tokens: same rows and values, or a diagnostic', (ctx) => {
    ctx.skip(!hasCorpus, missing)
    const files = corpusFiles()
    const t = pass(files, false)
    console.log(`header-blind: ${t.files} files, ${t.same} read the same, ${t.flagged} differ with a diagnostic ${JSON.stringify(t.byRule)}, ${t.silent.length} differ silently`)
    expect(t.files).toBe(files.length)
    expect(t.files).toBeGreaterThan(1000)
    expect(t.silent).toEqual([])
    expect(t.same / t.files).toBeGreaterThan(0.9)
  }, 3_600_000)

  it('headers replaced and columns shuffled (every third file): same rows and values, or a diagnostic', (ctx) => {
    ctx.skip(!hasCorpus, missing)
    const files = corpusFiles().filter((_, i) => i % 3 === 0)
    const t = pass(files, true)
    console.log(`header-blind, columns shuffled: ${t.files} files, ${t.same} read the same, ${t.flagged} differ with a diagnostic ${JSON.stringify(t.byRule)}, ${t.silent.length} differ silently`)
    expect(t.files).toBeGreaterThan(300)
    expect(t.silent).toEqual([])
    expect(t.same / t.files).toBeGreaterThan(0.9)
  }, 3_600_000)
})
