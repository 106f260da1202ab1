import { compareText } from '../core/compare.js'
import type { SiteModel } from '../model/site.js'
import type { Registry } from '../registry/types.js'
import { boardsJson, diffJson, modelsJson, snapshotCsv, snapshotJson } from './data.js'
import { createEta, readAsset, templatesDir } from './eta.js'
import { atomFeed, sitemap } from './feed.js'
import { pageFile, paths, type BaseUrl } from './urls.js'
import { snapshotView } from './view-board.js'
import { compareFormView, compareView } from './view-compare.js'
import { diffView } from './view-diff.js'
import { homeView } from './view-home.js'
import { layoutView } from './view-layout.js'
import { modelView } from './view-model.js'
import { modelsView, organizationView, organizationsView } from './view-models.js'
import { qualityPartView, qualityView } from './view-quality.js'
import { link, type Context } from './view-table.js'

/** One file of the site: a POSIX path relative to the output directory, and its bytes. */
export interface OutputFile {
  path: string
  content: string
}

interface PageJob {
  path: string
  template: string
  view: () => object
  lastmod?: string
}

export interface RenderOptions {
  base: BaseUrl
  /** The registry as published (`models.json`). */
  registry: Registry
  templates?: string
  /** Called after each page, for a progress bar. */
  onProgress?: (done: number, total: number) => void
}

/** Every page of the site, in a stable order. */
function pageJobs(ctx: Context): PageJob[] {
  const { site } = ctx
  const jobs: PageJob[] = [
    { path: paths.home(), template: 'home', view: () => homeView(ctx), lastmod: site.today },
    { path: paths.models(), template: 'models', view: () => modelsView(ctx) },
    { path: paths.organizations(), template: 'models', view: () => organizationsView(ctx) },
    { path: paths.quality(), template: 'quality', view: () => qualityView(ctx) }
  ]
  site.quality.parts.forEach((p, i) => jobs.push({ path: paths.qualityPart(p.source, p.month), template: 'quality-part', view: () => qualityPartView(ctx, i) }))
  for (const board of site.boards) {
    jobs.push({ path: paths.board(board.id), template: 'snapshot', view: () => snapshotView(ctx, board, board.latest, true), lastmod: board.latest.date })
    for (const s of board.snapshots) jobs.push({ path: paths.snapshot(board.id, s.date), template: 'snapshot', view: () => snapshotView(ctx, board, s, false), lastmod: s.date })
    const diffs = site.diffs.get(board.id) ?? []
    diffs.forEach((d, i) => jobs.push({ path: paths.diff(board.id, d.from, d.to), template: 'diff', view: () => diffView(ctx, board, d, i, diffs), lastmod: d.to }))
    jobs.push({ path: paths.compare(board.id), template: 'compare', view: () => compareFormView(ctx, board), lastmod: board.latest.date })
    ;(site.history.get(board.id)?.spans ?? []).forEach(({ span }, i) => jobs.push({ path: paths.compareSpan(board.id, span.id), template: 'diff', view: () => compareView(ctx, board, i), lastmod: span.to }))
  }
  for (const model of site.models) jobs.push({ path: paths.model(model.id), template: 'model', view: () => modelView(ctx, model) })
  for (const org of site.organizations) jobs.push({ path: paths.organization(org.slug), template: 'models', view: () => organizationView(ctx, org) })
  return jobs
}

/** The site to write: how many files, and the files themselves, each rendered when it is taken. */
export interface RenderedSite {
  total: number
  files: Iterable<OutputFile>
}

/**
 * Render the whole site: pages, data files, feed, sitemap, assets. Pure but
 * for reading templates. Lazy: a page is rendered when the writer takes it, so
 * the site is never in memory at once.
 */
export function renderSite(site: SiteModel, options: RenderOptions): RenderedSite {
  const views = options.templates ?? templatesDir
  const ctx: Context = { base: options.base, site }
  const jobs = pageJobs(ctx)
  const data = site.boards.reduce((n, b) => n + 2 * b.snapshots.length + (site.diffs.get(b.id)?.length ?? 0), 0)
  // 404, three assets, boards.json, models.json; feed and sitemap with an absolute base URL
  const fixed = 6 + (options.base.absolute ? 2 : 0)
  return { total: jobs.length + fixed + data, files: files(site, options, views, ctx, jobs) }
}

function* files(site: SiteModel, options: RenderOptions, views: string, ctx: Context, jobs: readonly PageJob[]): Generator<OutputFile> {
  const eta = createEta(views)
  for (const [i, job] of jobs.entries()) {
    yield { path: pageFile(job.path), content: eta.render(job.template, job.view()) }
    options.onProgress?.(i + 1, jobs.length)
  }
  const notFound = { layout: layoutView(ctx, { title: 'Page not found', description: 'There is no page at this address.', section: 'none' }), models: link(ctx, paths.models()) }
  yield { path: paths.notFound(), content: eta.render('404', notFound) }
  yield { path: paths.css(), content: readAsset('site.css', views) }
  yield { path: paths.js(), content: readAsset('site.js', views) }
  yield { path: paths.icon(), content: readAsset('icon.svg', views) }
  yield { path: paths.boardsData(), content: boardsJson(site.boards) }
  yield { path: paths.modelsData(), content: modelsJson(options.registry) }
  for (const board of site.boards) {
    for (const s of board.snapshots) {
      yield { path: paths.snapshotData(board.id, s.date), content: snapshotJson(s) }
      yield { path: paths.snapshotCsv(board.id, s.date), content: snapshotCsv(s) }
    }
    for (const d of site.diffs.get(board.id) ?? []) yield { path: paths.diffData(board.id, d.from, d.to), content: diffJson(d) }
  }
  const feed = atomFeed(site, options.base)
  if (feed !== undefined) yield { path: paths.feed(), content: feed }
  const map = sitemap(options.base, jobs.map((j) => ({ path: j.path, lastmod: j.lastmod })))
  if (map !== undefined) yield { path: paths.sitemap(), content: map }
}

/** Every file of the site at once, sorted by path (for tests and small sites). */
export function renderAll(site: SiteModel, options: RenderOptions): OutputFile[] {
  return [...renderSite(site, options).files].sort((a, b) => compareText(a.path, b.path))
}
