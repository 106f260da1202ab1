import type { Table } from 'mdast'
import { message, START, type Message, type Place } from '../../diagnostics/diagnostic.js'
import type { Row } from '../../schema/row.js'
import type { CellPlaces } from '../../schema/snapshot.js'
import { place } from './grid.js'
import type { TableRows } from './rows.js'

/**
 * The tables of a page, read: tables that continue each other (ranks go on)
 * become one, the longest is used, and a table that stops early is reported.
 */
export interface ReadTable extends TableRows {
  table: Table
}

/** The table a snapshot is made of: one or several that continue each other. */
export interface Chosen {
  rows: Row[]
  places: CellPlaces[]
  truncatedAt?: Place
  unranked: number
  table: Table
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
    return {
      rows: g.flatMap((r) => r.rows),
      places: g.flatMap((r) => r.places),
      ...(truncatedAt ? { truncatedAt } : {}),
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
 * A table that stops early without a placeholder or a cut row saying so:
 * empty, fewer rows than the page announces, or rank spreads pointing past
 * its last row.
 */
export function truncation(chosen: Chosen, declared: number | undefined): Message[] {
  const count = chosen.rows.length
  if (chosen.truncatedAt) return []
  if (count === 0) return [message('truncated-table', place(chosen.table, START), { kind: 'empty' })]
  const tableAt = place(chosen.table, START)
  const end = { line: chosen.table.position?.end.line ?? tableAt.line, column: 1 }
  const lowest = Math.max(0, ...chosen.rows.map((r) => r.rankLower ?? 0))
  if (declared !== undefined && count + chosen.unranked < declared) {
    return [message('truncated-table', end, { kind: 'announced', rows: count, declared })]
  }
  if (declared === undefined && lowest > count + Math.max(5, count * 0.1)) {
    return [message('truncated-table', end, { kind: 'spreads', rows: count, lowest })]
  }
  return []
}
