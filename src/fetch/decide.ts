import { countSeverities, message, sortDiagnostics, START, type Message } from '../diagnostics/diagnostic.js'
import { parsePage } from '../parse/index.js'
import { analyse, latestAllowed, type StoreContents } from '../pipeline/analyse.js'
import type { CheckedFile } from '../store/check.js'
import { checkParsed } from '../store/check-parsed.js'
import { digest } from '../core/digest.js'
import { normaliseContent } from '../store/import.js'
import { parseStorePath, storePath } from '../store/layout.js'
import type { Download } from './download.js'
import type { SourceEntry } from './sources.js'

/**
 * What to do with one downloaded page. Pure: the page (or why there is none)
 * and the stored history of its source in, one outcome out. The page is
 * checked exactly as `leaderlog check` would check it once stored: parsed and
 * validated under its store path, then through the pipeline's `analyse` with
 * the stored history of its source (checks across files, registry).
 */
export type Outcome =
  | { status: 'stored'; entry: SourceEntry; date: string; rows: number; warnings: number; target: string; content: string; file: StoredFile }
  | { status: 'unchanged'; entry: SourceEntry; date: string; rows: number; target: string; differs: boolean }
  | { status: 'older'; entry: SourceEntry; date: string; newest: string }
  | { status: 'broken'; entry: SourceEntry; date?: string; problem: Message & { file?: string }; errors: number }
  | { status: 'unreachable'; entry: SourceEntry; reason: string }

export type Status = Outcome['status']

/** A checked store file and the digest of its content (to tell a re-published page from the stored copy). */
export type StoredFile = CheckedFile & { digest: string }

/** The stored history of a page's source: its checked files and the registry data file. */
export type History = Omit<StoreContents, 'files'> & { files: StoredFile[] }

/** Order of statuses in summaries. */
export const statuses: readonly Status[] = ['stored', 'unchanged', 'older', 'broken', 'unreachable']

/**
 * Decide for one page. `stored` are the checked store files of the entry's
 * source (paths relative to the store: `<source>/<date>.<lang>.md`).
 *
 * Precedence: unreachable, then broken (any error, whatever its date), then
 * unchanged (its date is stored), then older (before the newest stored date of
 * this source and language), else stored.
 */
export function decide(entry: SourceEntry, download: Download, history: History, today: string, parse: typeof parsePage = parsePage): Outcome {
  if (!download.ok) return { status: 'unreachable', entry, reason: download.reason }
  const content = normaliseContent(download.content)
  const damaged = content.indexOf('\uFFFD')
  if (damaged >= 0) {
    const before = content.slice(0, damaged)
    const line = before.split('\n').length
    const problem = message('invalid-encoding', { line, column: damaged - before.lastIndexOf('\n') }, { charset: download.charset })
    return { status: 'broken', entry, problem, errors: 1 }
  }
  const parsed = parse(content, { source: entry.source, language: entry.language })
  const dated = parsed.snapshots.find((s) => s.date)
  if (!dated) {
    const problem = sortDiagnostics(parsed.messages.filter((m) => m.severity === 'error'))[0] ?? message('missing-table', START, { kind: 'undated' })
    return { status: 'broken', entry, problem, errors: Math.max(1, countSeverities(parsed.messages).errors) }
  }
  const date = dated.date
  const target = storePath({ source: entry.source, date, language: entry.language })
  // The page was parsed without a fallback date and has one of its own, so
  // the store's parse (which would only add the fallback) gives the same result.
  const file = checkParsed(target, parsed)
  const stored = history.files.filter((f) => f.path !== target)
  // The same pipeline as `leaderlog check`, over the page's source as it would be once stored.
  const analysis = analyse({ ...history, files: [...stored, file] }, (relative) => relative, today)
  const messages = analysis.diagnostics.filter((d) => d.file === target)
  const { errors, warnings } = countSeverities(messages)
  const rows = file.result.snapshots.reduce((n, s) => n + s.rows.length, 0)
  if (errors > 0) {
    return { status: 'broken', entry, date, problem: messages.find((m) => m.severity === 'error')!, errors }
  }
  const same = history.files.find((f) => f.path === target)
  if (same) {
    return { status: 'unchanged', entry, date, rows, target, differs: same.digest !== digest(content) }
  }
  const newest = newestDate(history.files, entry, today)
  if (newest !== undefined && date < newest) return { status: 'older', entry, date, newest }
  return { status: 'stored', entry, date, rows, warnings, target, content, file: { ...file, digest: digest(content) } }
}

/**
 * The newest data date stored for the entry's source and language. A stored
 * file dated in the future (an error `check` reports) does not count: it must
 * not make every later real day look older.
 */
export function newestDate(stored: readonly CheckedFile[], entry: Pick<SourceEntry, 'source' | 'language'>, today: string): string | undefined {
  let newest: string | undefined
  const limit = latestAllowed(today)
  for (const f of stored) {
    const at = parseStorePath(f.path)
    if (!at || at.source !== entry.source || at.language !== entry.language || at.date > limit) continue
    if (newest === undefined || at.date > newest) newest = at.date
  }
  return newest
}
