import { paths } from './urls.js'
import { link, type Context } from './view-table.js'

export interface Crumb {
  label: string
  href?: string
}

/** What every page's frame shows. */
export interface LayoutView {
  title: string
  description: string
  css: string
  js: string
  /** The Atom feed, when the site has one (it needs an absolute base URL). */
  feed?: string
  /** Feeds of this page's board or model (absolute base URL only). */
  feeds: { title: string; href: string }[]
  home: string
  icon: string
  data: string
  models: string
  nav: { label: string; href: string; current: boolean }[]
  crumbs: Crumb[]
}

type Section = 'boards' | 'models' | 'organizations' | 'quality' | 'none'

export function layoutView(ctx: Context, options: { title: string; description: string; section: Section; crumbs?: Crumb[]; feeds?: { title: string; href: string }[] }): LayoutView {
  const items: [Section, string, string][] = [
    ['boards', 'Boards', paths.home()],
    ['models', 'Models', paths.models()],
    ['organizations', 'Organizations', paths.organizations()],
    ['quality', 'Data quality', paths.quality()]
  ]
  return {
    title: options.title,
    description: options.description,
    css: link(ctx, paths.css()),
    js: link(ctx, paths.js()),
    ...(ctx.base.absolute ? { feed: link(ctx, paths.feed()) } : {}),
    home: link(ctx, paths.home()),
    icon: link(ctx, paths.icon()),
    data: link(ctx, paths.boardsData()),
    models: link(ctx, paths.modelsData()),
    nav: items.map(([section, label, p]) => ({ label, href: link(ctx, p), current: section === options.section })),
    crumbs: options.crumbs ?? [],
    feeds: ctx.base.absolute ? (options.feeds ?? []) : []
  }
}
