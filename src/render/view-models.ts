import { frontierView, type FrontierView } from './view-history.js'
import { compareBoards, type Board } from '../model/boards.js'
import type { Organization } from '../model/organizations.js'
import type { RegistryModel } from '../registry/types.js'
import { boardTitle } from '../core/sources.js'
import { compareText } from '../core/compare.js'
import { count, formatNumber } from '../core/text.js'
import { paths } from './urls.js'
import { layoutView, type LayoutView } from './view-layout.js'
import { filtersFor, licenseCell, link, modelCell, modelFacts, modelRow, notListed, numberCell, organizationCell, type Context, type Filters, type Table } from './view-table.js'

export interface ModelsView {
  layout: LayoutView
  heading: string
  intro: string
  table: Table
  filters: Filters
  json?: string
  /** The organizations page: each board's frontier and open-weights gap. */
  frontiers?: FrontierView[]
}

/** A board named as standing now: with the date of its newest snapshot when it is stale (that is not now). */
function boardNow(board: Board): string {
  return board.stale ? `${board.title} (as of ${board.latest.date})` : board.title
}

/** Each board's newest snapshot as model → rank (its first row of the model), made once per board: boards are never mutated. */
const latestRanks = new WeakMap<Board, Map<string, number>>()

function latestRank(board: Board, model: string): number | undefined {
  let ranks = latestRanks.get(board)
  if (!ranks) {
    ranks = new Map()
    for (const r of board.latest.rows) if (!ranks.has(r.model)) ranks.set(r.model, r.rank)
    latestRanks.set(board, ranks)
  }
  return ranks.get(model)
}

/** Where a model stands now: `LMArena Text #2, SEAL Math (as of 2024-05-13) #1` (boards it is on in their newest snapshot). */
function currentPlaces(ctx: Context, model: RegistryModel): { text: string; count: number } {
  const places: string[] = []
  for (const board of ctx.site.boards) {
    const rank = latestRank(board, model.id)
    if (rank !== undefined) places.push(`${boardNow(board)} #${rank}`)
  }
  return { text: places.join(', '), count: places.length }
}

/**
 * Models a table of models lists at most (the models index, an organization's
 * page): the real history has 509 (a page of 135 KB, 265 bytes a model); a
 * store of 20,000 made an index of 4.3 MB. Those seen on a board most recently
 * are listed, the others counted, and `models.json` lists every one.
 */
export const MAX_MODEL_ROWS = 1000

/** The model's best rank on any board; undefined when it is on none. */
function bestRank(model: RegistryModel): number | undefined {
  const ranks = Object.values(model.boards).map((b) => b.bestRank)
  return ranks.length ? Math.min(...ranks) : undefined
}

/** The newest date the model is on a board. */
function lastSeen(model: RegistryModel): string {
  let last = ''
  for (const presence of Object.values(model.boards)) if (presence.last > last) last = presence.last
  return last
}

/** At most `max` of the models, in their order: those seen on a board most recently (then the best ranked, then by id). */
function recentModels(models: readonly RegistryModel[], max: number): { shown: RegistryModel[]; before?: string } {
  if (models.length <= max) return { shown: [...models] }
  const ranked = models.map((m, i) => ({ m, i, last: lastSeen(m), best: bestRank(m) ?? Infinity }))
  ranked.sort((a, b) => (a.last === b.last ? a.best - b.best || compareText(a.m.id, b.m.id) : a.last < b.last ? 1 : -1))
  const before = ranked.slice(max).reduce((latest, r) => (r.last > latest ? r.last : latest), '')
  return { shown: ranked.slice(0, max).sort((a, b) => a.i - b.i).map((r) => r.m), before }
}

/**
 * A table of models: name, organization, license, where they stand now, best
 * rank ever. An organization's page leaves the organization out (`organization:
 * false`): it would be the same on every row.
 */
export function modelsTable(ctx: Context, all: readonly RegistryModel[], id: string, caption: string, options: { organization?: boolean } = {}): Table {
  const withOrganization = options.organization !== false
  const { shown: models, before } = recentModels(all, MAX_MODEL_ROWS)
  const left = all.length - models.length
  return {
    id,
    caption: left ? `${caption}: the ${formatNumber(models.length)} seen on a board most recently` : caption,
    columns: [
      { key: 'model', label: 'Model', rowHeader: true },
      ...(withOrganization ? [{ key: 'organization', label: 'Organization' }] : []),
      { key: 'license', label: 'License' },
      { key: 'now', label: 'Current places', wide: true },
      { key: 'boards', label: 'Boards', numeric: true },
      { key: 'best', label: 'Best rank', numeric: true }
    ],
    rows: models.map((m) => {
      const f = modelFacts(ctx, m.id)
      const now = currentPlaces(ctx, m)
      return modelRow(f, [
        modelCell(ctx, m.id, m.name),
        ...(withOrganization ? [organizationCell(ctx, f.organization)] : []),
        licenseCell(f.license, f.open),
        { text: now.text || 'none', sort: now.count },
        numberCell(Object.keys(m.boards).length),
        numberCell(bestRank(m))
      ])
    }),
    empty: 'No models.',
    notes: [],
    ...(left ? { more: notListed(`${count(left, 'more model')}${before ? `, none on a board after ${before},` : ''}`, left, [{ label: 'models.json', href: link(ctx, paths.modelsData()) }]) } : {})
  }
}

export function modelsView(ctx: Context): ModelsView {
  const table = modelsTable(ctx, ctx.site.models, 'models', `All ${ctx.site.models.length} models`)
  return {
    layout: layoutView(ctx, {
      title: 'Models',
      description: `Every model seen on ${ctx.site.boards.length} leaderboards, with organization, license and best rank.`,
      section: 'models',
      crumbs: [{ label: 'Models' }]
    }),
    heading: 'Models',
    intro: `Every model seen on any board, under one name per model: spellings that differ between boards and days are aliases of it.`,
    table,
    filters: filtersFor([table]),
    json: link(ctx, paths.modelsData())
  }
}

export function organizationsView(ctx: Context): ModelsView {
  const orgs = ctx.site.organizations
  const table: Table = {
    id: 'organizations',
    caption: `${orgs.length} organizations`,
    columns: [
      { key: 'organization', label: 'Organization', rowHeader: true },
      { key: 'models', label: 'Models', numeric: true },
      { key: 'boards', label: 'Boards led now' }
    ],
    rows: orgs.map((o) => {
      const leads = ctx.site.boards.filter((b) => {
        const top = b.latest.rows[0]
        return top && ctx.site.modelsById.get(top.model)?.organization === o.name
      })
      return {
        org: o.name,
        license: '',
        open: '',
        search: o.formerly.map((f) => f.name.toLowerCase()).join(' '),
        cells: [
          { text: o.name, href: link(ctx, paths.organization(o.slug)), ...(o.formerly.length ? { badge: `formerly ${o.formerly.map((f) => f.name).join(', ')}` } : {}) },
          numberCell(o.models.length),
          { text: leads.map(boardNow).join(', ') }
        ]
      }
    }),
    empty: 'No organizations.',
    notes: []
  }
  return {
    layout: layoutView(ctx, { title: 'Organizations', description: `The ${orgs.length} organizations behind the models on the boards.`, section: 'organizations', crumbs: [{ label: 'Organizations' }] }),
    heading: 'Organizations',
    intro: 'Organizations as the boards name them, spellings reconciled; one the boards renamed is listed under its new name.',
    table,
    filters: { organizations: [], licenses: [], open: false },
    frontiers: ctx.site.boards.flatMap((b) => frontierView(ctx, b, link(ctx, paths.board(b.id)), { recent: true }) ?? [])
  }
}

export function organizationView(ctx: Context, org: Organization): ModelsView {
  const models = org.models.map((id) => ctx.site.modelsById.get(id)).filter((m): m is RegistryModel => !!m)
  const table = modelsTable(ctx, models, 'models', `${models.length} models by ${org.name}`, { organization: false })
  const boards = [...new Set(models.flatMap((m) => Object.keys(m.boards)))].sort(compareBoards)
  return {
    layout: layoutView(ctx, {
      title: org.name,
      description: `${models.length} models by ${org.name} on ${boards.length} leaderboards.`,
      section: 'organizations',
      crumbs: [{ label: 'Organizations', href: link(ctx, paths.organizations()) }, { label: org.name }]
    }),
    heading: org.name,
    intro: `${models.length} model${models.length === 1 ? '' : 's'} by ${org.name}${boards.length ? `, seen on ${boards.map(boardTitle).join(', ')}` : ''}.${org.formerly.map((f) => ` The boards credited it as ${f.name} until ${f.until}, and by its new name from ${f.since} on (the snapshot pages and their data keep the name each row was published with).`).join('')}`,
    table,
    filters: { ...filtersFor([table]), organizations: [] }
  }
}

/** A board's frontier over its whole history: the best score per organization and the open-weights gap, every stretch of days. */
export interface BoardFrontierView {
  layout: LayoutView
  heading: string
  frontier: FrontierView
}

export function boardFrontierView(ctx: Context, board: Board): BoardFrontierView | undefined {
  const frontier = frontierView(ctx, board, link(ctx, paths.board(board.id)))
  if (!frontier) return undefined
  return {
    layout: layoutView(ctx, {
      title: `${board.title}: organizations over time`,
      description: `The best score of each organization on ${board.title} over its whole history, and the gap between the best open-weights and the best proprietary model.`,
      section: 'organizations',
      crumbs: [{ label: 'Organizations', href: link(ctx, paths.organizations()) }, { label: board.title, href: link(ctx, paths.board(board.id)) }, { label: 'Organizations over time' }]
    }),
    heading: `${board.title}: organizations over time`,
    frontier
  }
}

/** The page at an address a former name gave an organization: where it is now. */
export interface MovedView {
  layout: LayoutView
  heading: string
  text: string
  href: string
  linkText: string
}

export function movedOrganizationView(ctx: Context, org: Organization, former: Organization['formerly'][number]): MovedView {
  const heading = `${former.name} is now ${org.name}`
  return {
    layout: layoutView(ctx, {
      title: heading,
      description: `The boards credit the models of ${former.name} to ${org.name} since ${former.since}.`,
      section: 'organizations',
      crumbs: [{ label: 'Organizations', href: link(ctx, paths.organizations()) }, { label: former.name }]
    }),
    heading,
    text: `The boards credited models to ${former.name} until ${former.until}, and to ${org.name} from ${former.since} on: one organization, renamed.`,
    href: link(ctx, paths.organization(org.slug)),
    linkText: `The ${org.models.length} model${org.models.length === 1 ? '' : 's'} of ${org.name}`
  }
}
