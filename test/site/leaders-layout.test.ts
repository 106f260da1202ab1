/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core'
import { HtmlValidate } from 'html-validate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MONTHLY_RACE_FROM } from '../../src/model/board-history.js'
import { emptyData } from '../../src/registry/data.js'
import { normalize } from '../../src/registry/normalize.js'
import type { SiteFile } from '../../src/core/site-file.js'
import { input, type FixtureRow } from '../registry/fixtures.js'
import { renderNormalized } from './helpers.js'
import { LEADERS_WIDTH } from '../../src/render/view-history.js'
import { axe, browseFiles } from './seed-browser.js'
import type { serve } from './serve.js'

/**
 * Who held #1 on a board with a long history (its race drawn month by month,
 * across the page): on a wide screen the leaders chart is drawn across the
 * page too, each label on the line of its bars; on a phone, each label above
 * its bars. One chart is shown at a time.
 */
const models = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta']
const days = MONTHLY_RACE_FROM + 30
const t0 = Date.parse('2026-01-01T00:00:00Z')
const dates = Array.from({ length: days }, (_, i) => new Date(t0 + i * 86_400_000).toISOString().slice(0, 10))
// The lead changes hands every 15 days, in turn.
const rowsOn = (i: number): FixtureRow[] => {
  const leader = Math.floor(i / 15) % models.length
  return models.map((_, k) => ({ name: `model-${models[(leader + k) % models.length]}`, score: 1500 - k * 20, votes: 10_000 }))
}

let files: SiteFile[]
let server: Awaited<ReturnType<typeof serve>>
let browser: Browser
let close: (() => Promise<void>) | undefined
const page = (p: string) => files.find((f) => f.path === p)!.content

beforeAll(async () => {
  // A second board, short: the home page shows two races.
  const other = dates.slice(0, 3).map((date, i) => input(date, rowsOn(i * 15), { board: 'lmarena-vision' }))
  ;({ files } = renderNormalized(normalize([...dates.map((date, i) => input(date, rowsOn(i))), ...other], emptyData)))
  ;({ server, browser, close } = await browseFiles('leaders-layout', files))
}, 120_000)

afterAll(async () => {
  await close?.()
})

describe('the leader timeline of a long history', () => {
  it('is drawn twice: above-the-bars labels for a phone, inline labels across the page', () => {
    const board = page('boards/lmarena-text/index.html')
    expect(board).toContain('<svg class="chart chart-race" viewBox="0 0 960 ')
    const narrow = /<div class="chart-narrow"><svg class="chart chart-leaders" viewBox="0 0 (\d+) (\d+)"[^>]*aria-labelledby="lmarena-text-leaders-title/.exec(board)
    const wide = /<div class="chart-wide"><svg class="chart chart-leaders" viewBox="0 0 (\d+) (\d+)"[^>]*aria-labelledby="lmarena-text-leaders-wide-title/.exec(board)
    expect(narrow?.slice(1).map(Number)).toEqual([LEADERS_WIDTH, expect.any(Number)])
    expect(wide?.slice(1).map(Number)).toEqual([960, expect.any(Number)])
    // The wide one is the shorter: a row is one line.
    expect(Number(wide![2])).toBeLessThan(Number(narrow![2]))
    // One figure, one caption, one table of the reigns.
    expect(board.match(/id="lmarena-text-leaders-data"/g)).toHaveLength(1)
  })

  it('is valid HTML, on the board page and on the home page (each race a region named after its board)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] })
    for (const p of ['boards/lmarena-text/index.html', 'index.html']) {
      const report = await validator.validateString(page(p), p)
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)), p).toEqual([])
    }
    const home = page('index.html')
    expect(home).toContain('<section class="race" aria-labelledby="h-lmarena-text h-race-lmarena-text">')
    expect(home).toContain('<section class="race" aria-labelledby="h-lmarena-vision h-race-lmarena-vision">')
  })

  const shown = async (p: Page) => ({
    narrow: await p.locator('.chart-narrow svg.chart-leaders').isVisible(),
    wide: await p.locator('.chart-wide svg.chart-leaders').isVisible()
  })

  it('shows the wide chart across a wide screen and the narrow one on a phone, in light and dark mode, with no axe violations', async () => {
    const found: string[] = []
    for (const [width, scheme] of [
      [1280, 'light'],
      [1280, 'dark'],
      [375, 'light'],
      [375, 'dark']
    ] as const) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme })
      const p = await ctx.newPage()
      await p.goto(`${server.url}boards/lmarena-text/`)
      expect(await shown(p)).toEqual(width > 700 ? { narrow: false, wide: true } : { narrow: true, wide: false })
      const race = (await p.locator('#lmarena-text-race').boundingBox())!
      const leaders = (await p.locator('#lmarena-text-leaders').boundingBox())!
      if (width > 700) {
        // Across the page, as the race above it, not in half of it.
        expect(leaders.width).toBeGreaterThan(race.width * 0.95)
        // Its labels are as large as the race's (the SVGs are drawn at one scale).
        const size = (sel: string) => p.locator(sel).first().evaluate((e) => e.getBoundingClientRect().height)
        expect(await size('.chart-wide .chart-row-label')).toBeGreaterThan(0.9 * (await size('#lmarena-text-race .chart-label-end')))
      } else {
        // No sideways scroll on a phone.
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
        expect(leaders.width).toBeLessThanOrEqual(375)
        // Drawn about as wide as the phone: a unit of the chart is about a pixel, its 12-unit labels about 12 px.
        const scale = await p.locator('.chart-narrow svg.chart-leaders').evaluate((svg) => svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width)
        expect(scale).toBeGreaterThan(0.95)
        // The month-by-month race scrolls sideways in its own box, drawn at that scale too (its labels were 8.8 px).
        const race = await p.locator('#lmarena-text-race svg.chart-race').evaluate((svg) => svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width)
        expect(race).toBeGreaterThan(0.95)
      }
      for (const v of await axe(p)) found.push(`${width} ${scheme}: ${v}`)
      await ctx.close()
    }
    expect(found).toEqual([])
  }, 60_000)
})
