import { compareText } from '../core/compare.js'
import type { SiteModel } from '../model/site.js'
import type { Registry } from '../registry/types.js'
import { boardsJson, diffJson, modelsJson, snapshotCsv, snapshotJson } from './data.js'
import { createEta, readAsset, templatesDir } from './eta.js'
import { atomFeed, sitemap } from './feed.js'
import { pageFile, paths, type BaseUrl } from './urls.js'
import { snapshotView } from './view-board.js'
import { diffView } from './view-diff.js'
import { homeView } from './view-home.js'
import { layoutView } from './view-layout.js'
import { modelView } from './view-model.js'
import { modelsView, organizationView, organizationsView } from './view-models.js'
import { qualityView } from './view-quality.js'
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
  for (const board of site.boards) {
    jobs.push({ path: paths.board(board.id), template: 'snapshot', view: () => snapshotView(ctx, board, board.latest, true), lastmod: board.latest.date })
    for (const s of board.snapshots) jobs.push({ path: paths.snapshot(board.id, s.date), template: 'snapshot', view: () => snapshotView(ctx, board, s, false), lastmod: s.date })
    const diffs = site.diffs.get(board.id) ?? []
    diffs.forEach((d, i) => jobs.push({ path: paths.diff(board.id, d.from, d.to), template: 'diff', view: () => diffView(ctx, board, d, i, diffs), lastmod: d.to }))
  }
  for (const model of site.models) jobs.push({ path: paths.model(model.id), template: 'model', view: () => modelView(ctx, model) })
  for (const org of site.organizations) jobs.push({ path: paths.organization(org.slug), template: 'models', view: () => organizationView(ctx, org) })
  return jobs
}

/** Render the whole site: pages, data files, feed, sitemap, assets. Pure but for reading templates. */
export function renderSite(site: SiteModel, options: RenderOptions): OutputFile[] {
  const views = options.templates ?? templatesDir
  const eta = createEta(views)
  const ctx: Context = { base: options.base, site }
  const files: OutputFile[] = []
  const jobs = pageJobs(ctx)
  jobs.forEach((job, i) => {
    files.push({ path: pageFile(job.path), content: eta.render(job.template, job.view()) })
    options.onProgress?.(i + 1, jobs.length)
  })
  const notFound = { layout: layoutView(ctx, { title: 'Page not found', description: 'There is no page at this address.', section: 'none' }), models: link(ctx, paths.models()) }
  files.push({ path: paths.notFound(), content: eta.render('404', notFound) })
  files.push({ path: paths.css(), content: readAsset('site.css', views) })
  files.push({ path: paths.js(), content: readAsset('site.js', views) })
  files.push({ path: paths.icon(), content: readAsset('icon.svg', views) })
  files.push({ path: paths.boardsData(), content: boardsJson(site.boards) })
  files.push({ path: paths.modelsData(), content: modelsJson(options.registry) })
  for (const board of site.boards) {
    for (const s of board.snapshots) {
      files.push({ path: paths.snapshotData(board.id, s.date), content: snapshotJson(s) })
      files.push({ path: paths.snapshotCsv(board.id, s.date), content: snapshotCsv(s) })
    }
    for (const d of site.diffs.get(board.id) ?? []) files.push({ path: paths.diffData(board.id, d.from, d.to), content: diffJson(d) })
  }
  files.push({ path: paths.feed(), content: atomFeed(site, options.base) })
  files.push({ path: paths.sitemap(), content: sitemap(options.base, jobs.map((j) => ({ path: j.path, lastmod: j.lastmod }))) })
  return files.sort((a, b) => compareText(a.path, b.path))
}
