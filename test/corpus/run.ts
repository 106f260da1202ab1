import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { countSeverities, type Message } from '../../src/diagnostics/diagnostic.js'
import { checkAcrossFiles, type CheckedFile } from '../../src/store/check.js'
import { validateSnapshot } from '../../src/validate/snapshot.js'
import { corpusDir, corpusParse } from '../helpers.js'

/** One corpus version, parsed and validated as `leaderlog check` would. */
export interface VersionResult {
  group: string
  file: string
  rows: number
  snapshots: number
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

export function runGroup(group: string, files: readonly string[]): VersionResult[] {
  const checked: CheckedFile[] = []
  const results: VersionResult[] = []
  for (const file of files) {
    const relative = path.relative(corpusDir, file)
    try {
      const parsed = corpusParse(readFileSync(file, 'utf8'))
      const messages = [...parsed.messages]
      const snapshots = parsed.snapshots.map((s) => {
        const v = validateSnapshot(s)
        messages.push(...v.messages)
        return v.snapshot
      })
      const result = { ...parsed, snapshots, messages }
      checked.push({ path: relative, result })
      results.push({ group, file: relative, rows: snapshots.reduce((n, s) => n + s.rows.length, 0), snapshots: snapshots.length, messages })
    } catch (error) {
      results.push({ group, file: relative, rows: 0, snapshots: 0, messages: [], crash: (error as Error).stack ?? String(error) })
    }
  }
  // Versions of one page in commit order are its history: compare each with the previous.
  const across = checkAcrossFiles(checked)
  for (const r of results) r.messages.push(...(across.get(r.file) ?? []))
  return results
}

/** Table per language: versions, parsed (yielded rows), flagged per rule. */
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
