import type { Table, TableCell, TableRow } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { message, placeAt, START, type Message, type Place } from '../../diagnostics/diagnostic.js'
import type { Row, RowField } from '../../schema/row.js'
import type { CellPlaces, ParsedSnapshot } from '../../schema/snapshot.js'
import type { Document } from '../document.js'
import type { AdapterInput, AdapterOutput } from '../adapter.js'
import { isNoData, junk, readCount, readCutoff, readInterval, readPrice, readRank, readScore, readSpread, readText, readTokens, type Read } from './cells.js'
import { fits, metricKey, roleOfHeader, roleOfShape, shapeOf, type Role, type Shape } from './columns.js'
import { knownLicenses, readModelCell, splitGluedLicense } from './model-cell.js'
import { lmarenaCategories, type LmarenaCategory } from '../../core/sources.js'

/**
 * The LMArena adapter: every table format upstream has published since
 * 2025-01 (UB + StyleCtrl ranks, rank + spread, glued spreads, merged score
 * and interval, glued organization and license, the 2026 top-30 category
 * pages), in any language.
 */

interface Column {
  index: number
  header: string
  role: Role | undefined
  metric?: string
}

interface Layout {
  columns: Column[]
  /** The table had no header row: its first row is data. */
  headerless: boolean
}

function cellText(cell: TableCell | undefined): string {
  return cell ? toString(cell, { includeHtml: false }) : ''
}

function place(node: { position?: { start: { line: number; column: number } } } | undefined, fallback: Place): Place {
  const start = node?.position?.start
  return start ? { line: start.line, column: start.column } : fallback
}

/** Where a cell's content starts (a cell's own position starts at its pipe). */
function cellPlace(cell: TableCell | undefined, fallback: Place): Place {
  return place(cell?.children[0] ?? cell, fallback)
}

function hasLink(cell: TableCell | undefined): boolean {
  return !!cell?.children.some((c) => c.type === 'link')
}

/** Does this header row look like a data row (a table with its header missing)? */
function looksLikeData(cells: readonly string[]): boolean {
  const known = cells.filter((c) => roleOfHeader(c) !== undefined).length
  const numeric = cells.filter((c) => /^\s*[\d,.±+\-/\s◄─►]+\s*$/.test(c) && /\d/.test(c)).length
  return known === 0 && numeric >= 2
}

function layoutOf(table: Table): Layout {
  const [head, ...body] = table.children
  const headerCells = head ? head.children.map(cellText) : []
  const headerless = looksLikeData(headerCells)
  const rows = (headerless ? table.children : body).map((r) => ({ cells: r.children, texts: r.children.map(cellText) })).filter((r) => !isPlaceholder(r.texts))
  const width = Math.max(headerCells.length, ...rows.map((r) => r.cells.length))
  const columns: Column[] = []
  const shapes: Shape[] = []
  for (let i = 0; i < width; i++) {
    shapes.push(
      shapeOf(
        rows.map((r) => r.texts[i] ?? ''),
        rows.map((r) => hasLink(r.cells[i]))
      )
    )
    columns.push({ index: i, header: headerless ? '' : (headerCells[i] ?? '').trim(), role: undefined })
  }
  const taken = new Set<Role>()
  // 1. Headers we know, when the cells agree.
  columns.forEach((col, i) => {
    let role = roleOfHeader(col.header)
    if (role === 'score' && taken.has('score')) role = 'metric'
    if (role === 'rank' && taken.has('rank')) role = shapes[i]!.spread >= 0.5 ? 'rankSpread' : 'rankStyleControl'
    if (role && role !== 'metric' && taken.has(role)) role = undefined
    if (role && fits(role, shapes[i]!)) {
      col.role = role
      if (role !== 'metric') taken.add(role)
    }
  })
  // 2. Everything else by the shape of its cells.
  columns.forEach((col, i) => {
    if (col.role) return
    const role = roleOfShape(shapes[i]!, taken)
    if (role) {
      col.role = role
      if (role !== 'metric') taken.add(role)
    }
  })
  // Measures beside the score (the agent board's percentages) are kept under stable keys.
  for (const col of columns) {
    if (col.role === 'metric' || (col.role === 'score' && shapes[col.index]!.percent >= 0.5)) col.metric = metricKey(col.header, col.index)
  }
  return { columns, headerless }
}

function isLeaderboard(layout: Layout): boolean {
  const roles = new Set(layout.columns.map((c) => c.role))
  return roles.has('model') && (roles.has('rank') || roles.has('score'))
}

/** Rows the translator wrote instead of data: `...`, `(le reste du tableau reste inchangé)`. */
function isPlaceholder(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '' && c !== '...' && c !== '…' && !/^[:\-\s|]+$/.test(c))
  if (filled.length === 0) return true
  const first = cells[0]?.trim() ?? ''
  if (/^\d/.test(first)) return false
  return filled.length <= 2 && (/\.\.\.|…|<!--|\[|\(|\*/.test(filled.join(' ')) || filled.every((c) => /\p{L}{3,}\s+\p{L}{3,}/u.test(c)))
}

interface TableResult {
  rows: Row[]
  places: CellPlaces[]
  firstRank?: number
  lastRank?: number
  truncatedAt?: Place
  maxLower: number
  table: Table
  /** Rows upstream listed without a rank (AutoEval estimates): shown, but not ranked. */
  unranked: number
}

function problemMessage(problem: 'corrupted' | 'unparseable', field: string, raw: string, at: Place, expected: string): Message {
  return problem === 'corrupted'
    ? message('corrupted-token', at, { value: raw, field, expected })
    : message('unparseable-number', at, { value: raw, field, expected })
}

function readRows(table: Table, layout: Layout, messages: Message[]): TableResult {
  const rows: Row[] = []
  const places: CellPlaces[] = []
  const seen = new Map<string, number>()
  const [, ...body] = table.children
  const data = layout.headerless ? table.children : body
  const width = layout.headerless ? layout.columns.length : (table.children[0]?.children.length ?? 0)
  const byRole = (role: Role): Column | undefined => layout.columns.find((c) => c.role === role)
  let truncatedAt: Place | undefined
  let maxLower = 0
  let gluedRows = 0
  let unranked = 0
  data.forEach((tr: TableRow, index) => {
    const rowPlace = place(tr, START)
    const texts = tr.children.map(cellText)
    if (isPlaceholder(texts)) {
      truncatedAt ??= rowPlace
      messages.push(message('truncated-table', rowPlace, { kind: 'placeholder', text: texts.filter(Boolean).join(' ') }))
      return
    }
    if (tr.children.length !== width) {
      const extra = texts.slice(width)
      if (tr.children.length > width && extra.every((t) => t.trim() === '')) {
        // Trailing empty cells (`| … | |`): harmless.
      } else if (index === data.length - 1 && tr.children.length < width) {
        truncatedAt ??= rowPlace
        messages.push(message('truncated-table', rowPlace, { kind: 'mid-row', cells: tr.children.length, width }))
        return
      } else {
        messages.push(message('ragged-row', rowPlace, { cells: tr.children.length, width }))
        return
      }
    }
    const cellAt = (col: Column | undefined): [string, Place] | undefined => {
      if (!col) return undefined
      const cell = tr.children[col.index]
      if (!cell) return undefined
      return [texts[col.index]!, cellPlace(cell, rowPlace)]
    }
    const row: Partial<Row> = {}
    const at: CellPlaces = { row: [rowPlace.line, rowPlace.column] }
    const take = <T,>(field: RowField, role: Role, read: (raw: string) => Read<T>, expected: string, assign: (v: T) => void): void => {
      const found = cellAt(byRole(role))
      if (!found) return
      const [raw, p] = found
      const result = read(raw)
      if ('value' in result) {
        assign(result.value)
        at[field] = [p.line, p.column]
      } else if ('problem' in result) messages.push(problemMessage(result.problem, field, raw, p, expected))
    }
    take('rank', 'rank', readRank, 'a whole number', (v) => (row.rank = v))
    take('rankStyleControl', 'rankStyleControl', readRank, 'a whole number', (v) => (row.rankStyleControl = v))
    take('rankUpper', 'rankSpread', (raw) => readSpread(raw, row.rank), 'a rank range such as `1◄─►4` or `1-4`', ([u, l]) => {
      row.rankUpper = u
      row.rankLower = l
      at.rankLower = at.rankUpper
      maxLower = Math.max(maxLower, l)
    })
    const model = byRole('model')
    const modelCell = model ? tr.children[model.index] : undefined
    if (modelCell) {
      const m = readModelCell(modelCell)
      const p = cellPlace(modelCell, rowPlace)
      if (m.name && !isNoData(m.name)) {
        row.name = m.name
        at.name = [p.line, p.column]
        if (m.url) (row.url = m.url), (at.url = [p.line, p.column])
        if (m.organization) (row.organization = m.organization), (at.organization = [p.line, p.column])
        if (m.license) (row.license = m.license), (at.license = [p.line, p.column])
        if (m.glued) gluedRows++
        if (junk.test(m.name)) {
          messages.push(message('corrupted-token', p, { value: m.name, field: 'name' }))
        }
      }
    }
    let autoEval = false
    take('score', 'score', readScore, 'a score such as `1483`, `1483 Preliminary` or `1504±10`', (s) => {
      if (s.autoEval) autoEval = true
      row.score = s.value
      if (s.preliminary) row.preliminary = true
      if (s.interval) {
        row.ciPlus = s.interval.plus
        row.ciMinus = s.interval.minus
        at.ciPlus = at.ciMinus = at.score
      }
    })
    take('ciPlus', 'ci', readInterval, 'an interval such as `±4` or `+5/-4`', (i) => {
      row.ciPlus = i.plus
      row.ciMinus = i.minus
      at.ciMinus = at.ciPlus
    })
    take('votes', 'votes', readCount, 'a count such as `3,768`', (v) => (row.votes = v))
    take('organization', 'organization', readText, 'a name', (v) => (row.organization = v))
    take('license', 'license', readText, 'a license name', (v) => (row.license = v))
    take('knowledgeCutoff', 'knowledgeCutoff', readCutoff, 'a date such as `2024/06`', (v) => (row.knowledgeCutoff = v))
    take('priceInput', 'price', readPrice, 'prices such as `$1.25/$10`', ([i, o]) => {
      if (i !== undefined) row.priceInput = i
      if (o !== undefined) row.priceOutput = o
      at.priceOutput = at.priceInput
    })
    take('context', 'context', readTokens, 'a size such as `128K` or `1M`', (v) => (row.context = v))
    const url = byRole('url')
    if (url && !row.url) {
      const cell = tr.children[url.index]
      const link = cell?.children.find((c) => c.type === 'link')
      const candidate = link && link.type === 'link' ? link.url : (texts[url.index] ?? '').trim()
      if (/^https?:\/\/\S+$/i.test(candidate)) {
        row.url = candidate
        const p = cellPlace(cell, rowPlace)
        at.url = [p.line, p.column]
      }
    }
    const metrics: NonNullable<Row['metrics']> = {}
    for (const col of layout.columns.filter((c) => c.metric)) {
      const raw = texts[col.index] ?? ''
      const p = cellPlace(tr.children[col.index], rowPlace)
      const s = readScore(raw)
      if ('value' in s) {
        metrics[col.metric!] = { value: s.value.value, ...(s.value.interval ? { ciPlus: s.value.interval.plus, ciMinus: s.value.interval.minus } : {}), ...(/%/.test(raw) ? { unit: '%' as const } : {}) }
      } else if ('problem' in s) messages.push(problemMessage(s.problem, col.metric!, raw, p, 'a measure such as `12.47%±1.54%`'))
    }
    if (Object.keys(metrics).length) row.metrics = metrics
    if (row.rank === undefined && autoEval) {
      // Upstream lists models it has not ranked yet, with an automatic estimate instead of votes.
      unranked++
      messages.push(message('unranked-row', rowPlace, { ...(row.name !== undefined ? { name: row.name } : {}), ...(row.score !== undefined ? { score: row.score } : {}) }))
      return
    }
    if (row.rank === undefined) {
      // Pages without a rank column are ranked by position.
      if (!byRole('rank')) row.rank = rows.length + 1
      else {
        messages.push(message('missing-cell', rowPlace, { missing: 'rank', ...(row.name ? { name: row.name } : {}) }))
        return
      }
    }
    if (!row.name) {
      const found = cellAt(model)
      messages.push(message('missing-cell', found?.[1] ?? rowPlace, { missing: 'name', rank: row.rank, ...(found ? { found: found[0] } : {}) }))
      return
    }
    const dup = seen.get(row.name)
    if (dup !== undefined) {
      messages.push(message('duplicate-model', placeAt(at.name, rowPlace), { name: row.name, firstLine: dup }))
      return
    }
    seen.set(row.name, rowPlace.line)
    rows.push(row as Row)
    places.push(at)
  })
  // Where the scraper glued `Org · License` to names, a row without an organization gets its license glued alone.
  if (gluedRows >= Math.max(1, rows.length * 0.3) && !byRole('license')) {
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
  const result: TableResult = { rows, places, maxLower, table, unranked }
  if (rows[0]) result.firstRank = rows[0].rank
  const last = rows.at(-1)
  if (last) result.lastRank = last.rank
  if (truncatedAt) result.truncatedAt = truncatedAt
  return result
}

/** `前 30 名`, `Top 30`, `Los 30 primeros`: how many rows a top-N page announces. */
export function declaredRows(headings: readonly { text: string }[]): number | undefined {
  for (const { text } of headings) {
    const m = /前\s*(\d+)\s*名|top[\s-]*(\d+)|トップ\s*(\d+)|上位\s*(\d+)|(\d+)\s*(?:premiers|primeros|primeiros|лучших|κορυφαί)/iu.exec(text)
    if (m) return Number(m.slice(1).find((g) => g !== undefined))
  }
  return undefined
}

/** Which category page this is, from its link to arena.ai or its title. */
export function categoryOf(doc: Document): LmarenaCategory {
  const link = /(?:lmarena\.ai|arena\.ai)\/leaderboard\/([a-z-]+)/i.exec(doc.content.slice(0, 4000))
  if (link && (lmarenaCategories as readonly string[]).includes(link[1]!.toLowerCase())) return link[1]!.toLowerCase() as LmarenaCategory
  const title = doc.title.toLowerCase()
  if (/agent|智能体|智能體|エージェント|агент|πράκτορ/.test(title)) return 'agent'
  if (/search|搜索|搜尋|検索|recherche|búsqueda|поиск|αναζήτ/.test(title)) return 'search'
  if (/vision|视觉|視覺|ビジョン|визу|όραση/.test(title)) return 'vision'
  if (/webdev|web dev|代码|程式|コード|code/.test(title)) return 'code-webdev'
  if (/text-to-image|文生图|文生圖|画像生成|image/.test(title)) return 'text-to-image'
  return 'text'
}

export function parseLmarena(doc: Document, input: AdapterInput): AdapterOutput {
  const messages: Message[] = []
  const candidates = doc.tables.map((t) => ({ table: t, layout: layoutOf(t) })).filter((c) => isLeaderboard(c.layout))
  const category = input.source?.startsWith('lmarena-') ? input.source.slice('lmarena-'.length) : categoryOf(doc)
  const source = input.source ?? `lmarena-${category}`
  if (candidates.length === 0) {
    // A leaderboard page that lost its table still carries its data time; another page does not.
    if (!input.dated) {
      messages.push(message('not-leaderboard', START, { page: doc.title || doc.content.trim().split('\n')[0] || '(empty)' }))
    } else {
      messages.push(message('missing-table', place(doc.tables[0], START), { kind: 'page', page: doc.title || '(untitled)', otherTables: doc.tables.length }))
    }
    return { source, snapshots: [], messages }
  }
  for (const c of candidates) {
    if (c.layout.headerless) messages.push(message('missing-header', place(c.table, START)))
    for (const col of c.layout.columns) {
      if (!col.role && !c.layout.headerless) {
        const head = c.table.children[0]?.children[col.index]
        messages.push(message('unknown-column', cellPlace(head, place(c.table, START)), { header: col.header }))
      }
    }
  }
  const results = candidates.map((c) => readRows(c.table, c.layout, messages))
  // Tables that continue each other (ranks go on) are one; otherwise keep the longest.
  const groups: TableResult[][] = []
  for (const r of results) {
    const current = groups.at(-1)
    const prev = current?.at(-1)
    if (current && prev && prev.lastRank !== undefined && r.firstRank !== undefined && r.firstRank >= prev.lastRank && r.firstRank !== 1) current.push(r)
    else groups.push([r])
  }
  const merged = groups.map((g) => ({
    rows: g.flatMap((r) => r.rows),
    places: g.flatMap((r) => r.places),
    truncatedAt: g.find((r) => r.truncatedAt)?.truncatedAt,
    maxLower: Math.max(...g.map((r) => r.maxLower)),
    unranked: g.reduce((n, r) => n + r.unranked, 0),
    table: g[0]!.table
  }))
  merged.sort((a, b) => b.rows.length - a.rows.length)
  const chosen = merged[0]!
  if (merged.length > 1) {
    for (const other of merged.slice(1)) {
      messages.push(message('multiple-tables', place(other.table, START), { rows: other.rows.length, used: { line: chosen.table.position?.start.line ?? 1, rows: chosen.rows.length } }))
    }
  }
  const declared = declaredRows(doc.headings)
  const count = chosen.rows.length
  if (count === 0 && !chosen.truncatedAt) {
    messages.push(message('truncated-table', place(chosen.table, START), { kind: 'empty' }))
  } else if (!chosen.truncatedAt) {
    const tableAt = place(chosen.table, START)
    const end = { line: chosen.table.position?.end.line ?? tableAt.line, column: 1 }
    if (declared !== undefined && count + chosen.unranked < declared) {
      messages.push(message('truncated-table', end, { kind: 'announced', rows: count, declared }))
    } else if (declared === undefined && chosen.maxLower > count + Math.max(5, count * 0.1)) {
      messages.push(message('truncated-table', end, { kind: 'spreads', rows: count, lowest: chosen.maxLower }))
    }
  }
  const snapshot: ParsedSnapshot = {
    board: source,
    date: input.date ?? '',
    updatedAt: input.updatedAt ?? null,
    language: input.language,
    source,
    rows: chosen.rows,
    places: chosen.places
  }
  if (declared !== undefined) snapshot.declaredRows = declared
  return { source, snapshots: [snapshot], messages }
}
