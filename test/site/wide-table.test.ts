import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../helpers.js'
import { launchChromium } from './seed-browser.js'
import { seedSite } from './helpers.js'
import { renderAll } from '../../src/render/site.js'
import { parseBaseUrl } from '../../src/render/urls.js'

/**
 * A metric board's standings have 13 columns (Agent: five metrics beside rank,
 * change, model, score, interval, votes, organization and license). Their
 * headers wrap between words, so the table scrolls less; a table of fewer
 * columns keeps each header on one line.
 */
const css = readFileSync(path.join(repoRoot, 'templates/assets/site.css'), 'utf8')
const base = ['Rank', 'Change', 'Model', 'Score', '95% CI', 'Votes']
const metrics = ['Bash recovery', 'Confirmed success', 'Steerability', 'Thumbs up ratio', 'Tool hallucination']
const table = (id: string, columns: readonly string[]) =>
  `<div class="table-wrap"><table id="${id}" class="data t3"><thead><tr>${columns.map((c, i) => `<th scope="col"${i === 2 ? '' : ' class="num"'}>${c}</th>`).join('')}</tr></thead>` +
  `<tbody><tr>${columns.map((_, i) => (i === 2 ? '<th scope="row"><a href="#">Claude Opus 5 (High)</a></th>' : '<td>12.34%</td>')).join('')}</tr></tbody></table></div>`

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
}, 60_000)
afterAll(async () => {
  await browser?.close()
})

describe('a wide standings table', () => {
  it('wraps the headers of a 13-column table between words, and keeps those of a 10-column one on one line', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.setContent(`<!DOCTYPE html><html lang="en"><head><style>${css}</style></head><body><main>${table('wide', [...base, ...metrics, 'Organization', 'License'])}${table('narrow', [...base, 'Bash recovery', 'Steerability', 'Organization', 'License'])}</main></body></html>`)
    const measure = (id: string) =>
      page.evaluate((id) => {
        const t = document.getElementById(id)!
        const lines = Array.from(t.querySelectorAll('thead th')).map((th) => Math.round(th.getBoundingClientRect().height / parseFloat(getComputedStyle(th).lineHeight || '20')))
        return { width: t.getBoundingClientRect().width, box: t.parentElement!.clientWidth, wrapped: Array.from(t.querySelectorAll('thead th')).filter((th) => getComputedStyle(th).whiteSpace !== 'nowrap').length, lines }
      }, id)
    const wide = await measure('wide')
    const narrow = await measure('narrow')
    // Every header of the wide table may wrap (numeric ones too), and some do.
    expect(wide.wrapped).toBe(13)
    expect(Math.max(...wide.lines)).toBeGreaterThan(1)
    expect(narrow.wrapped).toBe(0)
    await page.close()
  })
})

describe('the models tables on a phone', () => {
  it('keep “Current places” wide enough to wrap into a few lines, and an organization’s page has no organization column', async () => {
    const site = await seedSite()
    const files = renderAll(site, { base: parseBaseUrl('/'), registry: { models: site.models } })
    const html = (p: string) => files.find((f) => f.path === p)!.content.replace(/<link rel="stylesheet"[^>]*>/, `<style>${css}</style>`)
    const page = await browser.newPage({ viewport: { width: 375, height: 900 } })
    const columns = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('table#models thead th')).map((th) => ({ key: th.getAttribute('data-key'), width: th.getBoundingClientRect().width }))
      )
    await page.setContent(html('organizations/anthropic/index.html'))
    const org = await columns()
    expect(org.map((c) => c.key)).toEqual(['model', 'license', 'now', 'boards', 'best'])
    // 16rem: the places of a model on four boards wrap into a few lines, not a strip of one or two words a line.
    expect(org.find((c) => c.key === 'now')!.width).toBeGreaterThanOrEqual(256)
    await page.setContent(html('models/index.html'))
    const all = await columns()
    expect(all.map((c) => c.key)).toEqual(['model', 'organization', 'license', 'now', 'boards', 'best'])
    expect(all.find((c) => c.key === 'now')!.width).toBeGreaterThanOrEqual(256)
    await page.close()
  })
})
