import { message, placeAt, START, type Message } from '../diagnostics/diagnostic.js'
import { schemaIssue } from '../diagnostics/zod.js'
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
      const where = placeAt(at[field as keyof typeof at] ?? at.row)
      messages.push(message('invalid-row', where, { ...schemaIssue(issue, row), field, row: String(row.name ?? i + 1) }))
    }
  })
  const { places: _places, declaredRows: _declared, ...plain } = { ...snapshot, rows }
  const result = SnapshotSchema.safeParse(plain)
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.path[0] === 'rows') continue
      messages.push(message('invalid-snapshot', START, schemaIssue(issue, plain)))
    }
  }
  return { snapshot: { ...snapshot, rows, places }, messages }
}
