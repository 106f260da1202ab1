import { readDate } from './cells.js'
import { readHeader } from './columns.js'
import { tokenize } from './tokenize.js'

export interface Slice {
  date: string
  content: string
}

/**
 * A many-dates file (a `date` column) cut into one file per date: the header
 * line, then that date's records exactly as written, in file order. Each
 * slice is a capture on its own, small and parseable alone. A record whose
 * date cannot be read belongs to no slice (parsing the whole file reports
 * it). Undefined when the file has no `date` column.
 */
export function sliceByDate(content: string): Slice[] | undefined {
  const { records } = tokenize(content)
  const [head, ...body] = records
  if (!head) return undefined
  const column = readHeader(head.fields).at.date
  if (column === undefined) return undefined
  const headerText = content.slice(0, head.end)
  const newline = /\r\n$/.test(headerText) ? '\r\n' : '\n'
  const byDate = new Map<string, string[]>()
  for (const record of body) {
    const field = record.fields[column]
    const date = field ? readDate(field.text) : undefined
    if (!date || !('value' in date)) continue
    let raw = content.slice(record.start, record.end)
    if (!/[\r\n]$/.test(raw)) raw += newline
    const list = byDate.get(date.value) ?? []
    list.push(raw)
    byDate.set(date.value, list)
  }
  const head0 = /[\r\n]$/.test(headerText) ? headerText : headerText + newline
  return [...byDate.keys()].sort().map((date) => ({ date, content: head0 + byDate.get(date)!.join('') }))
}
