/**
 * Where every page and data file lives, relative to the site root. Pages are
 * directories with an `index.html`, so URLs stay clean on any static host.
 */
export const paths = {
  home: () => '',
  board: (board: string) => `boards/${board}/`,
  snapshot: (board: string, date: string) => `boards/${board}/${date}/`,
  boardYear: (board: string, year: string) => `boards/${board}/${year}/`,
  boardFrontier: (board: string) => `boards/${board}/frontier/`,
  diff: (board: string, from: string, to: string) => `boards/${board}/diff/${from}_${to}/`,
  compare: (board: string) => `boards/${board}/compare/`,
  compareSpan: (board: string, span: string) => `boards/${board}/compare/${span}/`,
  boardFeed: (board: string) => `boards/${board}/feed.xml`,
  models: () => 'models/',
  modelFeed: (id: string) => `models/${id}/feed.xml`,
  modelData: (id: string) => `data/models/${id}.csv`,
  badge: (board: string, id: string) => `badges/${board}/${id}.svg`,
  badgeData: (board: string, id: string) => `badges/${board}/${id}.json`,
  model: (id: string) => `models/${id}/`,
  organizations: () => 'organizations/',
  organization: (slug: string) => `organizations/${slug}/`,
  quality: () => 'data-quality/',
  qualityPart: (source: string, month: string) => (month ? `data-quality/${source}/${month}/` : `data-quality/${source}/`),
  notFound: () => '404.html',
  css: () => 'assets/site.css',
  js: () => 'assets/site.js',
  icon: () => 'assets/icon.svg',
  feed: () => 'feed.xml',
  sitemap: () => 'sitemap.xml',
  boardsData: () => 'data/boards.json',
  modelsData: () => 'data/models.json',
  snapshotData: (board: string, date: string) => `data/${board}/${date}.json`,
  snapshotCsv: (board: string, date: string) => `data/${board}/${date}.csv`,
  diffData: (board: string, from: string, to: string) => `data/${board}/diff/${from}_${to}.json`
}

/** The output file of a page path: directories get an `index.html`. */
export function pageFile(pagePath: string): string {
  return pagePath === '' || pagePath.endsWith('/') ? pagePath + 'index.html' : pagePath
}

export interface BaseUrl {
  /** Path prefix of every link, starting and ending with `/` (e.g. `/leaderlog/`). */
  path: string
  /** Absolute site URL ending with `/`, when one was given (needed by the feed and sitemap). */
  absolute?: string
}

/**
 * Parse `--base-url`: a path (`/leaderlog/`) or an absolute http(s) URL
 * (`https://example.github.io/leaderlog/`). Throws on anything else.
 */
export function parseBaseUrl(value: string | undefined): BaseUrl {
  if (value === undefined || value === '' || value === '/') return { path: '/' }
  if (/^https?:\/\//i.test(value)) {
    let url: URL
    try {
      url = new URL(value)
    } catch {
      throw new Error(`Invalid --base-url \`${value}\`: expected an http(s) URL or a path like \`/leaderlog/\``)
    }
    if (url.search || url.hash) throw new Error(`Invalid --base-url \`${value}\`: expected no query or fragment`)
    const path = url.pathname.endsWith('/') ? url.pathname : url.pathname + '/'
    return { path, absolute: url.origin + path }
  }
  // `//host/` is protocol-relative: another host, not a path.
  if (!value.startsWith('/') || value.startsWith('//') || /[\s?#"'<>\\]/.test(value)) {
    throw new Error(`Invalid --base-url \`${value}\`: expected an http(s) URL or a path like \`/leaderlog/\``)
  }
  return { path: value.endsWith('/') ? value : value + '/' }
}

/** Link to a site path under the base path. */
export function href(base: BaseUrl, sitePath: string): string {
  return base.path + sitePath
}

/** Absolute URL of a site path (or the base-path link when no absolute URL is known). */
export function absoluteUrl(base: BaseUrl, sitePath: string): string {
  return (base.absolute ?? base.path) + sitePath
}
