import { compareText } from '../core/compare.js'
import { createHash } from 'node:crypto'
import { countSeverities } from '../diagnostics/diagnostic.js'
import { parsePage } from '../parse/index.js'
import { storePath } from './layout.js'

/**
 * Deciding what to copy into the store. Pure: takes the captures and the
 * current content of the paths they would land on, returns one decision each.
 */
export interface Capture {
  /** What to call it in the report: a file path, or `sha:path` for git history. */
  label: string
  content: string
  /** Later captures win ties (commit order, or argument order). */
  order: number
}

export type Decision =
  | { action: 'add'; capture: Capture; target: string; updatedAt: string | null; overwrite: boolean; errors: number }
  | { action: 'skip'; capture: Capture; target?: string; reason: string }
  | { action: 'refuse'; capture: Capture; target?: string; reason: string }

export interface ImportOptions {
  source: string
  language?: string
  force?: boolean
}

export function digest(content: string): string {
  return createHash('sha256').update(content).digest('hex')
}

/** Store files are normalised to LF line endings and one final newline. */
export function normaliseContent(content: string): string {
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  return text.endsWith('\n') ? text : text + '\n'
}

interface Candidate {
  capture: Capture
  target: string
  content: string
  updatedAt: string | null
  errors: number
}

export function planImport(captures: readonly Capture[], existing: ReadonlyMap<string, string>, options: ImportOptions, parse: typeof parsePage = parsePage): Decision[] {
  const decisions: Decision[] = []
  const byTarget = new Map<string, Candidate[]>()
  for (const capture of captures) {
    const result = parse(capture.content, { source: options.source, ...(options.language ? { language: options.language } : {}) })
    const snapshot = result.snapshots.find((s) => s.date && s.rows.length > 0)
    if (!snapshot) {
      const why = result.messages.find((m) => m.severity === 'error')
      decisions.push({ action: 'refuse', capture, reason: why ? `${why.message} [${why.rule}]` : 'no leaderboard rows in it' })
      continue
    }
    const target = storePath({ source: options.source, date: snapshot.date, language: result.language ?? 'und' })
    const list = byTarget.get(target) ?? []
    list.push({ capture, target, content: normaliseContent(capture.content), updatedAt: snapshot.updatedAt, errors: countSeverities(result.messages).errors })
    byTarget.set(target, list)
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
      decisions.push({ action: 'add', capture: best.capture, target, updatedAt: best.updatedAt, overwrite: current !== undefined, errors: best.errors })
    }
  }
  return decisions.sort((a, b) => a.capture.order - b.capture.order)
}

function compareTime(a: string | null, b: string | null): number {
  return (a ?? '').localeCompare(b ?? '')
}
