import type { Root, RootContent, Table, TableRow } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import remarkLinearAutolinks from './autolink.js'
import './edit-map.js'

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkLinearAutolinks).freeze()

/**
 * Markdown (or plain text) to an mdast tree with positions. The GFM table
 * parse costs more than linear time in a table's rows and holds all of its
 * tokens at once, so the rows of a table longer than `SLICE` rows are parsed
 * in slices of `SLICE` rows (each under the table's own header and delimiter
 * rows) whose positions are moved back to where the rows are in the file: the
 * same tree, at a cost linear in the size of the file.
 *
 * `SLICE` was 500 (for files of thousands of rows); a page of upstream's
 * (270 rows) costs a fifth less in slices of 100: the fastest of three parses
 * of every eighth store file, in one process, parser against parser, summed
 * 15.19 s in slices of 500, 12.16 s of 100 and of 50, 12.44 s of 25 and
 * 13.04 s of 12.
 */
export const SLICE = 100

/**
 * Slices of a file that may define links or footnotes (a `]:` anywhere in
 * it): a slice is parsed alone, where a reference (`[text]`, `[^1]`) to a
 * definition elsewhere in the file would not resolve. Such a file keeps
 * whole tables up to this many rows (what it had before slices were made
 * shorter), and tables longer than that are sliced, a cost bounded in size
 * being worth more than a reference in a file of more than 500 rows.
 */
export const SLICE_WITH_DEFINITIONS = 500

export function toMdast(content: string): Root {
  const lines = content.split('\n')
  const slice = content.includes(']:') ? SLICE_WITH_DEFINITIONS : SLICE
  const long = longTables(lines, slice)
  const whole = () => processor.parse(content) as Root
  if (long.length === 0) return whole()
  // Rows past the first slice become blank lines of the same length: the rest of the file keeps its offsets.
  const masked = [...lines]
  for (const t of long) for (let i = t.rowsFrom + slice; i < t.rowsTo; i++) masked[i] = ' '.repeat(lines[i]!.length)
  const root = processor.parse(masked.join('\n')) as Root
  const tables = long.map((t) => findTable(root.children, t.header + 1))
  // Lines that looked like a table's rows and were not all rows of it (a line GFM ends a table at): parse the file whole.
  if (tables.some((t) => t === undefined || t.children.length !== 1 + slice)) return whole()
  const starts = lineStarts(lines)
  for (const [k, t] of long.entries()) {
    const table = tables[k]!
    for (let from = t.rowsFrom + slice; from < t.rowsTo; from += slice) {
      const to = Math.min(from + slice, t.rowsTo)
      const rows = tableRows(lines[t.header]!, lines[t.header + 1]!, lines.slice(from, to), from + 1, starts[from]!)
      if (rows.length !== to - from) return whole()
      table.children.push(...rows)
    }
    const last = table.children.at(-1)
    if (last?.position && table.position) table.position.end = { ...last.position.end }
  }
  return root
}

/**
 * Rows written under a table's header and delimiter rows, parsed as that
 * table's rows: positions are the file's (`line` and `offset` of the first
 * row there). Rows that do not form a table give none.
 */
export function tableRows(header: string, delimiter: string, rows: readonly string[], line: number, offset: number): TableRow[] {
  const prefix = `${header}\n${delimiter}\n`
  const root = processor.parse(prefix + rows.join('\n')) as Root
  const table = root.children[0]
  if (table?.type !== 'table') return []
  const body = table.children.slice(1)
  for (const row of body) move(row, line - 3, offset - prefix.length)
  return body
}

type Positioned = { position?: { start: { line: number; offset?: number | undefined }; end: { line: number; offset?: number | undefined } }; children?: unknown[] }

/** Move every position in a tree down by `lines` lines and `offset` characters. */
export function move(node: Positioned, lines: number, offset = 0): void {
  if (node.position) {
    node.position.start.line += lines
    node.position.end.line += lines
    if (node.position.start.offset !== undefined) node.position.start.offset += offset
    if (node.position.end.offset !== undefined) node.position.end.offset += offset
  }
  for (const child of node.children ?? []) move(child as Positioned, lines, offset)
}

export const delimiterRow = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/
/** Lines that end a table (another block starts): headings, quotes, HTML, fences, list items, breaks. */
export const interrupts = /^\s{0,3}(?:#{1,6}(?:\s|$)|>|<|```|~~~|[-*+]\s|\d{1,9}[.)]\s|(?:[-*_]\s*){3,}$)/

interface LongTable {
  /** Line index (0-based) of the header row. */
  header: number
  /** Line indexes of the rows: [rowsFrom, rowsTo). */
  rowsFrom: number
  rowsTo: number
}

/** Tables with more than `slice` rows, found by their lines as GFM would find them. */
function longTables(lines: readonly string[], slice: number): LongTable[] {
  const found: LongTable[] = []
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i]!.includes('|') || !lines[i + 1]!.includes('|') || !delimiterRow.test(lines[i + 1]!)) continue
    let j = i + 2
    while (j < lines.length && lines[j]!.trim() !== '' && !interrupts.test(lines[j]!)) j++
    if (j - (i + 2) > slice) found.push({ header: i, rowsFrom: i + 2, rowsTo: j })
    i = j
  }
  return found
}

function lineStarts(lines: readonly string[]): number[] {
  const starts: number[] = []
  let at = 0
  for (const l of lines) {
    starts.push(at)
    at += l.length + 1
  }
  return starts
}

/** The table whose header row is on `line` (1-based), at the top level or inside quotes and lists. */
function findTable(nodes: readonly RootContent[], line: number): Table | undefined {
  for (const node of nodes) {
    if (node.type === 'table' && node.position?.start.line === line) return node
    if ('children' in node && node.type !== 'table') {
      const inner = findTable(node.children as RootContent[], line)
      if (inner) return inner
    }
  }
  return undefined
}
