import { message, placeAt, START, type Message } from '../diagnostics/diagnostic.js'
import type { ParseResult, ParsedSnapshot } from '../schema/snapshot.js'
import { parsePage, type ParseOptions } from '../parse/index.js'
import { validateSnapshot } from '../validate/snapshot.js'
import { parseStorePath, storePath, type StorePath } from './layout.js'

/**
 * One file of the store, parsed and validated. Pure: built from the file's
 * relative path and content only.
 */
export interface CheckedFile {
  /** Path relative to the store, POSIX. */
  path: string
  stored?: StorePath
  result: ParseResult
}

/** What the store path tells the parser: source, language and a fallback date. */
export function parseOptionsFor(path: string): ParseOptions {
  const stored = parseStorePath(path)
  return stored ? { source: stored.source, language: stored.language, fallbackDate: stored.date } : {}
}

/** Parse and validate one store file. */
export function checkFile(path: string, content: string, parse: typeof parsePage = parsePage): CheckedFile {
  return checkParsed(path, parse(content, parseOptionsFor(path)))
}

/** Validate one store file's parse result (parsed with `parseOptionsFor(path)`) and check it against its path. */
export function checkParsed(path: string, parsed: ParseResult): CheckedFile {
  const stored = parseStorePath(path)
  const messages: Message[] = []
  if (!stored) {
    messages.push(message('misplaced-file', START, { path }))
  }
  const snapshots: ParsedSnapshot[] = []
  messages.push(...parsed.messages)
  for (const snapshot of parsed.snapshots) {
    const checked = validateSnapshot(snapshot)
    messages.push(...checked.messages)
    snapshots.push(checked.snapshot)
  }
  if (stored) {
    const dated = snapshots[0]
    if (dated && dated.date !== stored.date) {
      const expected = storePath({ source: stored.source, date: dated.date, language: stored.language })
      messages.push(message('filename-mismatch', START, { kind: 'date', named: stored.date, updatedAt: dated.updatedAt ?? dated.date, expected }))
    }
    const detected = parsed.detectedLanguage
    if (detected && primary(detected) !== primary(stored.language)) {
      messages.push(message('filename-mismatch', START, { kind: 'language', named: stored.language, detected }))
    }
  }
  return { path, ...(stored ? { stored } : {}), result: { ...parsed, snapshots, messages } }
}

function primary(tag: string): string {
  return tag.split('-')[0]!.toLowerCase()
}

/**
 * Checks across files: a snapshot with far fewer rows than the previous
 * snapshot of the same board (and no announced top-N explaining it) is truncated.
 */
export function checkAcrossFiles(files: readonly CheckedFile[]): Map<string, Message[]> {
  const extra = new Map<string, Message[]>()
  const byBoard = new Map<string, { file: CheckedFile; snapshot: ParsedSnapshot }[]>()
  for (const file of files) {
    for (const snapshot of file.result.snapshots) {
      const list = byBoard.get(snapshot.board) ?? []
      list.push({ file, snapshot })
      byBoard.set(snapshot.board, list)
    }
  }
  for (const list of byBoard.values()) {
    list.sort((a, b) => (a.snapshot.date < b.snapshot.date ? -1 : a.snapshot.date > b.snapshot.date ? 1 : 0))
    let previous: { date: string; rows: number } | undefined
    for (const { file, snapshot } of list) {
      const rows = snapshot.rows.length
      const announced = snapshot.declaredRows !== undefined && rows >= snapshot.declaredRows
      const truncatedAlready = file.result.messages.some((m) => m.rule === 'truncated-table')
      if (previous && previous.date < snapshot.date && !announced && !truncatedAlready && rows < previous.rows * 0.5) {
        const at = snapshot.places.at(-1)?.row
        const list2 = extra.get(file.path) ?? []
        list2.push(message('truncated-table', placeAt(at), { kind: 'previous', rows, board: snapshot.board, expected: previous.rows, date: previous.date }))
        extra.set(file.path, list2)
        continue
      }
      if (!truncatedAlready && rows > 0) previous = { date: snapshot.date, rows: snapshot.declaredRows !== undefined ? Math.min(rows, snapshot.declaredRows) : rows }
    }
  }
  return extra
}
