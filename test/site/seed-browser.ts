/// <reference lib="dom" />
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import type { SiteFile } from '../../src/core/site-file.js'
import { repoRoot, run, seedStore, tempDir } from './helpers.js'
import { serve } from './serve.js'

/** Where the seed site is served: under a sub-path, like a GitHub Pages project site. */
export const prefix = '/leaderlog/'

const axePath = path.join(repoRoot, 'node_modules/axe-core/axe.min.js')

export interface SeedSite {
  work: string
  server: Awaited<ReturnType<typeof serve>>
  browser: Browser
  /** A desktop context (1280 × 900). */
  context: BrowserContext
}

/** Debian's Chromium, headless, with a fresh temporary profile and no background network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
}

/**
 * The seed site built once into a temporary directory, served on 127.0.0.1
 * under `prefix`, and Debian's Chromium driven by playwright-core (a fresh
 * temporary profile of its own). `open` records every console error, script
 * error, failed request and origin a page talks to in `problems` and `origins`.
 */
export function seedBrowser(name: string) {
  let site: SeedSite | undefined
  const problems: string[] = []
  const origins = new Set<string>()
  return {
    problems,
    origins,
    async start(): Promise<SeedSite> {
      const work = await tempDir(name)
      const built = await run(['build', '--snapshots', await seedStore(), '--out', path.join(work, 'dist'), '--base-url', prefix])
      if (built.code !== 0) throw new Error(built.err)
      const server = await serve(path.join(work, 'dist'), prefix)
      const browser = await launchChromium()
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
      return (site = { work, server, browser, context })
    },
    async close(): Promise<void> {
      await site?.context.close()
      await site?.browser.close()
      await site?.server.close()
      if (site) await rm(site.work, { recursive: true, force: true })
    },
    /** Open `url` (relative to the site) in `ctx`; `missing` when the page is expected not to exist (404). */
    async open(url: string, ctx?: BrowserContext, missing = false): Promise<Page> {
      const page = await (ctx ?? site!.context).newPage()
      page.on('console', (m) => {
        // A page that does not exist is reported by the browser as a failed load: expected there.
        if (missing && /status of 404/.test(m.text())) return
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()} on ${page.url()}: ${m.text()}`)
      })
      page.on('pageerror', (e) => problems.push(`page error on ${page.url()}: ${e.message}`))
      page.on('requestfailed', (r) => {
        // ERR_ABORTED: the test navigated or closed the page while it loaded (e.g. the icon); HTTP errors are caught below.
        if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`)
      })
      page.on('request', (r) => origins.add(new URL(r.url()).origin))
      page.on('response', (r) => {
        if (missing && r.request().isNavigationRequest() && r.status() === 404) return
        if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`)
      })
      await page.goto(new URL(url, site!.server.url).href)
      return page
    }
  }
}

/** axe-core's violations on a page, as `rule: targets`. */
export async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath })
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o?: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe
    return axe.run({ resultTypes: ['violations'] })
  })
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/**
 * Rendered files (a fixture site) written to a temporary directory, served on
 * 127.0.0.1 at `/`, and Debian's Chromium; `close` stops both and removes the
 * directory.
 */
export async function browseFiles(name: string, files: readonly SiteFile[]): Promise<{ server: Awaited<ReturnType<typeof serve>>; browser: Browser; close: () => Promise<void> }> {
  const work = await tempDir(name)
  for (const f of files) {
    await mkdir(path.dirname(path.join(work, f.path)), { recursive: true })
    await writeFile(path.join(work, f.path), f.content)
  }
  const server = await serve(work)
  const browser = await launchChromium()
  return {
    server,
    browser,
    async close() {
      await browser.close()
      await server.close()
      await rm(work, { recursive: true, force: true })
    }
  }
}

/**
 * In the enclosing `describe`: `files()` (rendered by an earlier `beforeAll`)
 * served and browsed with Chromium (`browseFiles`), opened before the suite's
 * tests and closed after them. `page()` opens a page that records its script
 * errors in `errors`.
 */
export function browseFilesInSuite(name: string, files: () => readonly SiteFile[]): { page: () => Promise<{ page: Page; errors: string[] }>; url: (sitePath: string) => string } {
  let opened: Awaited<ReturnType<typeof browseFiles>> | undefined
  beforeAll(async () => {
    opened = await browseFiles(name, files())
  }, 60_000)
  afterAll(async () => {
    await opened?.close()
  })
  return {
    async page() {
      const page = await opened!.browser.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      return { page, errors }
    },
    url: (sitePath) => new URL(sitePath, opened!.server.url).href
  }
}
