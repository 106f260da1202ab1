import type { Table } from 'mdast'
import { fits, metricKey, roleOfHeader, roleOfShape, shapeOf, type Role, type Shape } from './columns.js'
import { hasLink, isPlaceholder, type GridRow } from './grid.js'

/**
 * The layout of an LMArena table: which column holds what. Known headers
 * decide when their cells agree; every other column is recognised by the
 * shape of its cells.
 */
export interface Column {
  index: number
  header: string
  role: Role | undefined
  metric?: string
}

export interface Layout {
  columns: Column[]
  /** The table had no header row: its first row is data. */
  headerless: boolean
  /** The data rows (the header row left out, unless it is data). */
  body: GridRow[]
  /** Cells per row, as the header says (or the widest row of a headerless table). */
  width: number
}

/** Does this header row look like a data row (a table with its header missing)? */
function looksLikeData(cells: readonly string[]): boolean {
  const known = cells.filter((c) => roleOfHeader(c) !== undefined).length
  const numeric = cells.filter((c) => /^\s*[\d,.±+\-/\s◄─►]+\s*$/.test(c) && /\d/.test(c)).length
  return known === 0 && numeric >= 2
}

export function layoutOf(table: Table, grid: readonly GridRow[]): Layout {
  const [head, ...rest] = grid
  const headerCells = head ? head.texts : []
  const headerless = looksLikeData(headerCells)
  const body = headerless ? [...grid] : rest
  const rows = body.filter((r) => !isPlaceholder(r.texts))
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
  return { columns, headerless, body, width: headerless ? width : (table.children[0]?.children.length ?? 0) }
}

export function isLeaderboard(layout: Layout): boolean {
  const roles = new Set(layout.columns.map((c) => c.role))
  return roles.has('model') && (roles.has('rank') || roles.has('score'))
}

export function columnOf(layout: Layout, role: Role): Column | undefined {
  return layout.columns.find((c) => c.role === role)
}
