import { compareText } from '../core/compare.js'
import { digest } from '../core/digest.js'
import { snapshotDigest } from './data.js'
import { withoutHidden } from '../registry/keys.js'
import type { ReconciledRow, ReconciledSnapshot, RegistryModel } from '../registry/types.js'
import type { SiteModel } from '../model/site.js'
import { safeUrl } from './escape.js'
import type { HistoryFeeds } from './feed.js'
import { count, formatNumber } from '../core/text.js'
import { formatInterval, formatPrice, formatSigned, formatTokens, metricLabel } from './format.js'
import { href, paths, type BaseUrl } from './urls.js'

/** One table cell as the template prints it: text, maybe a link, a sort key. */
export interface Cell {
  text: string
  href?: string
  /**
   * Value the script sorts by, when the text does not say it: the script reads
   * a number column's text as a number (`1,451`, `−3`, `+2`) and sorts other
   * columns by the text of the cell's link, or its text, in lower case.
   */
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
  /** How the script reads a number column's text (`readShown`); default a plain number. */
  reads?: 'price' | 'tokens' | 'spread'
  /** The cells of this column are row headers (`<th scope="row">`). */
  rowHeader?: boolean
  /** Text of a line or more (`LMArena Text #1, SEAL Math (as of 2024-05-13) #1`): the column is kept wide enough to wrap it into a few lines, not a tall strip of one or two words. */
  wide?: boolean
}

export interface TableRow {
  /**
   * What the filters read: organization, license, open weights (`yes`/`no`/``).
   * Printed only where the table has no column showing them (the script reads
   * the organization and license columns).
   */
  org: string
  license: string
  open: string
  /** Search terms the row does not show (id, aliases), lower case; the script adds the name and organization. */
  search: string
  cells: Cell[]
}

/** A row of a table without filters or search terms (a history, a summary): its cells only. */
export function plainRow(cells: Cell[]): TableRow {
  return { org: '', license: '', open: '', search: '', cells }
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
  /** Rows a table too long for one page leaves out (`capRows`): how many, and the data that lists them. */
  more?: TableMore
}

/** Under a table that leaves rows out: `19,500 more models (ranks 501 to 20,000) are not listed here; every one is in` JSON · CSV. */
export interface TableMore {
  text: string
  links: { label: string; href: string }[]
}

/**
 * Rows a table of a page lists at most: a snapshot's standings, each list of a
 * diff. Upstream's longest table has 381 rows (a page of 121 KB); a store with
 * a table of 20,000 made pages of 4 to 7 MB. The rest are counted under the
 * table, with links to the data files that list every one.
 */
export const MAX_TABLE_ROWS = 500

/**
 * The first `max` items, and what the table says of the others (`more`,
 * undefined when every item fits): `describe(count, shown)` names them, e.g.
 * `19,500 more models (ranks 501 to 20,000)`.
 */
export function capRows<T>(items: readonly T[], max: number, describe: (count: number, shown: number) => string, links: TableMore['links']): { shown: readonly T[]; more?: TableMore } {
  if (items.length <= max) return { shown: items }
  return { shown: items.slice(0, max), more: notListed(describe(items.length - max, max), items.length - max, links) }
}

/** What a table says of the `count` rows it leaves out (`description`: `600 more models`), and the data that lists them. */
export function notListed(description: string, count: number, links: TableMore['links']): TableMore {
  return { text: `${description} ${count === 1 ? 'is' : 'are'} not listed here; every one is in`, links }
}

export interface Context {
  base: BaseUrl
  site: SiteModel
  /** Per-board and per-model feed entries (only with an absolute base URL). */
  feeds?: HistoryFeeds
}

export function link(ctx: Pick<Context, 'base'>, sitePath: string): string {
  return href(ctx.base, sitePath)
}

export type ModelFacts = ReturnType<typeof facts>

/** Facts of a registry model, worked out once per model (every table row of it reads them): never mutated. */
const factsOfModel = new WeakMap<RegistryModel, ModelFacts>()

/** What a row shows about its model: the registry's canonical values, else the row's. */
export function modelFacts(ctx: Context, id: string, row?: { name: string; organization?: string; license?: string }): ModelFacts {
  const m: RegistryModel | undefined = ctx.site.modelsById.get(id)
  if (!m) return facts(id, undefined, row)
  let known = factsOfModel.get(m)
  if (!known) factsOfModel.set(m, (known = facts(id, m)))
  if (!row) return known
  // A row shows the name it was published with (`claude-opus-4-6-high` where the registry's name is
  // `claude-opus-4-6-thinking`; the registry's is searched for too), and the name its organization
  // had then (`xAI` on a page of 2025, not `SpaceXAI`).
  const published = row.organization
  const organization = published !== undefined && published !== known.organization && ctx.site.renamedOrganizations.get(published) === known.organization ? published : known.organization
  const name = row.name || known.name
  if (name === known.name && organization === known.organization) return known
  const registryName = known.name.toLowerCase()
  // The filter matches substrings of the name and the search text: the registry's name is added where they lack it.
  const search = `${name.toLowerCase()} ${known.search}`.includes(registryName) ? known.search : [known.search, registryName].filter(Boolean).join(' ')
  return { ...known, name, organization, search }
}

function facts(id: string, m: RegistryModel | undefined, row?: { name: string; organization?: string; license?: string }) {
  const organization = m?.organization ?? row?.organization ?? ''
  const license = m?.license ?? row?.license ?? ''
  const open = m?.openWeights === undefined ? '' : m.openWeights ? 'yes' : 'no'
  const name = m?.name ?? row?.name ?? id
  // The name and organization are in the row; other names add what they do not already say
  // Raw aliases may hold invisible characters (bidi overrides): searched for without them.
  // (`anthropicclaude-opus-4-1`, upstream's name with its provider glued on, adds nothing).
  const shown = [name, organization].map((t) => t.toLowerCase()).filter(Boolean)
  const adds = (t: string) => shown.reduce((rest, s) => rest.split(s).join(' '), t).replace(/[^\p{L}\p{N}]+/gu, '') !== ''
  const search = [...new Set([id, ...(m?.aliases ?? []).map(withoutHidden)].map((t) => t.toLowerCase()))].filter((t) => t && adds(t)).join(' ')
  return { name, organization, license, open, search, model: m }
}

/** A table row of a model: its cells, with the facts the filters read. */
export function modelRow(f: ModelFacts, cells: Cell[]): TableRow {
  return { org: f.organization, license: f.license, open: f.open, search: f.search, cells }
}

export function modelCell(ctx: Context, id: string, name: string, extra: Partial<Cell> = {}): Cell {
  return { text: name, href: link(ctx, paths.model(id)), ...extra }
}

/**
 * An organization, linked to its page; as plain text with `linked: false`:
 * pages of which a new one comes every day (snapshots, diffs) stay small, the
 * model's page links its organization.
 */
export function organizationCell(ctx: Context, organization: string, linked = true): Cell {
  const slug = linked ? ctx.site.organizationSlugs.get(organization) : undefined
  return slug ? { text: organization, href: link(ctx, paths.organization(slug)) } : { text: organization }
}

export function licenseCell(license: string, open: string): Cell {
  return { text: license, badge: open === 'yes' ? 'open weights' : undefined }
}

/**
 * A number as the script reads a number column's text: `1,451` → 1451,
 * `−3` → -3, `+2` → 2, `±11` → 11, `14.61%` → 14.61, and a pair by its
 * larger half (`+33/−27` → 33); NaN when it is not one. A rank spread sorts
 * by its best rank, then its worst: `1–4` → 1.0004, `3` → 3.0003.
 * `assets/site.js` reads the same.
 */
export function readShown(text: string, reads?: Column['reads']): number {
  if (reads === 'spread') {
    const m = /^(\d+)(?:–(\d+))?$/.exec(text.trim())
    return m ? spreadKey(Number(m[1]), Number(m[2] ?? m[1])) : NaN
  }
  if (reads === 'price') {
    // `$1.25 / $10`, `? / $10`: the first price.
    const m = /\$([\d,.]+)/.exec(text)
    return m ? Number(m[1]!.replace(/,/g, '')) : NaN
  }
  if (reads === 'tokens') {
    // `128K`, `1.05M`, `512`.
    const m = /^([\d,.]+)([KM]?)$/.exec(text.trim())
    return m ? Number(m[1]!.replace(/,/g, '')) * (m[2] === 'M' ? 1_000_000 : m[2] === 'K' ? 1_000 : 1) : NaN
  }
  // Most cells: digits, maybe grouped (`1,451`), nothing else.
  if (/^\d[\d,]*$/.test(text)) return Number(text.includes(',') ? text.replace(/,/g, '') : text)
  const one = (t: string) => {
    const plain = t.trim().replace(/,/g, '').replace(/^\u2212/, '-').replace(/^[+±]/, '').replace(/%$/, '')
    return plain === '' ? NaN : Number(plain)
  }
  const parts = text.split('/')
  return parts.length === 2 ? Math.max(...parts.map((p) => Math.abs(one(p)))) : one(text)
}

/** A cell of a number column: the sort key is printed only when the text does not give it back exactly. */
export function shownNumber(text: string, value: number, reads?: Column['reads']): Cell {
  return readShown(text, reads) === value ? { text } : { text, sort: value }
}

/** A 95% interval (`±11`, `+33/−27`), sorted by its larger half. */
export function intervalCell(plus: number | undefined, minus: number | undefined): Cell {
  return plus === undefined && minus === undefined ? { text: '' } : shownNumber(formatInterval(plus, minus), Math.max(plus ?? 0, minus ?? 0))
}

/** The sort key of a rank spread: its best rank, then its worst (ranks stay below 10,000). */
function spreadKey(best: number, worst: number): number {
  return best + worst / 10_000
}

/** Upstream's rank spread (`1–4`: between first and fourth; `3`: third), read back by the script (`reads: 'spread'`). */
export function rankSpreadCell(best: number | undefined, worst: number | undefined): Cell {
  if (best === undefined || worst === undefined) return { text: '' }
  return shownNumber(best === worst ? String(best) : `${best}–${worst}`, spreadKey(best, worst), 'spread')
}

/** The column of a rank spread, in every table that shows one. */
export const RANK_SPREAD_COLUMN: Column = { key: 'spread', label: 'Rank spread', numeric: true, reads: 'spread' }

/** What a rank spread is, under every table that shows one. */
export const RANK_SPREAD_NOTE = {
  mark: 'Rank spread',
  text: 'the ranks upstream says the model may hold, given the uncertainty of the scores (1–4: anywhere from first to fourth). Two models whose spreads overlap are not told apart.'
}

/** A cell of a price or token column: the sort key is printed when the text does not give it back (`131.1K` for 131,072). */
export function readCell(text: string, value: number | undefined, reads: Column['reads']): Cell {
  return value === undefined ? { text } : shownNumber(text, value, reads)
}

export function numberCell(n: number | undefined): Cell {
  if (n === undefined) return { text: '' }
  // A whole number always reads back from its text.
  return Number.isInteger(n) ? { text: formatNumber(n) } : shownNumber(formatNumber(n), n)
}

function has(rows: readonly ReconciledRow[], pick: (r: ReconciledRow) => unknown): boolean {
  return rows.some((r) => pick(r) !== undefined)
}

/** A column of a standings table: when it is shown (default: always) and its cell for a row. */
interface StandingsColumn {
  column: Column
  shown?: () => boolean
  cell: (row: ReconciledRow, facts: ModelFacts) => Cell
}

/**
 * The standings of one snapshot: rank, change since `previous`, model, score,
 * interval, votes, organization, license — columns no row has are left out.
 */
export function standingsTable(
  ctx: Context,
  snapshot: ReconciledSnapshot,
  previous: ReconciledSnapshot | undefined,
  options: StandingsOptions
): Table {
  const capped = options.limit
    ? { shown: snapshot.rows.slice(0, options.limit) }
    : capRows(snapshot.rows, MAX_TABLE_ROWS, (n, shown) => `${count(n, 'more model')} (ranks ${formatNumber(snapshot.rows[shown]!.rank)} to ${formatNumber(snapshot.rows.at(-1)!.rank)})`, [
        { label: 'JSON', href: link(ctx, paths.snapshotData(snapshot.board, snapshot.date)) },
        { label: 'CSV', href: link(ctx, paths.snapshotCsv(snapshot.board, snapshot.date)) }
      ])
  const rows = capped.shown
  const before = previous ? new Map(previous.rows.map((r) => [r.model, r.rank])) : undefined
  const facts = rows.map((r) => modelFacts(ctx, r.model, r))
  const notes = new Map<string, string>()
  for (const row of rows) for (const flag of row.flags ?? []) notes.set(flag.mark, flag.text)
  // Extra measures (the agent board's), but not one that only repeats the score.
  const metrics = [...new Set(rows.flatMap((r) => Object.keys(r.metrics ?? {})))]
    .filter((m) => !rows.every((r) => r.metrics?.[m]?.value === r.score))
    .sort(compareText)
  const any = (value: (r: ReconciledRow) => unknown) => () => has(rows, value)
  // One list of columns, in the order shown: each says when it is shown and what its cell holds.
  const definitions: StandingsColumn[] = [
    { column: { key: 'rank', label: 'Rank', numeric: true }, cell: (row) => shownNumber(String(row.rank), row.rank) },
    {
      column: { key: 'change', label: 'Change', numeric: true },
      shown: () => before !== undefined,
      cell: (row) => {
        const old = before!.get(row.model)
        return old === undefined ? { text: 'new', sort: 100_000, cls: 'new' } : { ...shownNumber(formatSigned(old - row.rank), old - row.rank), ...(old !== row.rank ? { cls: old > row.rank ? 'up' : 'down' } : {}) }
      }
    },
    {
      column: { key: 'model', label: 'Model', rowHeader: true },
      cell: (row, f) =>
        modelCell(ctx, row.model, f.name, {
          badge: row.preliminary ? 'preliminary' : undefined,
          marks: row.flags?.map((flag) => ({ mark: flag.mark, text: flag.text })),
          external: options.organizationLinks === false ? undefined : safeUrl(row.url)
        })
    },
    { column: { key: 'score', label: 'Score', numeric: true }, shown: any((r) => r.score), cell: (row) => numberCell(row.score) },
    { column: { key: 'ci', label: '95% CI', numeric: true }, shown: any((r) => r.ciPlus ?? r.ciMinus), cell: (row) => intervalCell(row.ciPlus, row.ciMinus) },
    // Beside the interval it comes from, after the model: on a phone the model's name stays on the first screen.
    { column: RANK_SPREAD_COLUMN, shown: any((r) => r.rankUpper ?? r.rankLower), cell: (row) => rankSpreadCell(row.rankUpper, row.rankLower) },
    { column: { key: 'votes', label: 'Votes', numeric: true }, shown: any((r) => r.votes), cell: (row) => numberCell(row.votes) },
    { column: { key: 'style', label: 'Rank (style control)', numeric: true }, shown: any((r) => r.rankStyleControl), cell: (row) => numberCell(row.rankStyleControl) },
    ...metrics.map(
      (m): StandingsColumn => ({
        column: { key: `m-${m}`, label: metricLabel(m), numeric: true },
        cell: (row) => {
          const metric = row.metrics?.[m]
          return metric ? shownNumber(formatNumber(metric.value) + (metric.unit === '%' ? '%' : ''), metric.value) : { text: '' }
        }
      })
    ),
    {
      column: { key: 'price', label: 'Price $/1M in/out', numeric: true, reads: 'price' },
      shown: any((r) => r.priceInput ?? r.priceOutput),
      cell: (row) => readCell(formatPrice(row.priceInput, row.priceOutput), row.priceInput ?? row.priceOutput, 'price')
    },
    { column: { key: 'context', label: 'Context', numeric: true, reads: 'tokens' }, shown: any((r) => r.context), cell: (row) => readCell(formatTokens(row.context), row.context, 'tokens') },
    { column: { key: 'cutoff', label: 'Knowledge cutoff' }, shown: any((r) => r.knowledgeCutoff), cell: (row) => ({ text: row.knowledgeCutoff ?? '' }) },
    { column: { key: 'organization', label: 'Organization' }, shown: () => facts.some((f) => f.organization), cell: (_, f) => organizationCell(ctx, f.organization, options.organizationLinks ?? true) },
    { column: { key: 'license', label: 'License' }, shown: () => facts.some((f) => f.license), cell: (_, f) => licenseCell(f.license, f.open) }
  ]
  const shown = definitions.filter((d) => d.shown?.() ?? true)
  const columns = shown.map((d) => d.column)
  const out: TableRow[] = rows.map((row, i) => modelRow(facts[i]!, shown.map((d) => d.cell(row, facts[i]!))))
  return {
    id: options.id,
    caption: options.caption,
    columns,
    rows: out,
    empty: 'No models in this snapshot.',
    ...(capped.more ? { more: capped.more } : {}),
    notes: [
      ...(columns.includes(RANK_SPREAD_COLUMN) ? [RANK_SPREAD_NOTE] : []),
      ...[...notes.entries()].sort(([a], [b]) => compareText(a, b)).map(([mark, text]) => ({ mark, text }))
    ]
  }
}

/** The options of `standingsTable`. */
export interface StandingsOptions {
  id: string
  caption: string
  limit?: number
  /**
   * Link organizations and each model's upstream page (default). A dated
   * snapshot page leaves them out (the latest standings and the model pages
   * have them): they were a third of its bytes, on every page of every day.
   */
  organizationLinks?: boolean
}

/** A digest of a registry model's facts as table rows show them (`modelFacts`), worked out once per model. */
const factsKeys = new WeakMap<RegistryModel, string>()

function factsKey(ctx: Context, id: string): string {
  const m = ctx.site.modelsById.get(id)
  if (!m) return ''
  let known = factsKeys.get(m)
  if (known === undefined) {
    const f = modelFacts(ctx, id)
    factsKeys.set(m, (known = digest(JSON.stringify([f.name, f.organization, f.license, f.open, f.search])).slice(0, 16)))
  }
  return known
}

/** Digests of the organizations' renames (`modelFacts`) and, for tables that link them, their pages (`organizationCell`), worked out once per site. */
const organizationKeys = new WeakMap<SiteModel, { renames: string; pages: string }>()

function organizationsKey(ctx: Context, linked: boolean): string {
  let known = organizationKeys.get(ctx.site)
  if (!known) {
    known = { renames: digest(JSON.stringify([...ctx.site.renamedOrganizations])), pages: digest(JSON.stringify([...ctx.site.organizationSlugs])) }
    organizationKeys.set(ctx.site, known)
  }
  return linked ? `${known.renames} ${known.pages}` : known.renames
}

/**
 * What a table of models reads beyond its options, as plain data to key its
 * page on (`KeyedFile`): the base URL, the digests of the snapshots it is
 * worked out from (their JSON holds every field of every row), the registry's
 * facts of each model it may list, the organizations' renames (and their
 * pages, where it links them).
 */
export function rowsInputs(ctx: Context, snapshots: readonly (ReconciledSnapshot | undefined)[], models: readonly string[], linked: boolean): Record<string, unknown> {
  return {
    base: ctx.base,
    snapshots: snapshots.map((s) => (s ? snapshotDigest(s) : null)),
    facts: models.map((m) => factsKey(ctx, m)),
    organizations: organizationsKey(ctx, linked)
  }
}

/** Everything `standingsTable` reads: its options, the snapshot and the one before (`rowsInputs`). */
export function standingsInputs(ctx: Context, snapshot: ReconciledSnapshot, previous: ReconciledSnapshot | undefined, options: StandingsOptions): unknown {
  return { options, ...rowsInputs(ctx, [snapshot, previous], snapshot.rows.map((r) => r.model), options.organizationLinks ?? true) }
}

/** Filter choices for the tables of a page: organizations, licenses, whether open weights are known. */
/** A choice of a filter's list: its text, and a `value` only where the text alone would not give it (an option's value is its text with the white space collapsed). */
export interface FilterOption {
  text: string
  value?: string
}

export interface Filters {
  organizations: FilterOption[]
  licenses: FilterOption[]
  open: boolean
}

/** What `<option>TEXT</option>` submits: the text, its white space stripped and collapsed (HTML). */
function optionValue(text: string): string {
  return text.replace(/[\t\n\f\r ]+/g, ' ').replace(/^ | $/g, '')
}

function option(text: string): FilterOption {
  return optionValue(text) === text ? { text } : { text, value: text }
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
  return { organizations: [...orgs].sort(byName).map(option), licenses: [...licenses].sort(byName).map(option), open }
}
