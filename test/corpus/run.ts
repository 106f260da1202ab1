import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { countSeverities, type Message } from '../../src/diagnostics/diagnostic.js'
import type { ParseOptions } from '../../src/parse/index.js'
import type { ParsedSnapshot } from '../../src/schema/snapshot.js'
import { checkAcrossFiles, type CheckedFile } from '../../src/store/check.js'
import { validateSnapshot } from '../../src/validate/snapshot.js'
import { corpusDir, corpusParse } from '../helpers.js'

/** One corpus version, parsed and validated as `leaderlog check` would. */
export interface VersionResult {
  group: string
  file: string
  rows: number
  snapshots: ParsedSnapshot[]
  messages: Message[]
  crash?: string
}

/** Corpus folders: zh, en, fr, es, ja, and zh-categories/<board>. */
export function corpusGroups(): { group: string; files: string[] }[] {
  const groups: { group: string; files: string[] }[] = []
  for (const name of readdirSync(corpusDir).sort()) {
    const dir = path.join(corpusDir, name)
    if (!statSync(dir).isDirectory()) continue
    if (name === 'zh-categories') {
      for (const board of readdirSync(dir).sort()) {
        groups.push({ group: `zh-categories/${board}`, files: readdirSync(path.join(dir, board)).sort().map((f) => path.join(dir, board, f)) })
      }
    } else {
      groups.push({ group: name, files: readdirSync(dir).sort().map((f) => path.join(dir, f)) })
    }
  }
  return groups
}

/**
 * What the store would tell the parser about a corpus file: its folder's
 * language and, for a category page, its source. The same options as the
 * registry's corpus tests, so both share the parse cache.
 */
export function corpusOptions(relative: string): ParseOptions {
  const [folder, board] = relative.split('/')
  const language = folder === 'zh-categories' ? 'zh' : folder!
  const source = folder === 'zh-categories' ? `lmarena-${board}` : undefined
  return { language, ...(source ? { source } : {}) }
}

/**
 * Parse and validate every file of the groups, then check them across files
 * together: the versions of a page in commit order are its history, and the
 * translations of one data time are checked against their original.
 */
export function runCorpus(groups: readonly { group: string; files: readonly string[] }[]): VersionResult[] {
  const checked: CheckedFile[] = []
  const results: VersionResult[] = []
  for (const { group, files } of groups) {
    for (const file of files) {
      const relative = path.relative(corpusDir, file)
      try {
        const parsed = corpusParse(readFileSync(file, 'utf8'), corpusOptions(relative))
        const messages = [...parsed.messages]
        const snapshots = parsed.snapshots.map((s) => {
          const v = validateSnapshot(s)
          messages.push(...v.messages)
          return v.snapshot
        })
        checked.push({ path: relative, result: { ...parsed, snapshots, messages } })
        results.push({ group, file: relative, rows: snapshots.reduce((n, s) => n + s.rows.length, 0), snapshots, messages })
      } catch (error) {
        results.push({ group, file: relative, rows: 0, snapshots: [], messages: [], crash: (error as Error).stack ?? String(error) })
      }
    }
  }
  const across = checkAcrossFiles(checked)
  for (const r of results) r.messages.push(...(across.get(r.file) ?? []))
  return results
}

/** Table per language: versions, parsed (yielded rows), clean (no error), flagged per rule. */
export function table(results: readonly VersionResult[]): string {
  const groups = [...new Set(results.map((r) => (r.group.startsWith('zh-categories/') ? 'zh-categories' : r.group)))]
  const rules = [...new Set(results.flatMap((r) => r.messages.map((m) => m.rule)))].sort()
  const header = ['group', 'versions', 'parsed', 'clean', ...rules]
  const lines = [header]
  for (const g of groups) {
    const rs = results.filter((r) => (r.group.startsWith('zh-categories/') ? 'zh-categories' : r.group) === g)
    lines.push([
      g,
      String(rs.length),
      String(rs.filter((r) => r.rows > 0).length),
      String(rs.filter((r) => r.rows > 0 && countSeverities(r.messages).errors === 0).length),
      ...rules.map((rule) => String(rs.filter((r) => r.messages.some((m) => m.rule === rule)).length))
    ])
  }
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)))
  const fmt = (l: string[]) => '| ' + l.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') + ' |'
  return [fmt(lines[0]!), '|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 1) + '-' : '-'.repeat(w + 1) + ':')).join('|') + '|', ...lines.slice(1).map(fmt)].join('\n')
}
