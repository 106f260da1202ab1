import { compareText } from '../core/compare.js'
import { withoutHidden } from '../registry/keys.js'
import type { ReconciledRow, ReconciledSnapshot, RegistryModel } from '../registry/types.js'
import type { SiteModel } from '../model/site.js'
import { safeUrl } from './escape.js'
import { formatNumber } from '../core/text.js'
import { formatInterval, formatPrice, formatSigned, formatTokens, metricLabel } from './format.js'
import { href, paths, type BaseUrl } from './urls.js'

/** One table cell as the template prints it: text, maybe a link, a sort key. */
export interface Cell {
  text: string
  href?: string
  /** Value the script sorts by (numbers sort numerically); defaults to the text. */
  sort?: string | number
  /** Small label after the text (e.g. `preliminary`, `new`). */
  badge?: string
  /** Footnote marks after the text, with their explanation as a tooltip. */
  marks?: { mark: string; text: string }[]
  /** A link to the model's own page upstream (http(s) only). */
  external?: string
  cls?: string
}

export interface Column {
  key: string
  label: string
  numeric?: boolean
  /** The cells of this column are row headers (`<th scope="row">`). */
  rowHeader?: boolean
}

export interface TableRow {
  /** Filter attributes: organization, license, open weights (`yes`/`no`/``) and lower-case search text. */
  org: string
  license: string
  open: string
  search: string
  cells: Cell[]
}

export interface Table {
  id: string
  caption: string
  columns: Column[]
  rows: TableRow[]
  /** Shown instead of an empty table. */
  empty: string
  /** Explanations of footnote marks used in the table. */
  notes: { mark: string; text: string }[]
}

export interface Context {
  base: BaseUrl
  site: SiteModel
}

export function link(ctx: Context, sitePath: string): string {
  return href(ctx.base, sitePath)
}

/** What a row shows about its model: the registry's canonical values, else the row's. */
export function modelFacts(ctx: Context, id: string, row?: { name: string; organization?: string; license?: string }) {
  const m: RegistryModel | undefined = ctx.site.modelsById.get(id)
  const organization = m?.organization ?? row?.organization ?? ''
  const license = m?.license ?? row?.license ?? ''
  const open = m?.openWeights === undefined ? '' : m.openWeights ? 'yes' : 'no'
  const name = m?.name ?? row?.name ?? id
  // Raw aliases may hold invisible characters (bidi overrides): searched for without them.
  const search = [...new Set([name, id, organization, ...(m?.aliases ?? []).map(withoutHidden)].map((t) => t.toLowerCase()).filter(Boolean))].join(' ')
  return { name, organization, license, open, search, model: m }
}

/** A table row of a model: its cells, with the facts the filters read. */
export function modelRow(f: ReturnType<typeof modelFacts>, cells: Cell[]): TableRow {
  return { org: f.organization, license: f.license, open: f.open, search: f.search, cells }
}

export function modelCell(ctx: Context, id: string, name: string, extra: Partial<Cell> = {}): Cell {
  return { text: name, href: link(ctx, paths.model(id)), sort: name.toLowerCase(), ...extra }
}

export function organizationCell(ctx: Context, organization: string): Cell {
  const slug = ctx.site.organizationSlugs.get(organization)
  return slug ? { text: organization, href: link(ctx, paths.organization(slug)) } : { text: organization }
}

export function licenseCell(license: string, open: string): Cell {
  return { text: license, badge: open === 'yes' ? 'open weights' : undefined }
}

export function numberCell(n: number | undefined): Cell {
  return n === undefined ? { text: '', sort: '' } : { text: formatNumber(n), sort: n }
}

function has(rows: readonly ReconciledRow[], pick: (r: ReconciledRow) => unknown): boolean {
  return rows.some((r) => pick(r) !== undefined)
}

/**
 * The standings of one snapshot: rank, change since `previous`, model, score,
 * interval, votes, organization, license — columns no row has are left out.
 */
export function standingsTable(ctx: Context, snapshot: ReconciledSnapshot, previous: ReconciledSnapshot | undefined, options: { id: string; caption: string; limit?: number }): Table {
  const rows = options.limit ? snapshot.rows.slice(0, options.limit) : snapshot.rows
  const before = previous ? new Map(previous.rows.map((r) => [r.model, r.rank])) : undefined
  const facts = rows.map((r) => modelFacts(ctx, r.model, r))
  const columns: Column[] = [{ key: 'rank', label: 'Rank', numeric: true }]
  if (before) columns.push({ key: 'change', label: 'Change', numeric: true })
  columns.push({ key: 'model', label: 'Model', rowHeader: true })
  const withScore = has(rows, (r) => r.score)
  const withCi = has(rows, (r) => r.ciPlus ?? r.ciMinus)
  const withVotes = has(rows, (r) => r.votes)
  const withOrg = facts.some((f) => f.organization)
  const withLicense = facts.some((f) => f.license)
  if (withScore) columns.push({ key: 'score', label: 'Score', numeric: true })
  if (withCi) columns.push({ key: 'ci', label: '95% CI', numeric: true })
  if (withVotes) columns.push({ key: 'votes', label: 'Votes', numeric: true })
  const withStyle = has(rows, (r) => r.rankStyleControl)
  const withPrice = has(rows, (r) => r.priceInput ?? r.priceOutput)
  const withContext = has(rows, (r) => r.context)
  const withCutoff = has(rows, (r) => r.knowledgeCutoff)
  // Extra measures (the agent board's), but not one that only repeats the score.
  const metrics = [...new Set(rows.flatMap((r) => Object.keys(r.metrics ?? {})))]
    .filter((m) => !rows.every((r) => r.metrics?.[m]?.value === r.score))
    .sort(compareText)
  if (withStyle) columns.push({ key: 'style', label: 'Rank (style control)', numeric: true })
  for (const m of metrics) columns.push({ key: `m-${m}`, label: metricLabel(m), numeric: true })
  if (withPrice) columns.push({ key: 'price', label: 'Price $/1M in/out', numeric: true })
  if (withContext) columns.push({ key: 'context', label: 'Context', numeric: true })
  if (withCutoff) columns.push({ key: 'cutoff', label: 'Knowledge cutoff' })
  if (withOrg) columns.push({ key: 'organization', label: 'Organization' })
  if (withLicense) columns.push({ key: 'license', label: 'License' })
  const notes = new Map<string, string>()
  const out: TableRow[] = rows.map((row, i) => {
    const f = facts[i]!
    const cells: Cell[] = [{ text: String(row.rank), sort: row.rank }]
    if (before) {
      const old = before.get(row.model)
      cells.push(old === undefined ? { text: 'new', sort: 100_000, cls: 'new' } : { text: formatSigned(old - row.rank), sort: old - row.rank, cls: old > row.rank ? 'up' : old < row.rank ? 'down' : 'same' })
    }
    for (const flag of row.flags ?? []) notes.set(flag.mark, flag.text)
    cells.push(
      modelCell(ctx, row.model, f.name, {
        badge: row.preliminary ? 'preliminary' : undefined,
        marks: row.flags?.map((flag) => ({ mark: flag.mark, text: flag.text })),
        external: safeUrl(row.url)
      })
    )
    if (withScore) cells.push(numberCell(row.score))
    if (withCi) cells.push({ text: formatInterval(row.ciPlus, row.ciMinus), sort: Math.max(row.ciPlus ?? 0, row.ciMinus ?? 0) })
    if (withVotes) cells.push(numberCell(row.votes))
    if (withStyle) cells.push(numberCell(row.rankStyleControl))
    for (const m of metrics) {
      const metric = row.metrics?.[m]
      cells.push(metric ? { text: formatNumber(metric.value) + (metric.unit === '%' ? '%' : ''), sort: metric.value } : { text: '', sort: '' })
    }
    if (withPrice) cells.push({ text: formatPrice(row.priceInput, row.priceOutput), sort: row.priceInput ?? row.priceOutput ?? '' })
    if (withContext) cells.push({ text: formatTokens(row.context), sort: row.context ?? '' })
    if (withCutoff) cells.push({ text: row.knowledgeCutoff ?? '' })
    if (withOrg) cells.push(organizationCell(ctx, f.organization))
    if (withLicense) cells.push(licenseCell(f.license, f.open))
    return modelRow(f, cells)
  })
  return {
    id: options.id,
    caption: options.caption,
    columns,
    rows: out,
    empty: 'No models in this snapshot.',
    notes: [...notes.entries()].sort(([a], [b]) => compareText(a, b)).map(([mark, text]) => ({ mark, text }))
  }
}

/** Filter choices for the tables of a page: organizations, licenses, whether open weights are known. */
export interface Filters {
  organizations: string[]
  licenses: string[]
  open: boolean
}

export function filtersFor(tables: readonly Table[]): Filters {
  const orgs = new Set<string>()
  const licenses = new Set<string>()
  let open = false
  for (const t of tables) {
    for (const r of t.rows) {
      if (r.org) orgs.add(r.org)
      if (r.license) licenses.add(r.license)
      if (r.open) open = true
    }
  }
  const byName = (a: string, b: string) => compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b)
  return { organizations: [...orgs].sort(byName), licenses: [...licenses].sort(byName), open }
}
