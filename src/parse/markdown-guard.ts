import { message, type Message } from '../diagnostics/diagnostic.js'
import { delimiterRow, interrupts } from './markdown.js'

/**
 * Markdown whose parse would cost more than linear time, left out (blanked,
 * so every other line keeps its line and offset) with a diagnostic before
 * the page is parsed. micromark walks back over a paragraph's (or a cell's)
 * tokens at every `]` to find its `[`, and over every open quote and list at
 * every line, so a crafted page under the 4 MiB file limit could hold a
 * parse for hours (25,000 nested `>` took 10 s and then overflowed the
 * stack; 2,000 lists nested by indentation, 5 minutes). The limits are many
 * times what any page upstream has published (shown in each), so no real page
 * loses a character:
 */

/** A line: 10,000 characters (upstream's longest, a table row, is 1,252). */
export const MAX_LINE = 10_000
/** A paragraph outside tables: 20,000 characters (upstream's longest is 2,014). */
export const MAX_PARAGRAPH = 20_000
/** Quotes and list items opened at the start of one line: 16 (upstream's deepest is 1). */
export const MAX_NESTING = 16
/** The start of a line before its text (spaces, quote and list markers): 128 characters (upstream's longest is 17). */
export const MAX_INDENT = 128

export interface Guarded {
  /** The text with what was left out blanked: same lines, same offsets. */
  text: string
  messages: Message[]
  /** Lines (1-based) of table rows left out: each is now an empty row, which the table must not keep. */
  rows: number[]
}

/** Spaces, quote markers and list markers at the start of a line. */
const containerPrefix = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*/
const containerMarker = /[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/g
/** Quote markers at the start of a line (kept when a table row is blanked, so the quote goes on). */
const quotePrefix = /^(?:[ \t]{0,3}>)+[ \t]?/
const listItem = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/

export function guardMarkdown(text: string): Guarded {
  const lines = text.split('\n')
  const messages: Message[] = []
  const rows: number[] = []
  let changed = false
  const blank = (i: number, keep = ''): void => {
    lines[i] = keep + ' '.repeat(lines[i]!.length - keep.length)
    changed = true
  }
  let inTable = false
  let paragraph = { from: -1, chars: 0 }
  let deep = { from: -1, nesting: 0, indent: 0 }
  const endParagraph = (to: number): void => {
    if (paragraph.from >= 0 && paragraph.chars > MAX_PARAGRAPH) {
      messages.push(message('paragraph-too-long', { line: paragraph.from + 1, column: 1 }, { chars: paragraph.chars, lines: to - paragraph.from, limit: MAX_PARAGRAPH }))
      for (let i = paragraph.from; i < to; i++) blank(i)
    }
    paragraph = { from: -1, chars: 0 }
  }
  const endDeep = (to: number): void => {
    if (deep.from >= 0) {
      messages.push(message('nesting-too-deep', { line: deep.from + 1, column: 1 }, { nesting: deep.nesting, indent: deep.indent, lines: to - deep.from, limits: { nesting: MAX_NESTING, indent: MAX_INDENT } }))
    }
    deep = { from: -1, nesting: 0, indent: 0 }
  }
  const bodyOf = (line: string): string => line.replace(quotePrefix, '')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.length > MAX_LINE) {
      endDeep(i)
      messages.push(message('line-too-long', { line: i + 1, column: 1 }, { chars: line.length, limit: MAX_LINE, row: inTable }))
      if (inTable) {
        // Keep the table going: its quote markers and an empty cell, a row `prepare` drops.
        const body = bodyOf(line)
        blank(i, line.slice(0, line.length - body.length) + '|')
        rows.push(i + 1)
      } else {
        endParagraph(i)
        blank(i)
      }
      continue
    }
    const prefix = containerPrefix.exec(line)![0]
    const nesting = prefix.match(containerMarker)?.length ?? 0
    if (nesting > MAX_NESTING || prefix.length > MAX_INDENT) {
      endParagraph(i)
      inTable = false
      if (deep.from < 0) deep.from = i
      deep.nesting = Math.max(deep.nesting, nesting)
      deep.indent = Math.max(deep.indent, prefix.length)
      blank(i)
      continue
    }
    endDeep(i)
    const body = bodyOf(line)
    if (body.trim() === '') {
      endParagraph(i)
      inTable = false
      continue
    }
    if (inTable && !interrupts.test(body)) continue
    inTable = false
    const next = lines[i + 1]
    if (body.includes('|') && next !== undefined && next.length <= MAX_LINE && delimiterRow.test(bodyOf(next)) && next.includes('|')) {
      endParagraph(i)
      inTable = true
      i++
      continue
    }
    // A list item or another block starts a paragraph of its own.
    if (listItem.test(body) || interrupts.test(body)) endParagraph(i)
    if (paragraph.from < 0) paragraph.from = i
    paragraph.chars += line.length + 1
  }
  endDeep(lines.length)
  endParagraph(lines.length)
  return { text: changed ? lines.join('\n') : text, messages, rows }
}
