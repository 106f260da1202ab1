import { HtmlValidate } from 'html-validate'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../src/core/dates.js'
import { RECENT_DAYS } from '../../src/model/board-history.js'
import { emptyData } from '../../src/registry/data.js'
import { normalize } from '../../src/registry/normalize.js'
import type { SiteFile } from '../../src/core/site-file.js'
import { input, type FixtureRow } from '../registry/fixtures.js'
import { renderNormalized } from './helpers.js'

/**
 * The home page draws each board's race and leaders over the last two years
 * (the board page over the whole history), the organizations page each
 * board's frontier (the board's frontier page over the whole history): they
 * stay the same size as the history grows. The streaks stated are the whole
 * history's.
 */
const models = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta']
function site(days: number): SiteFile[] {
  // The lead changes hands every 20 days, in turn; alpha's first reign is the longest (it leads the first 60 days).
  const rowsOn = (i: number): FixtureRow[] => {
    const leader = i < 60 ? 0 : Math.floor(i / 20) % models.length
    return models.map((_, k) => {
      const m = (leader + k) % models.length
      return { name: `model-${models[m]}`, score: 1500 - k * 20, votes: 10_000, organization: m % 2 ? 'Acme' : 'Bolt', license: m % 4 === 1 ? 'Apache 2.0' : 'Proprietary' }
    })
  }
  // Apache 2.0: open weights (the gap between open and proprietary changes with the leader).
  const data = { ...emptyData, licenses: [{ name: 'Apache 2.0', spdx: 'Apache-2.0', openWeights: true, aliases: [] }, { name: 'Proprietary', openWeights: false, aliases: [] }] }
  return renderNormalized(normalize(Array.from({ length: days }, (_, i) => input(addDays('2023-01-01', i), rowsOn(i))), data)).files
}
const page = (files: SiteFile[], p: string) => files.find((f) => f.path === p)!.content
const captions = (html: string) => [...html.matchAll(/<figcaption>([^<]*)<\/figcaption>/g)].map((m) => m[1]!)

// A history longer than the window, and the same 240 days longer.
const days = RECENT_DAYS + 400
const files = site(days)
const from = addDays('2023-01-01', days - RECENT_DAYS)
let longer: SiteFile[] | undefined
const more = () => (longer ??= site(days + 240))

describe('the home page race of a long history', () => {
  const home = page(files, 'index.html')
  const board = page(files, 'boards/lmarena-text/index.html')

  it('draws the last two years, says so, and links to the whole history', () => {
    const [race, leaders] = captions(home)
    expect(race).toMatch(new RegExp(`^The last 2 years \\(since ${from}; the board page has the whole history\\)\\. Month by month`))
    expect(leaders).toMatch(new RegExp(`^The last 2 years \\(since ${from}; the board page has the whole history\\)\\. .* reigns from ${from} to `))
    expect(home.match(/>The data of the whole history, as a table</g)).toHaveLength(2)
    expect(home).toContain('href="/boards/lmarena-text/#lmarena-text-leaders-data"')
    // The axes start in the window: no tick before its first year.
    expect(home).not.toMatch(/class="chart-axis"[^>]*>2023/)
    // The board page draws the whole history.
    expect(captions(board).join(' ')).not.toContain('The last 2 years')
    expect(board).toMatch(/class="chart-axis"[^>]*>2023/)
  })

  it('states the whole history’s streaks', () => {
    // alpha led the first 60 days (and 20 days in each later round of eight): the longest streak, before the window.
    expect(home).toContain('Longest streak: model-alpha, 60 days (2023-01-01 to 2023-03-01).')
  })

  it('does not grow with the history, where the board page does', () => {
    expect(page(more(), 'index.html').length).toBeLessThan(home.length * 1.05)
    // … while the board page draws more reigns.
    const reigns = (html: string) => Number(/(\d+) reigns from 2023-01-01/.exec(captions(html)[1]!)![1])
    expect(reigns(page(more(), 'boards/lmarena-text/index.html'))).toBeGreaterThan(reigns(board) + 10)
  })
})

describe('the organizations page frontier of a long history', () => {
  const orgs = page(files, 'organizations/index.html')
  const whole = page(files, 'boards/lmarena-text/frontier/index.html')
  const gapDates = (html: string) => [...html.slice(html.indexOf('<table id="gap-lmarena-text"')).split('</table>')[0]!.matchAll(/<th scope="row">(\d{4}-\d{2}-\d{2})<\/th>/g)].map((m) => m[1]!)

  it('draws the last two years and links to the board\'s frontier page, which draws the whole history', () => {
    const [frontier] = captions(orgs)
    expect(frontier).toMatch(new RegExp(`^The last 2 years \\(since ${from}; the board&#39;s frontier page has the whole history\\)\\. Best score per organization on LMArena Text from ${from} to `))
    expect(orgs).toContain('<a href="/boards/lmarena-text/frontier/">Organizations over time on LMArena Text, the whole history</a>')
    expect(gapDates(orgs).every((d) => d >= from)).toBe(true)
    expect(captions(whole)[0]).toMatch(/^Best score per organization on LMArena Text from 2023-01-01 to /)
    expect(gapDates(whole).at(-1)).toBe('2023-01-01')
    expect(whole).toContain('<h1>LMArena Text: organizations over time</h1>')
    // Each stretch's last day is a date cell, not broken at its hyphens.
    const until = [...whole.slice(whole.indexOf('<table id="gap-lmarena-text"')).split('</table>')[0]!.matchAll(/<\/th><td class="date">(\d{4}-\d{2}-\d{2})<\/td>/g)]
    expect(until.length).toBe(gapDates(whole).length)
  })

  it('does not grow with the history, where the frontier page does', () => {
    expect(page(more(), 'organizations/index.html').length).toBeLessThan(orgs.length * 1.05)
    // … while the frontier page lists more stretches of days.
    expect(gapDates(page(more(), 'boards/lmarena-text/frontier/index.html')).length).toBeGreaterThan(gapDates(whole).length + 5)
  })

  it('is valid HTML', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] })
    for (const [p, html] of [['organizations/index.html', orgs], ['boards/lmarena-text/frontier/index.html', whole]] as const) {
      const report = await validator.validateString(html, p)
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)), p).toEqual([])
    }
  })
})
