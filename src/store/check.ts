import { message, quote, type Message } from '../diagnostics/diagnostic.js'
import type { ParseResult, ParsedSnapshot } from '../schema/snapshot.js'
import { parsePage } from '../parse/index.js'
import { validateSnapshot } from '../validate/snapshot.js'
import { parseStorePath, type StorePath } from './layout.js'

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

/** Parse and validate one store file; the store path supplies source, language and a fallback date. */
export function checkFile(path: string, content: string, parse: typeof parsePage = parsePage): CheckedFile {
  const stored = parseStorePath(path)
  const messages: Message[] = []
  if (!stored) {
    messages.push(message('misplaced-file', { line: 1, column: 1 }, `Unexpected file name ${quote(path)}, expected \`<source>/<YYYY-MM-DD>.<lang>.md\` with a known source`))
  }
  const parsed = parse(content, stored ? { source: stored.source, language: stored.language, fallbackDate: stored.date } : {})
  const snapshots: ParsedSnapshot[] = []
  messages.push(...parsed.messages)
  for (const snapshot of parsed.snapshots) {
    const checked = validateSnapshot(snapshot)
    messages.push(...checked.messages)
    snapshots.push(checked.snapshot)
  }
  if (stored) {
    const dated = snapshots.find((s) => s.date)
    if (dated && dated.date !== stored.date) {
      messages.push(message('filename-mismatch', { line: 1, column: 1 }, `File name says ${stored.date} but the page's data time is ${dated.updatedAt}, expected \`${stored.source}/${dated.date}.${stored.language}.md\``))
    }
    const detected = parsed.detectedLanguage
    if (detected && primary(detected) !== primary(stored.language)) {
      messages.push(message('filename-mismatch', { line: 1, column: 1 }, `File name says language \`${stored.language}\` but the page reads as \`${detected}\``, 'warning'))
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
      if (!snapshot.date) continue
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
        const place = at ? { line: at[0], column: at[1] } : { line: 1, column: 1 }
        const list2 = extra.get(file.path) ?? []
        list2.push(message('truncated-table', place, `Unexpected ${rows} rows on \`${snapshot.board}\`, expected about ${previous.rows} like the previous snapshot (${previous.date})`))
        extra.set(file.path, list2)
        continue
      }
      if (!truncatedAlready && rows > 0) previous = { date: snapshot.date, rows: snapshot.declaredRows !== undefined ? Math.min(rows, snapshot.declaredRows) : rows }
    }
  }
  return extra
}
