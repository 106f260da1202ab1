import type { TableCell, TableRow } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Place } from '../../diagnostics/diagnostic.js'

/**
 * An mdast table as the LMArena adapter reads it: each cell's text taken
 * once, with the places diagnostics point at.
 */
export interface GridRow {
  place: Place
  cells: TableCell[]
  texts: string[]
}

export function cellText(cell: TableCell | undefined): string {
  return cell ? toString(cell, { includeHtml: false }) : ''
}

export function place(node: { position?: { start: { line: number; column: number } } } | undefined, fallback: Place): Place {
  const start = node?.position?.start
  return start ? { line: start.line, column: start.column } : fallback
}

/** Where a cell's content starts (a cell's own position starts at its pipe). */
export function cellPlace(cell: TableCell | undefined, fallback: Place): Place {
  return place(cell?.children[0] ?? cell, fallback)
}

export function hasLink(cell: TableCell | undefined): boolean {
  return !!cell?.children.some((c) => c.type === 'link')
}

export function gridRows(rows: readonly TableRow[], fallback: Place): GridRow[] {
  return rows.map((tr) => ({ place: place(tr, fallback), cells: tr.children, texts: tr.children.map(cellText) }))
}

/** A cell's text as two copies of a header are compared: spaces made one, case folded. */
const headerKey = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase()

/**
 * A row that is the table's header again (`| Rank | Model | Score |` among the
 * data), as long tables copied from a web page repeat it every so many rows:
 * every header cell with text is there, in its column, and nothing else is.
 */
export function repeatsHeader(cells: readonly string[], header: readonly string[]): boolean {
  if (header.filter((h) => h.trim() !== '').length < 2) return false
  for (let i = 0; i < Math.max(cells.length, header.length); i++) {
    if (headerKey(cells[i] ?? '') !== headerKey(header[i] ?? '')) return false
  }
  return true
}

/** Rows the translator wrote instead of data: `...`, `(le reste du tableau reste inchangé)`. */
export function isPlaceholder(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '' && c !== '...' && c !== '…' && !/^[:\-\s|]+$/.test(c))
  if (filled.length === 0) return true
  const first = cells[0]?.trim() ?? ''
  if (/^\d/.test(first)) return false
  return filled.length <= 2 && (/\.\.\.|…|<!--|\[|\(|（|\*/.test(filled.join(' ')) || filled.every((c) => /\p{L}{3,}\s+\p{L}{3,}/u.test(c)))
}
