import { HtmlValidate } from 'html-validate'
import { describe, expect, it } from 'vitest'
import { emptyData } from '../../src/registry/data.js'
import { normalize } from '../../src/registry/normalize.js'
import type { SiteFile } from '../../src/core/site-file.js'
import { parseBaseUrl } from '../../src/render/urls.js'
import { BOARD_HISTORY } from '../../src/render/view-board.js'
import { input, type FixtureRow } from '../registry/fixtures.js'
import { renderNormalized } from './helpers.js'

/**
 * The board page lists its newest snapshots and links to a page per year
 * that lists every snapshot of the year: the board page stays the same size
 * however long the history, and every snapshot is still one link away.
 */
const day = (start: string, i: number) => new Date(Date.parse(`${start}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10)

function site(days: number): SiteFile[] {
  const rows = (i: number): FixtureRow[] => [
    { name: 'model-a', score: 1500 + (i % 3), votes: 10_000 + i },
    { name: 'model-b', score: 1490, votes: 9_000 }
  ]
  // From 2025-12-10: the last 22 days of 2025, then 2026.
  return renderNormalized(normalize(Array.from({ length: days }, (_, i) => input(day('2025-12-10', i), rows(i))), emptyData), parseBaseUrl('https://example.org/ll/')).files
}

const page = (files: SiteFile[], p: string) => files.find((f) => f.path === p)?.content
/** The dates a history list links to or shows, in order. */
const listed = (html: string) => [...html.slice(html.indexOf('<ul class="history">'), html.indexOf('</ul>', html.indexOf('<ul class="history">'))).matchAll(/<li>(?:<a href="[^"]*">|<strong>)(\d{4}-\d{2}-\d{2})/g)].map((m) => m[1]!)
const items = (html: string) => html.match(/<li>.*<\/li>/g) ?? []

describe('the snapshots of a board, by year', () => {
  const days = 60
  const files = site(days)
  const dates = Array.from({ length: days }, (_, i) => day('2025-12-10', i))
  const board = page(files, 'boards/lmarena-text/index.html')!

  it('the board page lists the newest snapshots and every year with its count', () => {
    expect(BOARD_HISTORY).toBeLessThan(days)
    expect(listed(board)).toEqual(dates.slice(-BOARD_HISTORY).reverse())
    expect(board).toContain('<h2 id="h-history">Recent snapshots of LMArena Text</h2>')
    expect(board).toContain('<nav class="years" aria-label="Every snapshot, by year">')
    expect(board).toContain('<a href="/ll/boards/lmarena-text/2026/">2026</a> (38) · <a href="/ll/boards/lmarena-text/2025/">2025</a> (22)')
  })

  it('a year page lists every snapshot of the year, newest first, as the board page does', () => {
    const y2025 = page(files, 'boards/lmarena-text/2025/index.html')!
    const y2026 = page(files, 'boards/lmarena-text/2026/index.html')!
    expect(listed(y2025)).toEqual(dates.filter((d) => d < '2026').reverse())
    expect(listed(y2026)).toEqual(dates.filter((d) => d >= '2026').reverse())
    expect([...listed(y2026), ...listed(y2025)]).toEqual([...dates].reverse())
    expect(y2025).toContain('<h1>LMArena Text: snapshots of 2025</h1>')
    expect(y2025).toContain('22 snapshots, 2025-12-10 to 2025-12-31, newest first.')
    expect(y2025).toContain('<strong aria-current="page">2025</strong> (22)')
    // The same line for a snapshot on both pages (its link, its size, its changes).
    const line = (html: string, date: string) => items(html).find((li) => li.includes(`>${date}<`))
    expect(line(y2026, dates.at(-2)!)).toBe(line(board, dates.at(-2)!))
    expect(line(y2026, dates.at(-2)!)).toMatch(/· 2 models · (unchanged|<a href="\/ll\/boards\/lmarena-text\/diff\/[\d-]+_[\d-]+\/">(same ranks|(\d+ (entered|left|moved|into the top \d+|below the top \d+)(, )?)+)<\/a>)<\/li>$/)
    // No year without a snapshot.
    expect(files.filter((f) => /^boards\/lmarena-text\/\d{4}\/index\.html$/.test(f.path)).map((f) => f.path)).toEqual(['boards/lmarena-text/2025/index.html', 'boards/lmarena-text/2026/index.html'])
  })

  it('a snapshot page links to its year page; the sitemap has the year pages', () => {
    const old = page(files, `boards/lmarena-text/${dates[15]}/index.html`)!
    expect(old).toContain('<h2 id="h-history">Nearby snapshots of LMArena Text</h2>')
    // Without the year's count, which grows with every day of the current year: the page stays as it was.
    expect(old).toContain('<p class="more"><a href="/ll/boards/lmarena-text/2025/">All snapshots of 2025</a></p>')
    const map = page(files, 'sitemap.xml')!
    expect(map).toContain('<loc>https://example.org/ll/boards/lmarena-text/2025/</loc>')
    expect(map).toContain('<loc>https://example.org/ll/boards/lmarena-text/2026/</loc>')
  })

  it('the board page does not grow with the history', () => {
    const longer = page(site(days + 45), 'boards/lmarena-text/index.html')!
    expect(items(longer.slice(longer.indexOf('<ul class="history">')))).toHaveLength(items(board.slice(board.indexOf('<ul class="history">'))).length)
    expect(listed(longer)).toHaveLength(BOARD_HISTORY)
  })

  it('a short history is listed whole on the board page, with no year links', () => {
    const short = site(5)
    const b = page(short, 'boards/lmarena-text/index.html')!
    expect(listed(b)).toHaveLength(5)
    expect(b).toContain('<h2 id="h-history">All snapshots of LMArena Text</h2>')
    expect(b).not.toContain('class="years"')
    expect(listed(page(short, 'boards/lmarena-text/2025/index.html')!)).toHaveLength(5)
  })

  it('is valid HTML', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] })
    for (const p of ['boards/lmarena-text/index.html', 'boards/lmarena-text/2025/index.html', `boards/lmarena-text/${dates[15]}/index.html`]) {
      const report = await validator.validateString(page(files, p)!, p)
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)), p).toEqual([])
    }
  })
})
