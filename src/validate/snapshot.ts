import type { z } from 'zod'
import { message, quote, type Message, type Place } from '../diagnostics/diagnostic.js'
import { RowSchema } from '../schema/row.js'
import { SnapshotSchema, type ParsedSnapshot } from '../schema/snapshot.js'

/**
 * Validate parsed snapshots with the zod schemas. Every issue becomes a
 * message at the position of the offending cell, saying which field, what was
 * expected and what was found. Invalid rows are left out (and said so);
 * valid rows are kept.
 */
export function validateSnapshot(snapshot: ParsedSnapshot): { snapshot: ParsedSnapshot; messages: Message[] } {
  const messages: Message[] = []
  const rows: ParsedSnapshot['rows'] = []
  const places: ParsedSnapshot['places'] = []
  snapshot.rows.forEach((row, i) => {
    const at = snapshot.places[i] ?? {}
    const result = RowSchema.safeParse(row)
    if (result.success) {
      rows.push(result.data)
      places.push(at)
      return
    }
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? 'row')
      const cell = at[field as keyof typeof at] ?? at.row
      const where: Place = cell ? { line: cell[0], column: cell[1] } : { line: 1, column: 1 }
      messages.push(message('invalid-row', where, `Invalid \`${field}\` in row ${quote(String(row.name ?? i + 1))}: expected ${expectation(issue)}, found ${quote(JSON.stringify(valueAt(row, issue.path)))}; row left out`))
    }
  })
  const { places: _places, declaredRows: _declared, ...plain } = { ...snapshot, rows }
  const result = SnapshotSchema.safeParse(plain)
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.path[0] === 'rows') continue
      messages.push(message('invalid-snapshot', { line: 1, column: 1 }, `Invalid snapshot \`${issue.path.join('.')}\`: expected ${expectation(issue)}, found ${quote(JSON.stringify(valueAt(plain, issue.path)))}`))
    }
  }
  return { snapshot: { ...snapshot, rows, places }, messages }
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = value
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined
  return v
}

function expectation(issue: z.core.$ZodIssue): string {
  return issue.message.replace(/^Invalid input: /i, '').replace(/^expected /i, '')
}
