import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { countSeverities } from '../../src/diagnostics/diagnostic.js'
import type { NormalizeInput } from '../../src/registry/normalize.js'
import { validateSnapshot } from '../../src/validate/snapshot.js'
import { corpusDir, corpusParse } from '../helpers.js'

/**
 * The corpus read as a store would hold it: a corpus folder says the language
 * (zh/, en/, …) and, for zh-categories/<board>/, the source; of several
 * captures of one (board, date, language) the best is kept, as `import` does
 * (no errors first, then the latest data time, then the latest capture).
 * Parsing goes through the tests' shared on-disk parse cache.
 */
export function readCorpusFile(relative: string): { input: NormalizeInput; errors: number }[] {
  const [folder, board] = relative.split('/')
  const language = folder === 'zh-categories' ? 'zh' : folder!
  const source = folder === 'zh-categories' ? `lmarena-${board}` : undefined
  const parsed = corpusParse(readFileSync(path.join(corpusDir, relative), 'utf8'), { language, ...(source ? { source } : {}) })
  let errors = countSeverities(parsed.messages).errors
  return parsed.snapshots.map((s) => {
    const checked = validateSnapshot(s)
    errors += countSeverities(checked.messages).errors
    return { input: { file: relative, snapshot: checked.snapshot }, errors }
  })
}

export function corpusFiles(): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(corpusDir, dir)).sort()) {
      const relative = dir ? `${dir}/${name}` : name
      if (statSync(path.join(corpusDir, relative)).isDirectory()) walk(relative)
      else if (name.endsWith('.md')) out.push(relative)
    }
  }
  walk('')
  return out
}

export function asStore(read: readonly { input: NormalizeInput; errors: number }[]): NormalizeInput[] {
  const best = new Map<string, { input: NormalizeInput; errors: number }>()
  for (const x of read) {
    const s = x.input.snapshot
    if (!s.date || s.rows.length === 0) continue
    const key = `${s.board} ${s.date} ${s.language}`
    const current = best.get(key)
    const time = (y: { input: NormalizeInput }) => y.input.snapshot.updatedAt ?? ''
    if (!current || x.errors < current.errors || (x.errors === current.errors && (time(x) > time(current) || (time(x) === time(current) && x.input.file > current.input.file)))) best.set(key, x)
  }
  return [...best.values()].map((x) => x.input).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}
