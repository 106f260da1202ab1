import { inFile, message, sortDiagnostics, START, type Diagnostic, type Message } from '../diagnostics/diagnostic.js'
import { normalize } from '../registry/normalize.js'
import type { RegistryData } from '../registry/data.js'
import type { Event } from '../schema/events.js'
import type { NormalizeResult } from '../registry/types.js'
import { addDays } from '../core/dates.js'
import { checkAcrossFiles, type CheckedFile } from '../store/check.js'
import { blockedFiles } from '../validate/publishable.js'

/**
 * The pure half of the pipeline, after every file is parsed and validated on
 * its own: the checks across files, what may be published, and the
 * normalize stage (registry and reconciled snapshots). `check`, `build`,
 * `registry` and `fetch` all see the store through this one function, so they
 * report the same diagnostics.
 */
export interface StoreContents {
  /** Every store file, parsed and validated (paths relative to the store, POSIX). */
  files: readonly CheckedFile[]
  /** Files that could not be read. */
  unreadable: readonly { path: string; reason: string }[]
  /** The registry data file (`registry.json`, relative to the store) as read. */
  registry: { path: string; data: RegistryData; messages: readonly Message[] }
  /** The events file (`events.json`), as read. */
  events: { path: string; events: readonly Event[]; messages: readonly Message[] }
}

export interface Analysis {
  /** Everything found, sorted by file, line and column. */
  diagnostics: Diagnostic[]
  /** Of those, the findings of single files and the checks across files. */
  fileDiagnostics: Diagnostic[]
  /** Of those, the registry's: the data files (`registry.json`, `events.json`) and the normalize stage. */
  registryDiagnostics: Diagnostic[]
  /** Every file (display path) and the snapshots it holds. */
  files: { file: string; snapshots: { board: string; date: string }[] }[]
  /** Files (display paths) whose snapshots are not published. */
  blocked: ReadonlySet<string>
  /** The registry and one snapshot per board and date, from what is published. */
  normalized: NormalizeResult
  /** Dated events upstream, by date (`events.json`). */
  events: readonly Event[]
}

/**
 * `display` names a store file in diagnostics and pages (e.g.
 * `snapshots/<relative>`). `today` (`YYYY-MM-DD`, given by the edge: the day
 * of the run) flags data dates after it, plus one day for time zones.
 */
export function analyse(store: StoreContents, display: (relative: string) => string, today?: string): Analysis {
  const across = checkAcrossFiles(store.files)
  const fileDiagnostics: Diagnostic[] = []
  for (const u of store.unreadable) fileDiagnostics.push(...inFile(display(u.path), [message('unreadable-file', START, { reason: u.reason })]))
  for (const file of store.files) {
    fileDiagnostics.push(...inFile(display(file.path), file.result.messages))
    fileDiagnostics.push(...inFile(display(file.path), across.get(file.path) ?? []))
    const future = today ? futureDate(file, today) : undefined
    if (future) fileDiagnostics.push(...inFile(display(file.path), [future]))
  }
  const blocked = blockedFiles(fileDiagnostics)
  const inputs = store.files.flatMap((f) => {
    const file = display(f.path)
    return blocked.has(file) ? [] : f.result.snapshots.map((snapshot) => ({ file, snapshot }))
  })
  const normalized = normalize(inputs, store.registry.data)
  const registryDiagnostics = sortDiagnostics([
    ...inFile(display(store.registry.path), store.registry.messages),
    ...inFile(display(store.events.path), store.events.messages),
    ...normalized.diagnostics
  ])
  const sortedFiles = sortDiagnostics(fileDiagnostics)
  return {
    diagnostics: sortDiagnostics([...sortedFiles, ...registryDiagnostics]),
    fileDiagnostics: sortedFiles,
    registryDiagnostics,
    files: store.files.map((f) => ({ file: display(f.path), snapshots: f.result.snapshots.map((s) => ({ board: s.board, date: s.date })) })),
    blocked,
    normalized: { ...normalized, diagnostics: registryDiagnostics },
    events: store.events.events
  }
}

/** The latest date a page may carry on `today`: one day ahead, for the time zones of upstream and of the run. */
export function latestAllowed(today: string): string {
  return addDays(today, 1)
}

function futureDate(file: CheckedFile, today: string): Message | undefined {
  const limit = latestAllowed(today)
  const date = file.result.snapshots.find((s) => s.date && s.date > limit)?.date
  return date ? message('future-date', START, { date, today: limit }) : undefined
}
