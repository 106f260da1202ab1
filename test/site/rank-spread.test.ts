/// <reference lib="dom" />
import { beforeAll, describe, expect, it } from 'vitest'
import { emptyData } from '../../src/registry/data.js'
import { normalize } from '../../src/registry/normalize.js'
import type { SiteFile } from '../../src/render/site.js'
import { rankSpreadCell, readShown } from '../../src/render/view-table.js'
import { input, type FixtureRow } from '../registry/fixtures.js'
import { renderNormalized } from './helpers.js'
import { browseFilesInSuite } from './seed-browser.js'

/**
 * Upstream's rank spread (`1-4` in the zh page's 排名区间 column): the ranks a
 * model may hold given the uncertainty of the scores. Ranges are chosen so
 * that sorting by them differs from sorting by rank: beta (1–2) before alpha
 * (1–3). On the second day beta's spread narrows and nothing else changes.
 */
const day1: FixtureRow[] = [
  { name: 'alpha', score: 1500, votes: 9000, spread: [1, 3] },
  { name: 'beta', score: 1495, votes: 8000, spread: [1, 3] },
  { name: 'gamma', score: 1480, votes: 7000, spread: [2, 4] },
  { name: 'delta', score: 1470, votes: 6000, spread: [4, 4] }
]
const day2: FixtureRow[] = day1.map((r) => (r.name === 'beta' ? { ...r, spread: [1, 2] } : r))

let files: SiteFile[]
const file = (p: string) => files.find((f) => f.path === p)!.content
const text = (p: string) => file(p).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
/** The cells of a table's column, by its key, as the page prints them. */
function column(html: string, table: string, key: string): string[] {
  const body = html.split(`<table id="${table}"`)[1]!.split('</table>')[0]!
  const keys = [...body.split('</thead>')[0]!.matchAll(/data-key="([^"]+)"/g)].map((m) => m[1])
  const at = keys.indexOf(key)
  if (at < 0) return []
  return [...body.split('<tbody>')[1]!.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, ''))[at]!)
}

beforeAll(() => {
  ;({ files } = renderNormalized(normalize([input('2026-03-01', day1), input('2026-03-02', day2)], emptyData)))
})

describe('rank spreads', () => {
  it('are read back by their best rank, then their worst', () => {
    expect(readShown('1–4', 'spread')).toBe(1.0004)
    expect(readShown('3', 'spread')).toBe(3.0003)
    expect(readShown('', 'spread')).toBeNaN()
    // The text gives the sort key back: no data-sort printed.
    expect(rankSpreadCell(1, 4)).toEqual({ text: '1–4' })
    expect(rankSpreadCell(4, 4)).toEqual({ text: '4' })
    expect(rankSpreadCell(undefined, 4)).toEqual({ text: '' })
  })

  it('have a column of the standings, explained under the table', () => {
    for (const page of ['boards/lmarena-text/2026-03-01/index.html', 'boards/lmarena-text/index.html']) {
      const html = file(page)
      expect(html, page).toContain('<th scope="col" data-key="spread" class="num" data-type="spread">Rank spread</th>')
      expect(text(page), page).toContain('Rank spread the ranks upstream says the model may hold, given the uncertainty of the scores')
    }
    expect(column(file('boards/lmarena-text/2026-03-01/index.html'), 't-lmarena-text', 'spread')).toEqual(['1–3', '1–3', '2–4', '4'])
    expect(column(file('boards/lmarena-text/2026-03-02/index.html'), 't-lmarena-text', 'spread')).toEqual(['1–3', '1–2', '2–4', '4'])
  })

  it('are left out where upstream gives none', () => {
    const plain = renderNormalized(normalize([input('2026-03-01', day1.map(({ spread: _, ...r }) => r))], emptyData)).files
    const page = plain.find((f) => f.path === 'boards/lmarena-text/2026-03-01/index.html')!.content
    expect(page).toContain('data-key="rank"')
    expect(page).not.toContain('data-key="spread"')
    expect(page).not.toContain('Rank spread')
  })

  it('show in a model’s history, where a line may differ from the one before only by its spread', () => {
    const html = file('models/beta/index.html')
    expect(column(html, 'h-lmarena-text', 'spread')).toEqual(['1–2', '1–3'])
    expect(column(html, 'h-lmarena-text', 'rank')).toEqual(['2', '2'])
    const alpha = file('models/alpha/index.html')
    expect(column(alpha, 'h-lmarena-text', 'spread')).toEqual(['1–3', '1–3'])
  })

  it('draw a band on the model’s rank chart', () => {
    const html = file('models/beta/index.html')
    const rank = /<svg[^>]*aria-labelledby="rank-lmarena-text-title[^>]*>.*?<\/svg>/s.exec(html)![0]
    expect(rank).toContain('<polygon class="chart-band"')
    expect(html).toContain('Rank (1 at the top; band: upstream’s rank spread)')
    const plain = renderNormalized(normalize([input('2026-03-01', day1.map(({ spread: _, ...r }) => r)), input('2026-03-02', day1.map(({ spread: _, ...r }) => r))], emptyData)).files
    const without = plain.find((f) => f.path === 'models/beta/index.html')!.content
    expect(/<svg[^>]*aria-labelledby="rank-lmarena-text-title[^>]*>.*?<\/svg>/s.exec(without)![0]).not.toContain('chart-band')
    expect(without).toContain('Rank (1 at the top)</figcaption>')
  })
})

describe('sorting by rank spread (Chromium)', () => {
  const chromium = browseFilesInSuite('rank-spread', () => files)

  it('orders by the best rank, then the worst, both ways', async () => {
    const { page, errors } = await chromium.page()
    await page.goto(chromium.url('boards/lmarena-text/2026-03-02/'))
    const names = () => page.$$eval('#t-lmarena-text tbody th', (ths) => ths.map((th) => th.textContent!.trim()))
    expect(await names()).toEqual(['alpha', 'beta', 'gamma', 'delta'])
    await page.click('#t-lmarena-text th[data-key="spread"] button')
    expect(await names()).toEqual(['beta', 'alpha', 'gamma', 'delta'])
    await page.click('#t-lmarena-text th[data-key="spread"] button')
    expect(await names()).toEqual(['delta', 'gamma', 'alpha', 'beta'])
    expect(errors).toEqual([])
    await page.close()
  }, 60_000)
})
