import { archiveLanguage, archiveOf, defaultArchive, type CsvLayout } from '../../core/archives.js'
import { message, START, type Message, type Place } from '../../diagnostics/diagnostic.js'
import type { Row } from '../../schema/row.js'
import type { CellPlaces, ParsedSnapshot, Provenance } from '../../schema/snapshot.js'
import { looksLikeFormula, readCount, readCutoff, readDate, readDecimal, readInteger, readInterval, readText, readUrl, type Read } from './cells.js'
import { readHeader, type Header, type Role } from './columns.js'
import { competitionRanks, rankKind } from './ranks.js'
import { tokenize, type CsvRecord, type Field } from './tokenize.js'

/**
 * The CSV adapter: the archives' daily exports (one board, dated by the
 * export's version, which the file does not hold) and rating histories (a
 * `date` column, many dates in one file, no rank), or any CSV whose header
 * names these columns in another order. Same rows, schema and positioned
 * diagnostics as the markdown adapters; each snapshot says which archive it
 * comes from and what its rank means (`provenance`).
 */
export interface CsvInput {
  board: string
  source: string
  /** The tag the file is stored under (`en-x-<archive>`); else `en-x-` and the layout's archive. */
  language?: string
  /** The date the file is known by (store name, `--date`, its file name): an export's only date. */
  date?: string
}

export interface CsvOutput {
  language: string
  layout?: CsvLayout
  snapshots: ParsedSnapshot[]
  messages: Message[]
}

interface Pending {
  row: Partial<Row>
  at: CellPlaces
  /** Data date: the row's (`date` column) or the file's. */
  date: string
}

const placeOf = (f: { line: number; column: number }): Place => ({ line: f.line, column: f.column })

export function parseCsv(content: string, input: CsvInput): CsvOutput {
  const { records, problems } = tokenize(content)
  const messages: Message[] = problems.filter((p) => p.kind === 'stray-quote').map((p) => message('malformed-csv', placeOf(p), { kind: 'stray-quote' }))
  const [head, ...body] = records
  const header = head ? readHeader(head.fields) : undefined
  const language = (layout: CsvLayout) => input.language ?? archiveLanguage(defaultArchive(layout).id)
  if (!head || !header || header.missing.length > 0) {
    messages.push(message('missing-column', head ? { line: head.line, column: 1 } : START, { header: head ? head.fields.map((f) => f.text).join(',') : '', missing: header?.missing ?? ['name', 'rank or score'] }))
    return { language: input.language ?? 'en', snapshots: [], messages }
  }
  for (const index of header.ignored) {
    const field = head.fields[index]!
    messages.push(message('unknown-column', placeOf(field), { header: field.text }))
  }
  const open = problems.find((p) => p.kind === 'open-quote')
  const pending: Pending[] = []
  const ranks = new Map<string, number[]>()
  const seen = new Map<string, number>()
  for (const record of body) {
    if (open && record === body.at(-1) && open.line >= record.line) {
      messages.push(message('truncated-table', placeOf(open), { kind: 'open-quote' }))
      continue
    }
    const read = readRecord(record, header, input.date, messages)
    if (!read) continue
    if (read.rank !== undefined) {
      const list = ranks.get(read.pending.date) ?? []
      list.push(read.rank)
      ranks.set(read.pending.date, list)
    }
    if (!read.keep) continue
    const name = read.pending.row.name!
    const key = `${read.pending.date}\u0000${name}`
    const first = seen.get(key)
    if (first !== undefined) {
      messages.push(message('duplicate-model', placeOf(cellOf(record, header, 'name')!), { name, firstLine: first }))
      continue
    }
    seen.set(key, record.line)
    pending.push(read.pending)
  }
  const layout = header.layout
  const archive = archiveOf(language(layout)) ?? defaultArchive(layout).id
  if (layout === 'export' && input.date === undefined) {
    messages.push(message('missing-date', START, { csv: true }))
    return { language: language(layout), layout, snapshots: [], messages }
  }
  if (pending.length === 0 && !open) {
    messages.push(message('truncated-table', { line: head.line, column: 1 }, { kind: 'empty' }))
  }
  const byDate = new Map<string, Pending[]>()
  for (const p of pending) {
    const list = byDate.get(p.date) ?? []
    list.push(p)
    byDate.set(p.date, list)
  }
  const snapshots: ParsedSnapshot[] = [...byDate.keys()].sort().map((date) => {
    const list = byDate.get(date)!
    const provenance: Provenance = { archive, rank: header.at.rank !== undefined ? rankKind(ranks.get(date) ?? []) : 'derived' }
    if (provenance.rank === 'derived') rankByScore(list)
    return {
      board: input.board,
      date,
      updatedAt: layout === 'ratings' ? date : null,
      language: language(layout),
      source: input.source,
      provenance,
      rows: list.map((p) => p.row as Row),
      places: list.map((p) => p.at)
    }
  })
  return { language: language(layout), layout, snapshots, messages }
}

/** Without a rank column: rank by score (ties share a rank), rows in rank order. */
function rankByScore(list: Pending[]): void {
  const ranks = competitionRanks(list.map((p) => p.row.score!))
  list.forEach((p, i) => {
    p.row.rank = ranks[i]!
    if (p.at.score) p.at.rank = p.at.score
  })
  const order = list.map((p, i) => ({ p, i })).sort((a, b) => a.p.row.rank! - b.p.row.rank! || a.i - b.i)
  list.splice(0, list.length, ...order.map((o) => o.p))
}

function cellOf(record: CsvRecord, header: Header, role: Role): Field | undefined {
  const index = header.at[role]
  return index === undefined ? undefined : record.fields[index]
}

/** The header's name of a role's column (`arena_score`, `rating`): what messages call the field. */
function columnName(header: Header, role: Role): string {
  const index = header.at[role]
  return (index !== undefined && header.names[index]) || role
}

/**
 * One data record as a row. Undefined when the row is left out (each time
 * with its diagnostic); `rank` is the rank cell as read, for telling
 * positions from upstream's ranks, even when the row is then left out.
 */
function readRecord(record: CsvRecord, header: Header, fileDate: string | undefined, messages: Message[]): { pending: Pending; rank?: number; keep: boolean } | undefined {
  const rowPlace: Place = { line: record.line, column: 1 }
  const width = record.fields.length
  if (width !== header.width) {
    const extra = record.fields.slice(header.width)
    if (width < header.width || extra.some((f) => f.text.trim() !== '')) {
      messages.push(message('ragged-row', rowPlace, { cells: width, width: header.width }))
      return undefined
    }
  }
  const row: Partial<Row> = {}
  const at: CellPlaces = { row: [record.line, 1] }
  let keep = true
  const derive = header.at.rank === undefined
  /** Read a role's cell; a problem is reported (and leaves the row out when `required`). */
  const take = <T>(role: Role, field: string, reader: (raw: string) => Read<T>, expected: string, required = false): { value: T; cell: Field } | { empty: true } | undefined => {
    const cell = cellOf(record, header, role)
    if (!cell) return undefined
    const result = reader(cell.text)
    if ('value' in result) return { value: result.value, cell }
    if ('problem' in result) {
      messages.push(message('unparseable-number', placeOf(cell), { value: cell.text, field, expected, ...(required ? { dropped: true } : {}) }))
      if (required) keep = false
      return undefined
    }
    return { empty: true }
  }
  const set = (field: keyof CellPlaces, cell: Field) => {
    at[field] = [cell.line, cell.column]
  }
  const text = (role: 'name' | 'organization' | 'license', field: 'name' | 'organization' | 'license') => {
    const cell = cellOf(record, header, role)
    if (!cell) return
    const read = readText(cell.text)
    if (!('value' in read)) return
    if (looksLikeFormula(cell.text)) messages.push(message('formula-cell', placeOf(cell), { value: cell.text, field }))
    row[field] = read.value
    set(field, cell)
  }
  /** Read a role's cell into the row field of that name, and say where it was. */
  const put = <F extends 'rank' | 'rankStyleControl' | 'score' | 'votes' | 'knowledgeCutoff' | 'url'>(field: F, reader: (raw: string) => Read<NonNullable<Row[F]>>, expected: string, required = false) => {
    const found = take(field, field, reader, expected, required)
    if (!found || !('value' in found)) return
    row[field] = found.value
    set(field, found.cell)
  }
  text('name', 'name')
  put('rank', readInteger, 'a whole number', true)
  put('rankStyleControl', readInteger, 'a whole number')
  put('score', readDecimal, 'a number such as `1287` or `1274.19`', derive)
  const ci = take('ci', 'ciPlus', readInterval, 'an interval such as `+3/-4`')
  if (ci && 'value' in ci) {
    row.ciPlus = ci.value.plus
    row.ciMinus = ci.value.minus
    set('ciPlus', ci.cell)
    set('ciMinus', ci.cell)
  }
  put('votes', readCount, 'a count such as `42046`')
  text('organization', 'organization')
  text('license', 'license')
  put('knowledgeCutoff', readCutoff, 'a date such as `2023/10`')
  put('url', readUrl, 'an http(s) URL')
  let date = fileDate ?? ''
  if (header.layout === 'ratings') {
    const found = take('date', 'date', readDate, 'a date such as `20230508` or `2023-05-08`', true)
    if (found && 'value' in found) date = found.value
    else if (found) {
      messages.push(message('missing-cell', placeOf(cellOf(record, header, 'date')!), { missing: 'date', ...(row.name ? { name: row.name } : {}) }))
      keep = false
    }
  }
  const readRank = row.rank
  if (!keep) return { pending: { row, at, date }, ...(readRank !== undefined ? { rank: readRank } : {}), keep: false }
  if (row.name === undefined) {
    const cell = cellOf(record, header, 'name')
    messages.push(message('missing-cell', cell ? placeOf(cell) : rowPlace, { missing: 'name', ...(row.rank !== undefined ? { rank: row.rank } : {}), ...(cell && cell.text.trim() ? { found: cell.text } : {}) }))
    keep = false
  } else if (!derive && row.rank === undefined) {
    messages.push(message('missing-cell', placeOf(cellOf(record, header, 'rank')!), { missing: 'rank', name: row.name }))
    keep = false
  } else if (derive && row.score === undefined) {
    const cell = cellOf(record, header, 'score')!
    messages.push(message('missing-cell', placeOf(cell), { missing: 'score', name: row.name, column: columnName(header, 'score') }))
    keep = false
  }
  return { pending: { row, at, date }, ...(readRank !== undefined ? { rank: readRank } : {}), keep }
}
