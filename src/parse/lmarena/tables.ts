import type { Table, TableRow } from 'mdast'
import { message, START, type Message, type Place } from '../../diagnostics/diagnostic.js'
import type { Row } from '../../schema/row.js'
import type { CellPlaces } from '../../schema/snapshot.js'
import type { Document } from '../document.js'
import { tableRows } from '../markdown.js'
import { place } from './grid.js'
import type { TableRows } from './rows.js'

/**
 * The tables of a page, read: tables that continue each other (ranks go on)
 * become one, the longest is used, and a table that stops early or skips
 * rows is reported, at the place it is cut.
 */

/** A note the translator left where the table stops (`<!-- table continues as in the original -->`). */
export interface Marker {
  place: Place
  text: string
}

/** What follows a table: a note instead of its rows, and rows written after it that no longer form part of it. */
export interface AfterTable {
  marker?: Marker
  rows: TableRow[]
}

export interface ReadTable extends TableRows {
  table: Table
  marker?: Marker
}

/** The table a snapshot is made of: one or several that continue each other. */
export interface Chosen {
  rows: Row[]
  places: CellPlaces[]
  positions: number[]
  truncatedAt?: Place
  marker?: Marker
  unranked: number
  table: Table
}

/** A line that is a table row (`| 266 | 264 | …`, or `266 | 264 | …` with its first pipe lost). */
const rowLike = (line: string): boolean => (line.match(/\|/g)?.length ?? 0) >= 3
/** Where the text after a table ends: a heading, a fence, a thematic break. */
const blockEnd = /^\s{0,3}(?:#{1,6}(?:\s|$)|```|~~~|(?:[-*_]\s*){3,}$)/

/**
 * The lines after a table, up to the next heading or table: a note there
 * (comment or prose; the page itself always goes on with a heading) marks
 * where the table was cut, and rows written after the note (`| 266 | … |`,
 * no longer a table) are its last rows.
 */
export function afterTable(doc: Document, table: Table, tableStarts: ReadonlySet<number>): AfterTable {
  const lines = doc.source
  const end = table.position?.end.line
  const start = table.position?.start.line
  if (end === undefined || start === undefined) return { rows: [] }
  let marker: Marker | undefined
  const rows: TableRow[] = []
  let i = end
  while (i < lines.length) {
    const line = lines[i]!
    if (line.trim() === '') {
      i++
      continue
    }
    if (tableStarts.has(i + 1) || blockEnd.test(line)) break
    if (rowLike(line)) {
      let j = i
      while (j < lines.length && rowLike(lines[j]!)) j++
      const offset = lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0)
      rows.push(...tableRows(lines[start - 1]!, lines[start]!, lines.slice(i, j), i + 1, offset))
      i = j
      continue
    }
    if (marker || rows.length) break
    marker = { place: { line: i + 1, column: line.length - line.trimStart().length + 1 }, text: line.trim() }
    i++
  }
  return { ...(marker ? { marker } : {}), rows }
}

function continues(prev: ReadTable, next: ReadTable): boolean {
  const last = prev.rows.at(-1)?.rank
  const first = next.rows[0]?.rank
  return last !== undefined && first !== undefined && first >= last && first !== 1
}

/** Merge tables that continue each other; keep the longest, and say which others were left. */
export function chooseTable(tables: readonly ReadTable[]): { chosen: Chosen; messages: Message[] } {
  const groups: ReadTable[][] = []
  for (const t of tables) {
    const current = groups.at(-1)
    const prev = current?.at(-1)
    if (current && prev && continues(prev, t)) current.push(t)
    else groups.push([t])
  }
  const merged = groups.map((g): Chosen => {
    const truncatedAt = g.find((r) => r.truncatedAt)?.truncatedAt
    // A note between tables that go on is no cut; after the last one, it is.
    const marker = g.at(-1)!.marker
    let before = 0
    const positions: number[] = []
    for (const r of g) {
      positions.push(...r.positions.map((p) => p + before))
      before += r.seen
    }
    return {
      rows: g.flatMap((r) => r.rows),
      places: g.flatMap((r) => r.places),
      positions,
      ...(truncatedAt ? { truncatedAt } : {}),
      ...(marker ? { marker } : {}),
      unranked: g.reduce((n, r) => n + r.unranked, 0),
      table: g[0]!.table
    }
  })
  merged.sort((a, b) => b.rows.length - a.rows.length)
  const chosen = merged[0]!
  const messages = merged
    .slice(1)
    .map((other) => message('multiple-tables', place(other.table, START), { rows: other.rows.length, used: { line: chosen.table.position?.start.line ?? 1, rows: chosen.rows.length } }))
  return { chosen, messages }
}

/**
 * Ranks that run ahead of the rows: a rank is at most one more than its row
 * (ties only hold ranks back; upstream skips one now and then), so a row
 * ranked further down has rows missing before it (`240` after row 23; `266`
 * as the last of 35 rows).
 */
function rankJump(chosen: Chosen): Message | undefined {
  for (let i = 0; i < chosen.rows.length; i++) {
    const rank = chosen.rows[i]!.rank
    const row = chosen.positions[i]!
    if (rank > row + 1) {
      const at = chosen.places[i]?.row
      return message('truncated-table', at ? { line: at[0], column: at[1] } : place(chosen.table, START), { kind: 'rank-jump', rank, row })
    }
  }
  return undefined
}

/** The lowest rank any row's spread reaches (0 without spreads): past the last row, ranks exist below the rows shown. */
export function lowestSpread(rows: readonly { rankLower?: number }[]): number {
  let lowest = 0
  for (const r of rows) if ((r.rankLower ?? 0) > lowest) lowest = r.rankLower!
  return lowest
}

/**
 * A table that stops early or skips rows, where no placeholder row or cut row
 * said so already: a note after it, ranks that jump ahead of the rows, no
 * rows, fewer rows than the page announces, or rank spreads pointing past
 * its last row. One message per table, at the first place it is cut.
 */
export function truncation(chosen: Chosen, declared: number | undefined): Message[] {
  const count = chosen.rows.length
  if (chosen.truncatedAt) return []
  if (chosen.marker) {
    const line = chosen.marker.place.line
    const rows = chosen.places.filter((p) => (p.row?.[0] ?? 0) < line).length
    return [message('truncated-table', chosen.marker.place, { kind: 'marker', text: chosen.marker.text, rows })]
  }
  if (count === 0) return [message('truncated-table', place(chosen.table, START), { kind: 'empty' })]
  const jump = rankJump(chosen)
  if (jump) return [jump]
  const tableAt = place(chosen.table, START)
  const end = { line: chosen.table.position?.end.line ?? tableAt.line, column: 1 }
  const lowest = lowestSpread(chosen.rows)
  if (declared !== undefined && count + chosen.unranked < declared) {
    return [message('truncated-table', end, { kind: 'announced', rows: count, declared })]
  }
  if (declared === undefined && lowest > count + Math.max(5, count * 0.1)) {
    return [message('truncated-table', end, { kind: 'spreads', rows: count, lowest })]
  }
  return []
}
