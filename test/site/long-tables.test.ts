import { writeFile } from 'node:fs/promises'
import { HtmlValidate } from 'html-validate'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildSiteModel, type SiteModel } from '../../src/model/site.js'
import { diffEntries, FEED_LIST } from '../../src/render/feed.js'
import { loadSite } from '../../src/pipeline/load-site.js'
import { renderAll, type SiteFile } from '../../src/render/site.js'
import { parseBaseUrl } from '../../src/render/urls.js'
import { MAX_MODEL_ROWS } from '../../src/render/view-models.js'
import { MAX_TABLE_ROWS } from '../../src/render/view-table.js'
import { seedStore } from './helpers.js'

/**
 * A store whose pages have tables of 1,500 rows (upstream's longest has 381):
 * every list of a page stops at its cap and says how many it left out and which
 * data file lists them; no page reaches 300 KB (the uncapped ones were 400 KB
 * to 1 MB; a table of 20,000 rows made pages of 7 MB).
 */
const ROWS = 1500

/** A page of `names`, ranked in that order. */
function page(date: string, names: readonly string[]): string {
  const rows = names.map((name, i) => `| ${i + 1} | ${name} | ${3000 - i} | ${(10_000 + i).toLocaleString('en')} |`)
  return ['# LMArena Text', '', `> **Data Update Time**: ${date} 08:00:00 UTC`, '', '| Rank | Model | Score | Votes |', '|---:|:---|---:|---:|', ...rows, ''].join('\n')
}

const first = Array.from({ length: ROWS }, (_, i) => `alpha-model-${i + 1}`)
// The second day keeps 400 of them and has 1,100 new ones; the third reverses the second (every model moves).
const second = [...first.slice(0, 400), ...Array.from({ length: ROWS - 400 }, (_, i) => `beta-model-${i + 1}`)]
const third = [...second].reverse()

let files: Map<string, string>
let models: number
let model: SiteModel

beforeAll(async () => {
  const dir = await seedStore()
  await writeFile(path.join(dir, 'lmarena-text/2025-11-21.en.md'), page('2025-11-21', first))
  await writeFile(path.join(dir, 'lmarena-text/2025-11-22.en.md'), page('2025-11-22', second))
  await writeFile(path.join(dir, 'lmarena-text/2025-11-23.en.md'), page('2025-11-23', third))
  const site = await loadSite({ dir, shownAs: 'snapshots' })
  models = site.normalized.registry.models.length
  model = buildSiteModel({ ...site })
  const rendered: SiteFile[] = renderAll(model, { base: parseBaseUrl('/'), registry: site.normalized.registry })
  files = new Map(rendered.map((f) => [f.path, f.content]))
}, 120_000)

const html = (p: string) => files.get(p) ?? expect.unreachable(`no ${p}`)
/** The rows of the table `<table id="ID" …>` of a page. */
const rowsOf = (page: string, id: string) => {
  const table = new RegExp(`<table id="${id}"[\\s\\S]*?</table>`).exec(page)?.[0] ?? expect.unreachable(`no table ${id}`)
  return (table.split('<tbody>')[1]!.match(/<tr/g) ?? []).length
}
/** The line under the table `<table id="ID" …>`, if any, up to the next table. */
const moreOf = (page: string, id: string) => new RegExp(`<table id="${id}"[\\s\\S]*?</table>[\\s\\S]*?(?:<p class="more">([^\\n]*)</p>|<table)`).exec(page)?.[1]

describe('tables too long for one page', () => {
  it('show the first rows of a snapshot, the rest counted with links to the data files that hold every row', () => {
    for (const p of ['boards/lmarena-text/index.html', 'boards/lmarena-text/2025-11-21/index.html']) {
      const page = html(p)
      const date = p.includes('2025-11-21') ? '2025-11-21' : '2025-11-23'
      expect(rowsOf(page, 't-lmarena-text')).toBe(MAX_TABLE_ROWS)
      expect(moreOf(page, 't-lmarena-text')).toBe(
        `1,000 more models (ranks 501 to 1,500) are not listed here; every one is in <a href="/data/lmarena-text/${date}.json">JSON</a> · <a href="/data/lmarena-text/${date}.csv">CSV</a>.`
      )
      // The caption still counts every model, and the data files do hold every row.
      expect(page).toContain(`(${ROWS} models)`)
      expect(JSON.parse(html(`data/lmarena-text/${date}.json`)).rows).toHaveLength(ROWS)
      expect(html(`data/lmarena-text/${date}.csv`).trim().split('\r\n')).toHaveLength(ROWS + 1)
    }
  })

  it('list the first entries, exits and moves of a diff, the rest counted with a link to its JSON', () => {
    const entered = html('boards/lmarena-text/diff/2025-11-21_2025-11-22/index.html')
    const json = '<a href="/data/lmarena-text/diff/2025-11-21_2025-11-22.json">the JSON data</a>'
    for (const id of ['entered', 'left']) {
      expect(rowsOf(entered, id)).toBe(MAX_TABLE_ROWS)
      expect(moreOf(entered, id)).toBe(`600 more models are not listed here; every one is in ${json}.`)
    }
    expect(entered).toContain('Entered on 2025-11-22 (1100)')
    const diff = JSON.parse(html('data/lmarena-text/diff/2025-11-21_2025-11-22.json'))
    expect([diff.entered.length, diff.left.length]).toEqual([1100, 1100])
    const moved = html('boards/lmarena-text/diff/2025-11-22_2025-11-23/index.html')
    expect(rowsOf(moved, 'moved')).toBe(MAX_TABLE_ROWS)
    expect(moreOf(moved, 'moved')).toMatch(/^\d[\d,]* more models are not listed here; every one is in <a href="\/data\/lmarena-text\/diff\/2025-11-22_2025-11-23\.json">the JSON data<\/a>\.$/)
  })

  it('on a comparison page, link the comparison of the same two dates, which lists every one', () => {
    const page = html('boards/lmarena-text/compare/all/index.html')
    expect(rowsOf(page, 'entered')).toBe(MAX_TABLE_ROWS)
    expect(moreOf(page, 'entered')).toMatch(/^[\d,]+ more models are not listed here; every one is in <a href="\/boards\/lmarena-text\/compare\/\?from=[\d-]+&amp;to=2025-11-23">the comparison of these two dates<\/a>\.$/)
  })

  it('list the models seen on a board most recently on the models index, the others counted with a link to models.json', () => {
    expect(models).toBeGreaterThan(MAX_MODEL_ROWS + 1000)
    const page = html('models/index.html')
    expect(rowsOf(page, 'models')).toBe(MAX_MODEL_ROWS)
    expect(moreOf(page, 'models')).toBe(`${(models - MAX_MODEL_ROWS).toLocaleString('en')} more models, none on a board after 2025-11-23, are not listed here; every one is in <a href="/data/models.json">models.json</a>.`)
    // Listed: models of the newest day, the best ranked first: alpha 1 to 400 (ranks 1 to 400 on the first two days),
    // and the beta models whose best rank is at most 500 (beta-k: 400 + k on the second day, 1,101 − k on the third).
    for (const listed of ['alpha-model-1', 'alpha-model-400', 'beta-model-1100', 'beta-model-601', 'beta-model-100']) expect(page).toContain(`>${listed}</a>`)
    // Not listed: a model of the first day only, and beta-model-300 (best rank 700).
    for (const left of ['alpha-model-401', 'beta-model-300']) expect(page).not.toContain(`>${left}</a>`)
    expect(JSON.parse(html('data/models.json')).models).toHaveLength(models)
  })

  it('name at most FEED_LIST models in a feed entry, the rest counted (the diff page it links lists them)', () => {
    const board = model.boards.find((b) => b.id === 'lmarena-text')!
    const diffs = model.diffs.get('lmarena-text')!
    const base = parseBaseUrl('https://example.org/')
    const entered = diffEntries(model, base, board, diffs.find((d) => d.to === '2025-11-22')!).find((e) => e.id.endsWith('#entered'))!
    expect(entered.summary.match(/\(#\d+\)/g)).toHaveLength(FEED_LIST)
    expect(entered.summary).toMatch(/^Entered LMArena Text on 2025-11-22: beta-model-1 \(#401\), .*, and 900 more\.$/)
    const moves = diffEntries(model, base, board, diffs.find((d) => d.to === '2025-11-23')!).find((e) => e.id.endsWith('#moves'))!
    expect(moves.summary.split('; ')).toHaveLength(FEED_LIST + 1)
    expect(moves.summary).toMatch(/; and [\d,]+ more\.$/)
  })

  it('pass html-validate where they stop', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] })
    const pages = ['boards/lmarena-text/index.html', 'boards/lmarena-text/2025-11-21/index.html', 'boards/lmarena-text/diff/2025-11-21_2025-11-22/index.html', 'boards/lmarena-text/compare/all/index.html', 'models/index.html']
    const problems: string[] = []
    for (const p of pages) {
      expect(html(p)).toContain('not listed here; every one is in')
      const report = await validator.validateString(html(p), p)
      for (const r of report.results) for (const m of r.messages) problems.push(`${p}:${m.line}:${m.column} ${m.message} [${m.ruleId}]`)
    }
    expect(problems).toEqual([])
  }, 120_000)

  it('keep every page under 300 KB', () => {
    const largest = [...files].filter(([p]) => p.endsWith('.html')).reduce((a, b) => (b[1].length > a[1].length ? b : a))
    expect(largest[1].length, largest[0]).toBeLessThan(300_000)
  })
})
