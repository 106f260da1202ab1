/// <reference lib="dom" />
import { cp, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run, seedStore } from './helpers.js'
import { axe, prefix, seedBrowser, type SeedSite } from './seed-browser.js'

// Browser tests: Debian's Chromium driven by playwright-core, against the seed
// site built once and served on 127.0.0.1 under a sub-path (like GitHub Pages).

const site = seedBrowser('browser')
const { problems, origins } = site
const open = site.open
let work: string
let server: SeedSite['server']
let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  ;({ work, server, browser, context } = await site.start())
}, 120_000)

afterAll(() => site.close())

async function heading(page: Page): Promise<string | undefined> {
  return (await page.locator('h1').textContent())?.replace(/\s+/g, ' ').trim()
}

/** Click a link and wait for the next page to load. */
async function follow(page: Page, link: Locator): Promise<void> {
  const target = await link.getAttribute('href')
  await Promise.all([page.waitForURL((u) => u.pathname === target), link.click()])
}

const visibleRows = (page: Page, table: string) => page.locator(`#${table} tbody tr:visible`)

/** What the script sorts a column by: a cell's `data-sort`, else its link's text or its text. */
async function column(page: Page, table: string, index: number): Promise<string[]> {
  return page.$$eval(
    `#${table} tbody tr:not([hidden])`,
    (rows, i) =>
      rows.map((r) => {
        const cell = (r as HTMLTableRowElement).cells[i]!
        return cell.getAttribute('data-sort') ?? (cell.querySelector('a')?.textContent ?? cell.textContent ?? '').trim()
      }),
    index
  )
}

const number = (text: string) => Number(text.replace(/,/g, ''))

describe('site in a browser', () => {
  it('navigates home → board → snapshot → diff → model', async () => {
    const page = await open('')
    expect(await heading(page)).toBe('LLM leaderboards, with history')
    await follow(page, page.locator('#h-lmarena-text a'))
    expect(new URL(page.url()).pathname).toBe(`${prefix}boards/lmarena-text/`)
    expect(await heading(page)).toBe('LMArena Text')
    await follow(page, page.locator('ul.history a', { hasText: '2025-11-18' }))
    expect(new URL(page.url()).pathname).toBe(`${prefix}boards/lmarena-text/2025-11-18/`)
    expect(await heading(page)).toBe('LMArena Text on 2025-11-18')
    await follow(page, page.locator('nav.pager a', { hasText: 'changes until 2025-11-20' }))
    expect(new URL(page.url()).pathname).toBe(`${prefix}boards/lmarena-text/diff/2025-11-18_2025-11-20/`)
    expect(await visibleRows(page, 'entered').count()).toBe(4)
    await follow(page, page.locator('#entered a', { hasText: 'gemini-3-pro' }))
    expect(new URL(page.url()).pathname).toBe(`${prefix}models/gemini-3-pro/`)
    expect(await heading(page)).toBe('gemini-3-pro')
    expect(await page.locator('svg.chart').count()).toBe(2)
    await page.close()
  }, 60_000)

  it('sorts a table by a column, both ways, and keeps the order in the URL', async () => {
    const page = await open('boards/lmarena-text/')
    const score = page.locator('#t-lmarena-text thead th[data-key="score"] button')
    await score.click()
    expect(await page.locator('#t-lmarena-text th[data-key="score"]').getAttribute('aria-sort')).toBe('ascending')
    const up = (await column(page, 't-lmarena-text', 3)).map(number)
    expect(up).toEqual([...up].sort((a, b) => a - b))
    expect(up[0]).toBeLessThan(up[up.length - 1]!)
    await score.click()
    expect(await page.locator('#t-lmarena-text th[data-key="score"]').getAttribute('aria-sort')).toBe('descending')
    const down = (await column(page, 't-lmarena-text', 3)).map(number)
    expect(down).toEqual([...down].sort((a, b) => b - a))
    expect(new URL(page.url()).searchParams.get('sort.t-lmarena-text')).toBe('-score')
    // A shared link restores the view.
    const shared = await open(`boards/lmarena-text/?sort.t-lmarena-text=model`)
    expect(await shared.locator('#t-lmarena-text th[data-key="model"]').getAttribute('aria-sort')).toBe('ascending')
    const names = (await column(shared, 't-lmarena-text', 2)).map((n) => n.toLowerCase())
    expect(names.length).toBe(270)
    expect(names).toEqual([...names].sort())
    await page.close()
    await shared.close()
  }, 60_000)

  it('filters by organization and license, searches, and shares the filter by URL', async () => {
    const page = await open('boards/lmarena-text/')
    expect(await visibleRows(page, 't-lmarena-text').count()).toBe(270)
    await page.selectOption('select[name="org"]', 'Anthropic')
    const orgs = await page.$$eval('#t-lmarena-text tbody tr:not([hidden])', (rows) => rows.map((r) => r.getAttribute('data-org')))
    expect(orgs.length).toBeGreaterThan(5)
    expect(new Set(orgs)).toEqual(new Set(['Anthropic']))
    expect((await page.locator('[data-filter-status]').textContent())?.trim()).toBe(`Showing ${orgs.length} of 270 rows.`)
    expect(new URL(page.url()).searchParams.get('org')).toBe('Anthropic')
    await page.fill('input[name="q"]', 'opus 4-1')
    const found = await page.$$eval('#t-lmarena-text tbody tr:not([hidden]) th a', (as) => as.map((a) => a.textContent))
    expect(found.length).toBeGreaterThan(0)
    for (const name of found) expect(name).toMatch(/opus-4-1/)
    expect(new URL(page.url()).searchParams.get('q')).toBe('opus 4-1')
    await page.click('button[type="reset"]')
    // The form resets after the click's event: wait for the rows to come back.
    await page.waitForFunction(() => document.querySelectorAll('#t-lmarena-text tbody tr[hidden]').length === 0)
    expect(await visibleRows(page, 't-lmarena-text').count()).toBe(270)
    expect(new URL(page.url()).search).toBe('')
    // License filter, from a shared link.
    const shared = await open('boards/lmarena-text/?license=MIT')
    expect(await shared.locator('select[name="license"]').inputValue()).toBe('MIT')
    const licenses = await shared.$$eval('#t-lmarena-text tbody tr:not([hidden])', (rows) => rows.map((r) => r.getAttribute('data-license')))
    expect(licenses.length).toBeGreaterThan(0)
    expect(licenses.length).toBeLessThan(270)
    expect(new Set(licenses)).toEqual(new Set(['MIT']))
    const open_ = shared.locator('input[name="open"]')
    if (await open_.count()) {
      await shared.goto(new URL('boards/lmarena-text/', server.url).href)
      await open_.check()
      const flags = await shared.$$eval('#t-lmarena-text tbody tr:not([hidden])', (rows) => rows.map((r) => r.getAttribute('data-open')))
      expect(flags.length).toBeGreaterThan(0)
      expect(new Set(flags)).toEqual(new Set(['yes']))
    }
    await page.close()
    await shared.close()
  }, 60_000)

  it('aligns text columns left and numbers right, from the column classes of the table', async () => {
    const page = await open('boards/lmarena-text/')
    const align = (selector: string) => page.$eval(selector, (el) => getComputedStyle(el).textAlign)
    const index = async (key: string) => 1 + (await page.$$eval('#t-lmarena-text thead th', (ths, k) => ths.findIndex((th) => th.getAttribute('data-key') === k), key))
    const cell = async (key: string) => `#t-lmarena-text tbody tr:first-child > :nth-child(${await index(key)})`
    expect(await align(await cell('organization'))).toBe('left')
    expect(await align(await cell('license'))).toBe('left')
    expect(await align(await cell('score'))).toBe('right')
    expect(await align(await cell('votes'))).toBe('right')
    // The name repairs of the data-quality page are text too.
    const quality = await open('data-quality/')
    if (await quality.locator('#repairs').count()) expect(await quality.$eval('#repairs tbody tr:first-child > :nth-child(3)', (el) => getComputedStyle(el).textAlign)).toBe('left')
    await page.close()
    await quality.close()
  })

  it('shows every table and link without JavaScript', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false })
    const page = await open('boards/lmarena-text/diff/2025-11-18_2025-11-20/', noJs)
    expect(await page.locator('form[data-filters]').isHidden()).toBe(true)
    // 266 models moved, most of them pushed down by the 4 that entered: the 253 moves of at most two places
    // against the models of both days, without a significant change, are counted, not listed.
    expect(await page.locator('#moved tbody tr').count()).toBe(13)
    expect(await page.locator('#h-moved ~ p.meta, section[aria-labelledby="h-moved"] p.meta').first().textContent()).toContain('253 other models moved without a significant score change')
    expect(await page.locator('#entered tbody tr').count()).toBe(4)
    await noJs.close()
  })

  it('fits a 375 px phone: the page never scrolls sideways, tables scroll in their box', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
    for (const url of ['', 'boards/lmarena-text/', 'boards/lmarena-text/diff/2025-11-18_2025-11-20/', 'models/gemini-3-pro/', 'data-quality/']) {
      const page = await open(url, phone)
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      expect(width, url).toBeLessThanOrEqual(375)
      // A wide table's caption wraps within the screen instead of running off it with the table.
      const captions = await page.$$eval('table.data caption', (cs) => cs.map((c) => Math.round(c.getBoundingClientRect().right)))
      expect(captions.filter((right) => right > 375), url).toEqual([])
      await page.close()
    }
    await phone.close()
  }, 60_000)

  it('has no axe-core violations, in light and dark mode', async () => {
    const pages = ['', 'boards/lmarena-text/', 'boards/seal-coding/2024-05-13/', 'boards/lmarena-text/diff/2025-11-18_2025-11-20/', 'models/grok-4.1-thinking/', 'models/', 'organizations/', 'organizations/anthropic/', 'data-quality/', 'no/such/page/']
    const found: string[] = []
    for (const scheme of ['light', 'dark'] as const) {
      const ctx = await browser.newContext({ colorScheme: scheme })
      for (const url of pages) {
        const page = await open(url, ctx, url.startsWith('no/'))
        // Every table is sortable: each column header got its button.
        const unsortable = await page.$$eval('table thead th', (ths) => ths.filter((th) => !th.querySelector('button')).map((th) => th.textContent))
        if (unsortable.length) found.push(`/${url}: headers without sorting: ${unsortable.join(', ')}`)
        for (const v of await axe(page)) found.push(`${scheme} /${url}: ${v}`)
        await page.close()
      }
      await ctx.close()
    }
    expect(found).toEqual([])
  }, 120_000)

  it('shows errors, warnings and unpublished files on the data-quality page, accessibly', async () => {
    // A store with a cut capture that also leaked the translator's reasoning: one error, one warning.
    const store = path.join(work, 'store')
    await cp(await seedStore(), store, { recursive: true })
    const lines = (await readFile(path.join(await seedStore(), 'lmarena-text/2025-11-18.en.md'), 'utf8')).split('\n')
    let rows = 0
    const cut = lines.slice(0, lines.findIndex((l) => l.includes('◄') && ++rows === 40) + 1)
    cut.splice(2, 0, '<think>Translate the table, keep the numbers.</think>')
    await writeFile(path.join(store, 'lmarena-text/2025-11-19.en.md'), cut.join('\n').replaceAll('2025-11-18', '2025-11-19') + '\n')
    const built = await run(['build', '--snapshots', store, '--out', path.join(work, 'dist', 'bad'), '--base-url', prefix + 'bad/'])
    expect(built.code).toBe(0)
    const found: string[] = []
    for (const scheme of ['light', 'dark'] as const) {
      const ctx = await browser.newContext({ colorScheme: scheme })
      const index = await open('bad/data-quality/', ctx)
      for (const v of await axe(index)) found.push(`${scheme} index: ${v}`)
      await follow(index, index.locator('#parts a', { hasText: 'LMArena Text, 2025-11' }))
      const page = index
      expect(await page.locator('ul.diagnostics li.error').count()).toBeGreaterThan(0)
      expect(await page.locator('ul.diagnostics li.warning').count()).toBeGreaterThan(0)
      expect(await page.locator('.quality-file strong', { hasText: 'not published' }).count()).toBe(1)
      for (const v of await axe(page)) found.push(`${scheme}: ${v}`)
      await ctx.close()
    }
    expect(found).toEqual([])
  }, 60_000)

  it('serves the 404 page for unknown addresses, with working links under the sub-path', async () => {
    const page = await context.newPage()
    const response = await page.goto(new URL('models/no-such-model/', server.url).href)
    expect(response!.status()).toBe(404)
    expect(await heading(page)).toBe('Page not found')
    await follow(page, page.locator('main a', { hasText: 'All models' }))
    expect(new URL(page.url()).pathname).toBe(`${prefix}models/`)
    await page.close()
  })

  it('made no request to any third party, set no cookie, logged no error, lost no request', async () => {
    expect([...origins]).toEqual([new URL(server.url).origin])
    expect(await context.cookies()).toEqual([])
    expect(problems).toEqual([])
  })
})
