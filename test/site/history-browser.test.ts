/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axe, prefix, seedBrowser, type SeedSite } from './seed-browser.js'

// The history pages in Chromium: the seed site under a sub-path, the
// comparison form against the static comparison page of the same pair.

const site = seedBrowser('history-browser')
const { problems, origins } = site
const open = site.open
let server: SeedSite['server']
let browser: Browser

beforeAll(async () => {
  ;({ server, browser } = await site.start())
}, 120_000)

afterAll(() => site.close())

/** Model ids of a table's rows (from the links of their row headers). */
async function models(page: Page, table: string): Promise<string[]> {
  return page.$$eval(`#${table} tbody th a`, (as) => as.map((a) => decodeURIComponent(new URL((a as HTMLAnchorElement).href).pathname.split('/').at(-2)!)))
}

/** The text of each row's `n`th data cell (0: the first `td`) of a table. */
async function column(page: Page, table: string, n: number): Promise<string[]> {
  return page.$$eval(`#${table} tbody tr`, (rows, n) => rows.map((r) => r.querySelectorAll('td')[n]!.textContent!), n)
}

describe('history pages in a browser', () => {
  it('compares two dates with the form as the static comparison page does, the pair in the URL', async () => {
    const fixed = await open('boards/lmarena-text/compare/all/')
    const expected = { entered: await models(fixed, 'entered'), left: await models(fixed, 'left'), moved: await models(fixed, 'moved') }
    // Rank, places, net passed: the same columns first in both tables.
    const moves = { rank: await column(fixed, 'moved', 0), places: await column(fixed, 'moved', 1), passed: await column(fixed, 'moved', 2) }
    expect(await fixed.locator('#moved th[scope="col"]').nth(3).textContent()).toBe('Net passed')
    expect(new Set(moves.passed).size).toBeGreaterThan(2)
    expect(expected.entered).toHaveLength(4)
    expect(expected.moved.length).toBeGreaterThan(100)
    // The static page's link to the form carries its pair.
    await Promise.all([fixed.waitForURL(/compare\/\?from=/), fixed.locator('main a', { hasText: 'Compare other dates' }).click()])
    expect(new URL(fixed.url()).search).toBe('?from=2025-11-18&to=2025-11-20')
    await fixed.waitForSelector('#c-moved')
    expect({ entered: await models(fixed, 'c-entered'), left: await models(fixed, 'c-left'), moved: await models(fixed, 'c-moved') }).toEqual(expected)
    expect({ rank: await column(fixed, 'c-moved', 0), places: await column(fixed, 'c-moved', 1), passed: await column(fixed, 'c-moved', 2) }).toEqual(moves)
    expect(await fixed.locator('#c-moved th[scope="col"]').nth(3).textContent()).toBe('Net passed')
    expect(await fixed.locator('[data-compare-result] .notes').textContent()).toContain('Net passed models on both 2025-11-18 and 2025-11-20 the model went past')
    await fixed.close()
    // Typing a pair: dates without a snapshot resolve to the latest snapshot on or before them.
    const page = await open('boards/lmarena-text/compare/')
    expect(await page.locator('form[data-compare]').isVisible()).toBe(true)
    // (dates outside the board's are refused by the form's min and max.)
    await page.fill('input[name="from"]', '2025-11-18')
    await page.fill('input[name="to"]', '2025-11-19')
    await page.click('form[data-compare] button[type="submit"]')
    await expect.poll(() => page.locator('[data-compare-result]').textContent(), { timeout: 20_000 }).toContain('Both dates fall on the snapshot of 2025-11-18')
    expect(new URL(page.url()).search).toBe('?from=2025-11-18&to=2025-11-19')
    await page.fill('input[name="to"]', '2025-11-20')
    await page.click('form[data-compare] button[type="submit"]')
    await page.waitForSelector('#c-moved')
    expect(await models(page, 'c-moved')).toEqual(expected.moved)
    expect(await page.locator('[data-compare-result] .lead').textContent()).toMatch(/^4 entered, 0 left, \d+ moved \(\d+ significantly\), \d+ unchanged\.$/)
    for (const v of await axe(page)) problems.push(`compare form: ${v}`)
    await page.close()
  }, 60_000)

  it('shows the race, the leader timeline, the lifecycle, the frontier and the citation', async () => {
    const board = await open('boards/lmarena-text/')
    expect(await board.locator('svg.chart-race').isVisible()).toBe(true)
    expect(await board.locator('svg.chart-leaders').isVisible()).toBe(true)
    await board.locator('#lmarena-text-race summary').or(board.locator('details.chart-data summary').first()).first().click()
    expect(await board.locator('#lmarena-text-race-data tbody tr').count()).toBeGreaterThan(9)
    await board.close()
    const model = await open('models/grok-4.1-thinking/')
    expect(await model.locator('dl.lifecycle dt', { hasText: 'Peak rank' }).count()).toBe(1)
    await model.close()
    const orgs = await open('organizations/')
    expect(await orgs.locator('svg.chart-frontier').count()).toBeGreaterThan(0)
    await orgs.close()
    const snap = await open('boards/lmarena-text/2025-11-20/')
    expect(await snap.locator('#h-cite').textContent()).toBe('Cite this snapshot')
    expect(await snap.locator('.cite code').last().textContent()).toMatch(/^[0-9a-f]{64}$/)
    await snap.close()
  }, 60_000)

  it('has no axe-core violations on the new pages, in light and dark mode, and fits a 375 px phone', async () => {
    const pages = ['', 'boards/lmarena-text/', 'boards/lmarena-text/compare/', 'boards/lmarena-text/compare/all/', 'boards/lmarena-text/2025-11-20/', 'models/grok-4.1-thinking/', 'organizations/']
    const found: string[] = []
    for (const scheme of ['light', 'dark'] as const) {
      const ctx = await browser.newContext({ colorScheme: scheme })
      for (const url of pages) {
        const page = await open(url, ctx)
        for (const v of await axe(page)) found.push(`${scheme} /${url}: ${v}`)
        await page.close()
      }
      await ctx.close()
    }
    const phone = await browser.newContext({ viewport: { width: 375, height: 800 }, isMobile: true })
    for (const url of pages) {
      const page = await open(url, phone)
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      if (width > 375) found.push(`/${url} is ${width} px wide at 375 px`)
      await page.close()
    }
    await phone.close()
    expect(found).toEqual([])
  }, 400_000)

  it('made no request to any third party and logged no error', () => {
    expect([...origins]).toEqual([new URL(server.url).origin])
    expect(problems).toEqual([])
  })
})
