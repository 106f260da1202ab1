import { compareText } from '../core/compare.js'
import { nearestChanges } from '../model/diffs.js'
import type { SiteModel } from '../model/site.js'
import type { Registry } from '../registry/types.js'
import { badgeJson, badgeSvg } from './badge.js'
import { boardsJson, diffJson, historyDigest, modelHistoryCsv, modelsJson, snapshotCsv, snapshotData, snapshotDigest, snapshotRowsJson } from './data.js'
import { atomFeed, boardFeed, historyFeeds, modelFeed, sitemap } from './feed.js'
import { absoluteUrl, pageFile, paths, type BaseUrl } from './urls.js'
import { snapshotPage, snapshotView, snapshotYears, yearView } from './view-board.js'
import { compareFormView, compareView } from './view-compare.js'
import { diffPage } from './view-diff.js'
import { hasFrontier } from './view-history.js'
import { homeView } from './view-home.js'
import { layoutView } from './view-layout.js'
import { modelPage } from './view-model.js'
import { boardFrontierView, modelsView, movedOrganizationView, organizationView, organizationsView } from './view-models.js'
import { qualityPartView, qualityView } from './view-quality.js'
import { link, type Context } from './view-table.js'
import { contentOf, type SiteEntry, type SiteFile } from '../core/site-file.js'
import { createEta, readAsset, renderDigest, templatesDir } from './eta.js'
import { digest } from '../core/digest.js'

export type { SiteEntry, SiteFile }

/**
 * A page known by what it is made from (`snapshotPage`, `diffPage`): those
 * inputs as plain data, keying it as a file (`KeyedFile`), and its view,
 * made only when the page must be rendered.
 */
interface KeyedPage {
  inputs: () => unknown
  view: () => object
}

type PageJob = {
  path: string
  template: string
  lastmod?: string
  /** Listed in the sitemap (default): not a page that only says where another is. */
  sitemap?: false
} & (
  | { view: () => object }
  /** A keyed page, made when it is written: nothing of it (its frame) is kept once the writer has it. */
  | { page: () => KeyedPage }
)

export interface RenderOptions {
  base: BaseUrl
  /** The registry as published (`models.json`). */
  registry: Registry
  templates?: string
  /** Called after each page, for a progress bar. */
  onProgress?: (done: number, total: number) => void
}

/**
 * Every page of the site, in a stable order, made as it is taken: a page's
 * job is let go once it is written (a year of daily data ahead: 11,000 jobs,
 * 2 MiB of heap held to the end when they were made at once).
 */
function* pageJobs(ctx: Context): Generator<PageJob> {
  const { site } = ctx
  yield { path: paths.home(), template: 'home', view: () => homeView(ctx), lastmod: site.today }
  yield { path: paths.models(), template: 'models', view: () => modelsView(ctx) }
  yield { path: paths.organizations(), template: 'models', view: () => organizationsView(ctx) }
  yield { path: paths.quality(), template: 'quality', view: () => qualityView(ctx) }
  for (const [i, p] of site.quality.parts.entries()) yield { path: paths.qualityPart(p.source, p.month), template: 'quality-part', view: () => qualityPartView(ctx, i) }
  for (const board of site.boards) {
    yield { path: paths.board(board.id), template: 'snapshot', view: () => snapshotView(ctx, board, board.latest, true), lastmod: board.latest.date }
    for (const s of board.snapshots) yield { path: paths.snapshot(board.id, s.date), template: 'snapshot', page: () => snapshotPage(ctx, board, s, false), lastmod: s.date }
    for (const { year, indexes } of snapshotYears(board)) yield { path: paths.boardYear(board.id, year), template: 'year', view: () => yearView(ctx, board, year), lastmod: board.snapshots[indexes.at(-1)!]!.date }
    const diffs = site.diffs.get(board.id) ?? []
    const nearest = nearestChanges(diffs)
    for (const [i, d] of diffs.entries()) {
      yield { path: paths.diff(board.id, d.from, d.to), template: 'diff', page: () => diffPage(ctx, board, d, i, diffs, { before: board.snapshots[i]!, after: board.snapshots[i + 1]! }, { nearest: nearest[i] }), lastmod: d.to }
    }
    yield { path: paths.compare(board.id), template: 'compare', view: () => compareFormView(ctx, board), lastmod: board.latest.date }
    if (hasFrontier(ctx, board)) yield { path: paths.boardFrontier(board.id), template: 'frontier', view: () => boardFrontierView(ctx, board)!, lastmod: board.latest.date }
    for (const [i, { span }] of (site.history.get(board.id)?.spans ?? []).entries()) yield { path: paths.compareSpan(board.id, span.id), template: 'diff', view: () => compareView(ctx, board, i), lastmod: span.to }
  }
  for (const model of site.models) yield { path: paths.model(model.id), template: 'model', page: () => modelPage(ctx, model) }
  for (const org of site.organizations) yield { path: paths.organization(org.slug), template: 'models', view: () => organizationView(ctx, org) }
  for (const org of site.organizations) {
    for (const moved of org.moved) yield { path: paths.organization(moved.slug), template: 'moved', view: () => movedOrganizationView(ctx, org, moved.former), sitemap: false }
  }
}

/** How many pages `pageJobs` makes. */
function countJobs(ctx: Context): number {
  let count = 0
  for (const _ of pageJobs(ctx)) count++
  return count
}

/** The site to write: how many files, and the files themselves, each rendered when it is taken. */
export interface RenderedSite {
  total: number
  files: Iterable<SiteEntry>
}

/**
 * Render the whole site: pages, data files, feed, sitemap, assets. Pure but
 * for reading templates. Lazy: a page is rendered when the writer takes it, so
 * the site is never in memory at once.
 */
export function renderSite(site: SiteModel, options: RenderOptions): RenderedSite {
  const views = options.templates ?? templatesDir
  const feeds = historyFeeds(site, options.base)
  const ctx: Context = { base: options.base, site, ...(feeds ? { feeds } : {}) }
  const pages = countJobs(ctx)
  const data = site.boards.reduce((n, b) => n + 2 * b.snapshots.length + (site.diffs.get(b.id)?.length ?? 0) + 2 * badgeModels(b).length, 0)
  // 404, three assets, boards.json, models.json; feed and sitemap with an absolute base URL
  const fixed = 6 + (options.base.absolute ? 2 : 0)
  const histories = site.models.filter((m) => site.histories.has(m.id)).length
  const feedFiles = feeds ? feeds.boards.size + feeds.models.size : 0
  return { total: pages + fixed + data + histories + feedFiles, files: files(site, options, views, ctx, pages) }
}

/** The rows of a board's latest snapshot that get a badge: one per model. */
function badgeModels(board: SiteModel['boards'][number]) {
  const seen = new Set<string>()
  return board.latest.rows.filter((r) => !seen.has(r.model) && seen.add(r.model))
}

function* files(site: SiteModel, options: RenderOptions, views: string, ctx: Context, pages: number): Generator<SiteEntry> {
  const eta = createEta(views)
  // A keyed file's key: the renderer's code and templates, what the file is, what it is made from.
  const code = renderDigest(views)
  const keyOf = (kind: string, inputs: unknown) => digest(code, '\0', kind, '\0', JSON.stringify(inputs)).slice(0, 32)
  // The snapshots' JSON first: each page cites the sha256 of its snapshot's file, remembered as it is written.
  for (const board of site.boards) {
    // The rows' part of the JSON, made once for a run of days with the same rows.
    let rows: string | undefined
    for (const s of board.snapshots) {
      if (!board.unchangedSince.has(s.date)) rows = undefined
      const json = snapshotData(s, (rows ??= snapshotRowsJson(s)))
      yield { path: paths.snapshotData(board.id, s.date), key: `sha256:${snapshotDigest(s)}`, render: () => json }
    }
  }
  let done = 0
  for (const job of pageJobs(ctx)) {
    if ('page' in job) {
      const page = job.page()
      yield { path: pageFile(job.path), key: keyOf(job.template, page.inputs()), render: () => eta.render(job.template, page.view()) }
    } else yield { path: pageFile(job.path), content: eta.render(job.template, job.view()) }
    options.onProgress?.(++done, pages)
  }
  const notFound = { layout: layoutView(ctx, { title: 'Page not found', description: 'There is no page at this address.', section: 'none' }), models: link(ctx, paths.models()) }
  yield { path: paths.notFound(), content: eta.render('404', notFound) }
  yield { path: paths.css(), content: readAsset('site.css', views) }
  yield { path: paths.js(), content: readAsset('site.js', views) }
  yield { path: paths.icon(), content: readAsset('icon.svg', views) }
  yield { path: paths.boardsData(), content: boardsJson(site.boards) }
  yield { path: paths.modelsData(), content: modelsJson(options.registry) }
  for (const board of site.boards) {
    // A day that repeats the rows of the day before has that day's CSV (the CSV holds nothing but the rows,
    // every field of which is in the JSON: keyed on the JSON's digest).
    let run: { date: string; key: string; csv: () => string } | undefined
    for (const s of board.snapshots) {
      const since = board.unchangedSince.get(s.date)
      if (since === undefined || since !== run?.date) {
        let csv: string | undefined
        run = { date: s.date, key: keyOf('csv', snapshotDigest(s)), csv: () => (csv ??= snapshotCsv(s)) }
      }
      yield { path: paths.snapshotCsv(board.id, s.date), key: run.key, render: run.csv }
    }
    // A diff is worked out from its two snapshots' rows alone (`diffSnapshots`): keyed on their JSON's digests.
    for (const [i, d] of (site.diffs.get(board.id) ?? []).entries()) {
      const key = keyOf('diff-json', [snapshotDigest(board.snapshots[i]!), snapshotDigest(board.snapshots[i + 1]!)])
      yield { path: paths.diffData(board.id, d.from, d.to), key, render: () => diffJson(d) }
    }
    for (const row of badgeModels(board)) {
      const badge = { boardTitle: board.title, rank: row.rank, href: absoluteUrl(options.base, paths.model(row.model)), modelName: row.name }
      yield { path: paths.badge(board.id, row.model), content: badgeSvg(badge) }
      yield { path: paths.badgeData(board.id, row.model), content: badgeJson(badge) }
    }
  }
  for (const m of site.models) {
    const history = site.histories.get(m.id)
    // Made from the model's points alone: most models have none on a new day, and their file is kept.
    if (history) yield { path: paths.modelData(m.id), key: keyOf('model-csv', historyDigest(history)), render: () => modelHistoryCsv(history) }
  }
  if (ctx.feeds) {
    for (const board of site.boards) yield { path: paths.boardFeed(board.id), content: boardFeed(site, options.base, board, ctx.feeds.boards.get(board.id) ?? []) }
    for (const [id, entries] of ctx.feeds.models) yield { path: paths.modelFeed(id), content: modelFeed(site, options.base, id, entries) }
  }
  const feed = atomFeed(site, options.base)
  if (feed !== undefined) yield { path: paths.feed(), content: feed }
  // The pages listed once more, without their views (with a base URL: a sitemap needs absolute addresses).
  const listed: { path: string; lastmod?: string }[] = []
  if (options.base.absolute) for (const job of pageJobs(ctx)) if (job.sitemap !== false) listed.push({ path: job.path, ...(job.lastmod !== undefined ? { lastmod: job.lastmod } : {}) })
  const map = sitemap(options.base, listed)
  if (map !== undefined) yield { path: paths.sitemap(), content: map }
}

/** Every file of the site at once, each rendered, sorted by path (for tests and small sites). */
export function renderAll(site: SiteModel, options: RenderOptions): SiteFile[] {
  return [...renderSite(site, options).files].map((f) => ({ path: f.path, content: contentOf(f) })).sort((a, b) => compareText(a.path, b.path))
}
