import type { TableCell } from 'mdast'
import { message, placeAt, type Message, type Place } from '../../diagnostics/diagnostic.js'
import type { Row, RowField } from '../../schema/row.js'
import type { CellPlaces } from '../../schema/snapshot.js'
import { withoutUnitWord } from './unit-words.js'
import { clean, EMPTY, isNoData, junk, readCount, readCutoff, readInterval, readPrice, readRank, readScore, readSpread, readText, readTokens, type Read } from '../cells.js'
import type { Role } from './headers.js'
import { cellPlace, isPlaceholder, type GridRow } from './grid.js'
import { columnOf, type Column, type Layout } from './layout.js'
import { knownLicenses, readModelCell, splitGluedLicense, type ModelCell } from './model-cell.js'

/**
 * Reading the rows of an LMArena table, once its layout is known: each field
 * from the cell of its column, every problem a message at that cell.
 */

/** A row being read: its fields, where each was found, and what its cells said. */
interface Draft {
  row: Partial<Row>
  at: CellPlaces
  /** The score is an `AutoEval` estimate: upstream has not ranked the model yet. */
  autoEval: boolean
  /** The scraper glued `Org · License` to the name. */
  glued: boolean
  messages: Message[]
}

/** One field of a row: which column holds it, how its cell reads, and where the value goes. */
interface Field<T> {
  field: RowField
  role: Role
  read: (raw: string, draft: Draft, cell: TableCell, column: Column) => Read<T>
  /** What the cell should hold, for the message when it does not. */
  expected: string
  assign: (value: T, draft: Draft, at: Place) => void
}

const field = <T,>(f: Field<T>): Field<T> => f

/** The model cell: name, and the link, organization and license it may carry. */
function readModel(_raw: string, _draft: Draft, cell: TableCell, column: Column): Read<ModelCell> {
  const m = readModelCell(cell, column.separator)
  return m.name && !isNoData(m.name) ? { value: m } : EMPTY
}

/**
 * In reading order: a spread is read knowing the row's rank; organization and
 * license columns win over what the model cell carries.
 */
const fields = [
  field({ field: 'rank', role: 'rank', read: (raw, _d, _cell, column) => readRank(raw, column.ordinal), expected: 'a whole number', assign: (v, d) => (d.row.rank = v) }),
  field({ field: 'rankStyleControl', role: 'rankStyleControl', read: (raw, _d, _cell, column) => readRank(raw, column.ordinal), expected: 'a whole number', assign: (v, d) => (d.row.rankStyleControl = v) }),
  field({
    field: 'rankUpper',
    role: 'rankSpread',
    read: (raw, d, _cell, column) => readSpread(raw, d.row.rank, column.ordinal),
    expected: 'a rank spread such as `1◄─►4`, `1-4` or `1 bis 4`',
    assign: ([upper, lower], d) => {
      d.row.rankUpper = upper
      d.row.rankLower = lower
      d.at.rankLower = d.at.rankUpper
    }
  }),
  field({
    field: 'name',
    role: 'model',
    read: readModel,
    expected: 'a model name',
    assign: (m, d, p) => {
      const at: [number, number] = [p.line, p.column]
      d.row.name = m.name
      if (m.url) (d.row.url = m.url), (d.at.url = at)
      if (m.organization) (d.row.organization = m.organization), (d.at.organization = at)
      if (m.license) (d.row.license = m.license), (d.at.license = at)
      if (m.glued) d.glued = true
      if (junk.test(m.name)) d.messages.push(message('corrupted-token', p, { value: m.name, field: 'name' }))
    }
  }),
  field({
    field: 'score',
    role: 'score',
    read: (raw, _d, _cell, column) => readScore(raw, column.style),
    expected: 'a score such as `1483`, `1483 Preliminary` or `1504±10`',
    assign: (s, d) => {
      if (s.autoEval) d.autoEval = true
      d.row.score = s.value
      if (s.preliminary) d.row.preliminary = true
      if (s.interval) {
        d.row.ciPlus = s.interval.plus
        d.row.ciMinus = s.interval.minus
        d.at.ciPlus = d.at.ciMinus = d.at.score
      }
    }
  }),
  field({
    field: 'ciPlus',
    role: 'ci',
    read: readInterval,
    expected: 'an interval such as `±4` or `+5/-4`',
    assign: (i, d) => {
      d.row.ciPlus = i.plus
      d.row.ciMinus = i.minus
      d.at.ciMinus = d.at.ciPlus
    }
  }),
  field({ field: 'votes', role: 'votes', read: readCount, expected: 'a count such as `3,768`', assign: (v, d) => (d.row.votes = v) }),
  field({ field: 'organization', role: 'organization', read: readText, expected: 'a name', assign: (v, d) => (d.row.organization = v) }),
  field({ field: 'license', role: 'license', read: readText, expected: 'a license name', assign: (v, d) => (d.row.license = v) }),
  field({ field: 'knowledgeCutoff', role: 'knowledgeCutoff', read: readCutoff, expected: 'a date such as `2024/06`', assign: (v, d) => (d.row.knowledgeCutoff = v) }),
  field({
    field: 'priceInput',
    role: 'price',
    read: readPrice,
    expected: 'prices such as `$1.25/$10`',
    assign: ([input, output], d) => {
      if (input !== undefined) d.row.priceInput = input
      if (output !== undefined) d.row.priceOutput = output
      d.at.priceOutput = d.at.priceInput
    }
  }),
  field({ field: 'context', role: 'context', read: readTokens, expected: 'a size such as `128K` or `1M`', assign: (v, d) => (d.row.context = v) })
]

function problemMessage(problem: 'corrupted' | 'unparseable', field: string, raw: string, at: Place, expected: string): Message {
  return problem === 'corrupted'
    ? message('corrupted-token', at, { value: raw, field, expected })
    : message('unparseable-number', at, { value: raw, field, expected })
}

/** What reading a table's rows found. */
export interface TableRows {
  rows: Row[]
  places: CellPlaces[]
  /** Parallel to `rows`: the row's place among the table's data rows (1-based), counting rows left out. */
  positions: number[]
  /** Data rows seen, kept or left out (placeholders aside). */
  seen: number
  messages: Message[]
  /** The first placeholder row or cut row: the table stops there. */
  truncatedAt?: Place
  /** Rows upstream listed without a rank (AutoEval estimates): shown, but not ranked. */
  unranked: number
}

/** A cell that holds a text the table writes for no data (`placeholders.ts`): an empty cell. */
function noDataMark(layout: Layout, raw: string): boolean {
  return layout.placeholders.size > 0 && layout.placeholders.has(clean(raw))
}

/** A cell's text as its column's numbers are read: without the word the column writes after each (`Column.unit`). */
function cellText(tr: GridRow, col: Column): string {
  const raw = tr.texts[col.index] ?? ''
  return col.unit ? withoutUnitWord(raw, col.unit) : raw
}

/** Fields of one row, with a message for each cell that does not read. */
function readFields(tr: GridRow, layout: Layout, messages: Message[]): Draft {
  const draft: Draft = { row: {}, at: { row: [tr.place.line, tr.place.column] }, autoEval: false, glued: false, messages }
  for (const f of fields as Field<unknown>[]) {
    const col = columnOf(layout, f.role)
    const cell = col ? tr.cells[col.index] : undefined
    if (!col || !cell) continue
    const raw = cellText(tr, col)
    if (noDataMark(layout, raw)) continue
    const p = cellPlace(cell, tr.place)
    const result = f.read(raw, draft, cell, col)
    if ('value' in result) {
      draft.at[f.field] = [p.line, p.column]
      f.assign(result.value, draft, p)
    } else if ('problem' in result) messages.push(problemMessage(result.problem, f.field, raw, p, f.expected))
  }
  return draft
}

/** A column of bare links, for tables that keep the URL beside the name. */
function readUrl(tr: GridRow, layout: Layout, draft: Draft): void {
  const url = columnOf(layout, 'url')
  if (!url || draft.row.url) return
  const cell = tr.cells[url.index]
  const link = cell?.children.find((c) => c.type === 'link')
  const candidate = link && link.type === 'link' ? link.url : (tr.texts[url.index] ?? '').trim()
  if (/^https?:\/\/\S+$/i.test(candidate)) {
    draft.row.url = candidate
    const p = cellPlace(cell, tr.place)
    draft.at.url = [p.line, p.column]
  }
}

/** Measures beside the score (the agent board's percentages), under their stable keys. */
function readMetrics(tr: GridRow, layout: Layout, draft: Draft, messages: Message[]): void {
  const metrics: NonNullable<Row['metrics']> = {}
  for (const col of layout.columns) {
    if (!col.metric) continue
    const raw = cellText(tr, col)
    if (noDataMark(layout, raw)) continue
    const s = readScore(raw, col.style)
    // The sign as the cell's numbers are read: a full-width `％` or the Arabic `٪` is a percent sign too.
    if ('value' in s) {
      metrics[col.metric] = { value: s.value.value, ...(s.value.interval ? { ciPlus: s.value.interval.plus, ciMinus: s.value.interval.minus } : {}), ...(/%/.test(clean(raw)) ? { unit: '%' as const } : {}) }
    } else if ('problem' in s) messages.push(problemMessage(s.problem, col.metric, raw, cellPlace(tr.cells[col.index], tr.place), 'a measure such as `12.47%±1.54%`'))
  }
  if (Object.keys(metrics).length) draft.row.metrics = metrics
}

export function readRows(layout: Layout): TableRows {
  const messages: Message[] = []
  const rows: Row[] = []
  const places: CellPlaces[] = []
  const positions: number[] = []
  const seen = new Map<string, number>()
  let position = 0
  const hasRank = !!columnOf(layout, 'rank')
  // A column headed as the rank whose cells were not read as ranks: ranking by position would make ranks up (ties lost).
  const unreadRank = !hasRank && layout.columns.some((c) => c.headedAs === 'rank')
  let truncatedAt: Place | undefined
  let gluedRows = 0
  let unranked = 0
  layout.body.forEach((tr, index) => {
    if (layout.headerCopies.has(tr)) {
      messages.push(message('repeated-header', tr.place))
      return
    }
    if (isPlaceholder(tr.texts)) {
      truncatedAt ??= tr.place
      messages.push(message('truncated-table', tr.place, { kind: 'placeholder', text: tr.texts.filter(Boolean).join(' ') }))
      return
    }
    position++
    if (tr.cells.length !== layout.width) {
      const extra = tr.texts.slice(layout.width)
      if (tr.cells.length > layout.width && extra.every((t) => t.trim() === '')) {
        // Trailing empty cells (`| … | |`): harmless.
      } else if (index === layout.body.length - 1 && tr.cells.length < layout.width) {
        truncatedAt ??= tr.place
        messages.push(message('truncated-table', tr.place, { kind: 'mid-row', cells: tr.cells.length, width: layout.width }))
        return
      } else {
        messages.push(message('ragged-row', tr.place, { cells: tr.cells.length, width: layout.width }))
        return
      }
    }
    const draft = readFields(tr, layout, messages)
    if (draft.glued) gluedRows++
    readUrl(tr, layout, draft)
    readMetrics(tr, layout, draft, messages)
    const { row, at } = draft
    if (row.rank === undefined && draft.autoEval) {
      // Upstream lists models it has not ranked yet, with an automatic estimate instead of votes.
      unranked++
      messages.push(message('unranked-row', tr.place, { ...(row.name !== undefined ? { name: row.name } : {}), ...(row.score !== undefined ? { score: row.score } : {}) }))
      return
    }
    if (row.rank === undefined) {
      // Pages without a rank column are ranked by position.
      if (!hasRank && !unreadRank) row.rank = rows.length + 1
      else {
        messages.push(message('missing-cell', tr.place, { missing: 'rank', ...(row.name ? { name: row.name } : {}) }))
        return
      }
    }
    if (!row.name) {
      const model = columnOf(layout, 'model')
      const cell = model ? tr.cells[model.index] : undefined
      messages.push(message('missing-cell', cell ? cellPlace(cell, tr.place) : tr.place, { missing: 'name', rank: row.rank, ...(cell ? { found: tr.texts[model!.index]! } : {}) }))
      return
    }
    const dup = seen.get(row.name)
    if (dup !== undefined) {
      messages.push(message('duplicate-model', placeAt(at.name, tr.place), { name: row.name, firstLine: dup }))
      return
    }
    seen.set(row.name, tr.place.line)
    rows.push(row as Row)
    places.push(at)
    positions.push(position)
  })
  // Where the scraper glued `Org · License` to names, a row without an organization gets its license glued alone.
  if (gluedRows >= Math.max(1, rows.length * 0.3) && !columnOf(layout, 'license')) {
    const licenses = [...knownLicenses, ...rows.flatMap((r) => (r.license ? [r.license] : []))]
    for (const row of rows) {
      if (row.license !== undefined || row.organization !== undefined) continue
      const split = splitGluedLicense(row.name, licenses)
      if (split.license) {
        row.name = split.name
        row.license = split.license
      }
    }
  }
  return { rows, places, positions, seen: position, messages, unranked, ...(truncatedAt ? { truncatedAt } : {}) }
}
