/// <reference lib="dom" />
import { HtmlValidate } from 'html-validate'
import { beforeAll, describe, expect, it } from 'vitest'
import { changesStandings, lastChange, nearestChanges } from '../../src/model/diffs.js'
import type { SiteModel } from '../../src/model/site.js'
import { emptyData } from '../../src/registry/data.js'
import { normalize } from '../../src/registry/normalize.js'
import type { SiteFile } from '../../src/render/site.js'
import { input, type FixtureRow } from '../registry/fixtures.js'
import { renderNormalized } from './helpers.js'
import { browseFilesInSuite } from './seed-browser.js'

/**
 * Half the real history's diffs change no rank (upstream republished the same
 * rows, or only votes moved). 01-01 → 01-02: a swap; 01-03 repeats 01-02 row
 * for row; 01-04 has the same order with more votes; 01-05: a newcomer.
 */
const day1: FixtureRow[] = [
  { name: 'alpha', score: 1500, votes: 9000 },
  { name: 'beta', score: 1490, votes: 8000 },
  { name: 'gamma', score: 1480, votes: 7000 }
]
const day2: FixtureRow[] = [day1[1]!, { ...day1[0]!, score: 1485 }, day1[2]!]
const day4: FixtureRow[] = day2.map((r) => ({ ...r, votes: r.votes + 50 }))
const day5: FixtureRow[] = [...day4, { name: 'delta', score: 1400, votes: 100 }]

let site: SiteModel
let files: SiteFile[]
const file = (p: string) => files.find((f) => f.path === p)!.content
const text = (p: string) => file(p).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
const diffPage = (from: string, to: string) => `boards/lmarena-text/diff/${from}_${to}/index.html`

beforeAll(() => {
  const normalized = normalize([input('2025-01-01', day1), input('2025-01-02', day2), input('2025-01-03', day2), input('2025-01-04', day4), input('2025-01-05', day5)], emptyData)
  ;({ site, files } = renderNormalized(normalized))
})

describe('diffs that change no rank', () => {
  it('are told apart from those that do', () => {
    const diffs = site.diffs.get('lmarena-text')!
    expect(diffs.map(changesStandings)).toEqual([true, false, false, true])
    expect(lastChange(diffs)?.index).toBe(3)
    expect(lastChange(diffs, 3)?.index).toBe(0)
    expect(lastChange(diffs, 0)).toBeUndefined()
    expect(nearestChanges(diffs)).toEqual([{ after: 3 }, { before: 0, after: 3 }, { before: 0, after: 3 }, { before: 0 }])
  })

  it('a day that repeats the rows: said in one sentence, no empty tables, the nearest changes linked', () => {
    const page = diffPage('2025-01-02', '2025-01-03')
    expect(text(page)).toContain(
      'No model entered, left or changed rank: the same 3 models in the same order. The rows of 2025-01-03 are those of 2025-01-02, field for field: upstream published no new numbers in between.'
    )
    expect(file(page)).not.toContain('<table')
    expect(file(page)).not.toContain('type="search"')
    expect(text(page)).not.toContain('No model entered.')
    // No move to call significant or not.
    expect(text(page)).not.toContain('significant')
    expect(file(page)).toContain('The change before: <a href="/boards/lmarena-text/diff/2025-01-01_2025-01-02/">2025-01-01 → 2025-01-02</a>')
    expect(file(page)).toContain('The change after: <a href="/boards/lmarena-text/diff/2025-01-04_2025-01-05/">2025-01-04 → 2025-01-05</a>')
    // The pager still steps one diff at a time.
    expect(file(page)).toContain('rel="next" href="/boards/lmarena-text/diff/2025-01-03_2025-01-04/"')
  })

  it('the same order with other numbers: no rank changed, and nothing said of identical rows', () => {
    const page = text(diffPage('2025-01-03', '2025-01-04'))
    expect(page).toContain('No model entered, left or changed rank: the same 3 models in the same order.')
    expect(page).not.toContain('field for field')
  })

  it('a diff that changes ranks keeps its counts and tables', () => {
    const page = diffPage('2025-01-04', '2025-01-05')
    expect(text(page)).toContain('1 entered, 0 left, 0 moved (0 significantly), 3 unchanged.')
    expect(file(page)).toContain('<table')
    expect(text(page)).toContain('A move is significant when the two 95% confidence intervals do not overlap.')
    expect(file(page)).not.toContain('nearest-changes')
  })

  it('the lists of snapshots say what each day changed, in a few words', () => {
    for (const page of ['boards/lmarena-text/index.html', 'boards/lmarena-text/2025/index.html']) {
      const l = text(page)
      expect(l, page).toContain('2025-01-05 · 4 models · 1 entered')
      expect(l, page).toContain('2025-01-04 · 3 models · same ranks')
      expect(l, page).toContain('2025-01-03 · 3 models · unchanged')
      expect(l, page).toContain('2025-01-02 · 3 models · 2 moved')
    }
    expect(file('boards/lmarena-text/index.html')).toContain('<a href="/boards/lmarena-text/diff/2025-01-01_2025-01-02/">2 moved</a>')
  })

  it('a snapshot page’s pager says when the diff on either side changed no rank', () => {
    const pager = (date: string) => file(`boards/lmarena-text/${date}/index.html`).split('<nav class="pager"')[1]!.split('</nav>')[0]!
    expect(pager('2025-01-03')).toContain('<a href="/boards/lmarena-text/diff/2025-01-02_2025-01-03/">no rank changed since 2025-01-02</a>')
    expect(pager('2025-01-03')).toContain('<a href="/boards/lmarena-text/diff/2025-01-03_2025-01-04/">no rank changed until 2025-01-04</a>')
    expect(pager('2025-01-02')).toContain('<a href="/boards/lmarena-text/diff/2025-01-01_2025-01-02/">changes since 2025-01-01</a>')
    expect(pager('2025-01-04')).toContain('<a href="/boards/lmarena-text/diff/2025-01-04_2025-01-05/">changes until 2025-01-05</a>')
  })

  it('its pages pass html-validate', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] })
    const problems: string[] = []
    const pages = files.filter((f) => f.path.endsWith('.html'))
    for (const f of pages) {
      const report = await validator.validateString(f.content, f.path)
      for (const r of report.results) for (const m of r.messages) problems.push(`${f.path}:${m.line}:${m.column} ${m.message} [${m.ruleId}]`)
    }
    expect(problems).toEqual([])
    expect(pages.length).toBeGreaterThan(15)
  }, 120_000)

  it('the home page links the latest diff that changed a rank, and says none did since', () => {
    const home = text('index.html')
    expect(home).toContain('Latest change: 2025-01-04 → 2025-01-05: 1 entered · Compare dates')
    const earlier = renderNormalized(normalize([input('2025-01-01', day1), input('2025-01-02', day2), input('2025-01-03', day2), input('2025-01-04', day4)], emptyData)).files
    const earlierHome = earlier.find((f) => f.path === 'index.html')!.content.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
    expect(earlierHome).toContain('Latest change: 2025-01-01 → 2025-01-02: 2 moved (no model entered, left or changed rank in the 2 snapshots since)')
    const still = renderNormalized(normalize([input('2025-01-02', day2), input('2025-01-03', day2)], emptyData)).files
    const stillHome = still.find((f) => f.path === 'index.html')!.content.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
    expect(stillHome).toContain('Changes: no model entered, left or changed rank from 2025-01-02 to 2025-01-03')
    expect(stillHome).not.toContain('Latest change')
  })
})

describe('the comparison form on two dates that change no rank (Chromium)', () => {
  const chromium = browseFilesInSuite('no-change', () => files)

  it('says what the diff page says, with no empty tables', async () => {
    const { page, errors } = await chromium.page()
    const result = page.locator('[data-compare-result]')
    await page.goto(chromium.url('boards/lmarena-text/compare/?from=2025-01-02&to=2025-01-03'))
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toContain('No model entered, left or changed rank: the same 3 models in the same order. The rows of 2025-01-03 are those of 2025-01-02, field for field.')
    expect(await result.locator('table').count()).toBe(0)
    await page.goto(chromium.url('boards/lmarena-text/compare/?from=2025-01-03&to=2025-01-04'))
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toContain('No model entered, left or changed rank: the same 3 models in the same order.')
    expect(await result.textContent()).not.toContain('field for field')
    await page.goto(chromium.url('boards/lmarena-text/compare/?from=2025-01-04&to=2025-01-05'))
    await page.waitForSelector('#c-entered')
    expect(await result.locator('.lead').textContent()).toBe('1 entered, 0 left, 0 moved (0 significantly), 3 unchanged.')
    expect(errors).toEqual([])
    await page.close()
  }, 60_000)
})
