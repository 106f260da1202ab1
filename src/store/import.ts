import { compareText } from '../core/compare.js'
import { digest } from '../core/digest.js'
import { archiveInfo, archiveLanguage, defaultArchive } from '../core/archives.js'
import { sourceInfo } from '../core/sources.js'
import { countSeverities } from '../diagnostics/diagnostic.js'
import { sliceByDate } from '../parse/csv/index.js'
import { parsePage } from '../parse/index.js'
import type { ParseResult } from '../schema/snapshot.js'
import { parseOptionsFor } from './check.js'
import { isCalendarDate, storePath } from './layout.js'

/**
 * Deciding what to copy into the store. Pure: takes the captures and the
 * current content of the paths they would land on, returns one decision per
 * store file a capture makes (a many-dates CSV makes one per date).
 */
export interface Capture {
  /** What to call it in the report: a file path, or `sha:path` for git history. */
  label: string
  content: string
  /** Later captures win ties (commit order, or argument order). */
  order: number
  /** The date the capture is known by (a date in its file name, its commit's version or day): a CSV export's only date. */
  date?: string
}

export type Decision =
  | { action: 'add'; capture: Capture; target: string; content: string; updatedAt: string | null; overwrite: boolean; errors: number }
  | { action: 'skip'; capture: Capture; target?: string; reason: string }
  | { action: 'refuse'; capture: Capture; target?: string; reason: string }

export interface ImportOptions {
  source: string
  /** Language of markdown captures (else detected); CSV captures are stored as `en-x-<archive>`. */
  language?: string
  force?: boolean
  /** The captures' format when told; else recognised by content. */
  format?: 'markdown' | 'csv'
  /** The archive CSV captures come from when told; else the one whose layout their header has. */
  archive?: string
  /** The data date of CSV exports when told; else each capture's own (`Capture.date`). */
  date?: string
}

/** Store files are normalised to LF line endings and one final newline. */
export function normaliseContent(content: string): string {
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  return text.endsWith('\n') ? text : text + '\n'
}

interface Candidate {
  capture: Capture
  target: string
  /** Normalised (compared with what is stored). */
  content: string
  /** As captured (what is written). */
  raw: string
  updatedAt: string | null
  errors: number
}

export function planImport(captures: readonly Capture[], existing: ReadonlyMap<string, string>, options: ImportOptions, parse: typeof parsePage = parsePage): Decision[] {
  const decisions: Decision[] = []
  const byTarget = new Map<string, Candidate[]>()
  const keep = (candidate: Candidate) => {
    const list = byTarget.get(candidate.target) ?? []
    list.push(candidate)
    byTarget.set(candidate.target, list)
  }
  for (const capture of captures) {
    const result = parse(capture.content, { source: options.source, ...(options.language ? { language: options.language } : {}), ...(options.format ? { format: options.format } : {}) })
    if (result.layout) {
      for (const piece of csvPieces(capture, result, options, parse)) {
        if ('reason' in piece) decisions.push({ action: 'refuse', capture, ...(piece.target ? { target: piece.target } : {}), reason: piece.reason })
        else keep(piece)
      }
      continue
    }
    const snapshot = result.snapshots.find((s) => s.date && s.rows.length > 0)
    if (!snapshot) {
      decisions.push({ action: 'refuse', capture, reason: refusal(result) })
      continue
    }
    const target = storePath({ source: options.source, date: snapshot.date, language: result.language ?? 'und' })
    keep({ capture, target, content: normaliseContent(capture.content), raw: capture.content, updatedAt: snapshot.updatedAt, errors: countSeverities(result.messages).errors })
  }
  for (const [target, list] of [...byTarget.entries()].sort((a, b) => compareText(a[0], b[0]))) {
    // The best capture of a day: without errors first, then the latest data time, then the latest capture.
    const ranked = [...list].sort((a, b) => a.errors - b.errors || compareTime(b.updatedAt, a.updatedAt) || b.capture.order - a.capture.order)
    const best = ranked[0]!
    for (const other of ranked.slice(1)) {
      decisions.push({ action: 'skip', capture: other.capture, target, reason: `superseded by ${best.capture.label} (same data date)` })
    }
    const current = existing.get(target)
    if (current !== undefined && digest(normaliseContent(current)) === digest(best.content)) {
      decisions.push({ action: 'skip', capture: best.capture, target, reason: 'identical to the stored snapshot' })
    } else if (current !== undefined && !options.force) {
      decisions.push({ action: 'refuse', capture: best.capture, target, reason: 'a different snapshot is stored there (use --force to overwrite)' })
    } else {
      decisions.push({ action: 'add', capture: best.capture, target, content: best.raw, updatedAt: best.updatedAt, overwrite: current !== undefined, errors: best.errors })
    }
  }
  return decisions.sort((a, b) => a.capture.order - b.capture.order)
}

function refusal(result: ParseResult): string {
  const why = result.messages.find((m) => m.severity === 'error')
  return why ? `${why.message} [${why.rule}]` : 'no leaderboard rows in it'
}

/**
 * The store files a CSV capture makes: an export is one, dated by
 * `--date` or the capture's own date; a ratings file is cut into one file per
 * date (the header and that date's records as written). Each is parsed as it
 * will be stored, so its errors are the ones `check` will report.
 */
function csvPieces(capture: Capture, whole: ParseResult, options: ImportOptions, parse: typeof parsePage): (Candidate | { target?: string; reason: string })[] {
  const layout = whole.layout!
  const boards = sourceInfo(options.source)?.boards.length ?? 0
  if (boards !== 1) return [{ reason: `a CSV capture holds one board, and source \`${options.source}\` has ${boards}` }]
  const archive = options.archive ?? defaultArchive(layout).id
  const told = archiveInfo(archive)
  if (!told) return [{ reason: `unknown archive \`${archive}\`` }]
  if (told.layout !== layout) return [{ reason: `archive \`${archive}\` holds ${told.layout} files, but this header is ${layout === 'ratings' ? 'a ratings file (a `date` column)' : 'an export (no `date` column)'}` }]
  let slices: { date: string; content: string }[]
  if (layout === 'ratings') {
    slices = sliceByDate(capture.content) ?? []
    if (slices.length === 0) return [{ reason: refusal(whole) }]
  } else {
    const date = options.date ?? capture.date
    if (!date) return [{ reason: 'an export holds no data date: name the file by its date (`2024-06-19_….csv`) or pass --date' }]
    slices = [{ date, content: capture.content }]
  }
  return slices.map((slice) => {
    const target = storePath({ source: options.source, date: slice.date, language: archiveLanguage(archive), format: 'csv' })
    const result = parse(slice.content, parseOptionsFor(target))
    const snapshot = result.snapshots.find((s) => s.date && s.rows.length > 0)
    if (!snapshot) return { target, reason: refusal(result) }
    return { capture, target, content: normaliseContent(slice.content), raw: slice.content, updatedAt: snapshot.updatedAt, errors: countSeverities(result.messages).errors }
  })
}

function compareTime(a: string | null, b: string | null): number {
  return (a ?? '').localeCompare(b ?? '')
}

/** The first calendar date written in a name or message: `2024-06-19`, `2024.06.19`, `2024_06_19`. */
export function dateIn(text: string): string | undefined {
  for (const m of text.matchAll(/(?<!\d)(\d{4})[-._](\d{2})[-._](\d{2})(?!\d)/g)) {
    const date = `${m[1]}-${m[2]}-${m[3]}`
    if (isCalendarDate(date)) return date
  }
  return undefined
}
