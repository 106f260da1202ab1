import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildSiteModel, type SiteModel } from '../../src/model/site.js'
import { compareSnapshots } from '../../src/model/history/index.js'
import { loadSite } from '../../src/pipeline/load-site.js'
import { renderAll, renderSite, type SiteFile } from '../../src/render/site.js'
import { parseBaseUrl } from '../../src/render/urls.js'
import { seedStore } from './helpers.js'

// The history views on the seed site: two LMArena Text snapshots (2025-11-18,
// 2025-11-20) and one SEAL page; an event planted between the two dates.

let site: SiteModel
let loaded: Awaited<ReturnType<typeof loadSite>>
let files: Map<string, string>
let absolute: Map<string, string>
const event = { date: '2025-11-19', boards: ['lmarena-text'], title: 'A planted event between the seeds' }

const asMap = (list: SiteFile[]) => new Map(list.map((f) => [f.path, f.content]))

beforeAll(async () => {
  loaded = await loadSite({ dir: await seedStore(), shownAs: 'snapshots' })
  site = buildSiteModel({ ...loaded, events: [event] })
  files = asMap(renderAll(site, { base: parseBaseUrl('/'), registry: loaded.normalized.registry }))
  absolute = asMap(renderAll(site, { base: parseBaseUrl('https://example.org/ll/'), registry: loaded.normalized.registry }))
}, 60_000)

const page = (path: string, from = files) => {
  const html = from.get(path)
  if (html === undefined) throw new Error(`no ${path}`)
  return html
}
/** Model ids linked from the rows of a table (by its id) of a page. */
const linkedModels = (html: string, table: string) => {
  const m = new RegExp(`<table id="${table}"[\\s\\S]*?</table>`).exec(html)
  return m ? [...m[0].matchAll(/<th scope="row"[^>]*><a href="\/models\/([^/]+)\/">/g)].map((x) => x[1]) : []
}

describe('history pages on the seeds', () => {
  it('counts exactly the files it renders, with and without an absolute base URL', () => {
    for (const base of ['/', '/sub/', 'https://example.org/ll/']) {
      const rendered = renderSite(site, { base: parseBaseUrl(base), registry: loaded.normalized.registry })
      const list = [...rendered.files]
      expect(rendered.total, base).toBe(list.length)
      expect(new Set(list.map((f) => f.path)).size, base).toBe(list.length)
    }
  })

  it('draws the race and the leader timeline on the home page and the board page, with captions, data and events', () => {
    const board = page('boards/lmarena-text/index.html')
    expect(board).toContain('<svg class="chart chart-race"')
    expect(board).toContain('<svg class="chart chart-leaders"')
    expect(board).toContain('id="lmarena-text-race-data"')
    expect(board).toContain('id="lmarena-text-leaders-data"')
    expect(board).toMatch(/<figcaption>Top 10 of LMArena Text from 2025-11-18 to 2025-11-20 \(2 snapshots\)/)
    expect(board).toContain('Current #1: gemini-3-pro, since 2025-11-20')
    // The event is drawn on both charts and named in their captions.
    expect(board.match(/class="chart-event"/g)).toHaveLength(2)
    expect(board).toContain('Events (dashed rules): 1. 2025-11-19 A planted event between the seeds.')
    const home = page('index.html')
    expect(home).toContain('<svg class="chart chart-race"')
    // The home page links the charts' tables on the board page instead of repeating them.
    expect(home).toContain('href="/boards/lmarena-text/#lmarena-text-race-data"')
    expect(home).not.toContain('id="lmarena-text-race-data"')
    // A board with one snapshot has no race to draw.
    expect(page('boards/seal-math/index.html')).not.toContain('chart-race')
  })

  it('publishes a comparison page per span, the same as compareSnapshots, naming the events it spans', () => {
    const spans = site.history.get('lmarena-text')!.spans
    expect(spans.map((s) => s.span.id)).toEqual(['all'])
    const html = page('boards/lmarena-text/compare/all/index.html')
    const board = site.boards.find((b) => b.id === 'lmarena-text')!
    const c = compareSnapshots(board.snapshots[0]!, board.snapshots[1]!)
    expect(linkedModels(html, 'entered')).toEqual(c.entered.map((e) => e.model))
    expect(linkedModels(html, 'left')).toEqual(c.left.map((e) => e.model))
    expect(linkedModels(html, 'moved')).toEqual(c.moved.map((m) => m.model))
    expect(c.entered.length).toBe(4)
    expect(html).toContain('<h2 id="h-events">Events in between</h2>')
    expect(html).toContain('A planted event between the seeds')
    expect(html).toContain('href="/boards/lmarena-text/compare/?from=2025-11-18&amp;to=2025-11-20"')
    // The consecutive diff spans the event too.
    expect(page('boards/lmarena-text/diff/2025-11-18_2025-11-20/index.html')).toContain('A planted event between the seeds')
    const form = page('boards/lmarena-text/compare/index.html')
    expect(form).toContain('<form class="compare" data-compare data-board="lmarena-text" data-boards="/data/boards.json" data-data="/data/" data-models="/models/" hidden>')
    expect(form).toContain('href="/boards/lmarena-text/compare/all/"')
  })

  it('shows a model lifecycle and its history condensed, the full daily data one link away', () => {
    const html = page('models/grok-4.1-thinking/index.html')
    expect(html).toContain('<dt>Peak rank</dt><dd><a href="/boards/lmarena-text/2025-11-18/">#1 on 2025-11-18</a></dd>')
    expect(html).toContain('<dt>Days at #1</dt><dd>2 days</dd>')
    expect(html).toMatch(/<dt>Votes gained<\/dt><dd>\+/)
    expect(html).toContain('href="/data/models/grok-4.1-thinking.csv"')
    const csv = page('data/models/grok-4.1-thinking.csv').split('\r\n')
    expect(csv[0]).toBe('board,date,rank,score,ciPlus,ciMinus,votes')
    expect(csv.filter((l) => l.startsWith('lmarena-text,'))).toHaveLength(2)
    // Condensed: one line per change, each saying how many snapshots it stands for.
    const life = site.history.get('lmarena-text')!.lifecycles.get('grok-4.1-thinking')!
    expect(life.history.length).toBeLessThanOrEqual(2)
    expect(html).toContain('<th scope="col" data-key="snapshots" class="num" data-type="number">Snapshots</th>')
  })

  it('shows the frontier and the open-weights gap on the organizations page', () => {
    const html = page('organizations/index.html')
    expect(html).toContain('<h2 id="h-frontier">Organizations over time</h2>')
    expect(html).toContain('<svg class="chart chart-frontier"')
    expect(html).toContain('id="gap-lmarena-text"')
    const frontier = site.history.get('lmarena-text')!.frontier
    const last = frontier.days.at(-1)!
    expect(last.gap).toBeDefined()
    expect(html).toContain(`${last.proprietary!.name} (`)
  })

  it('tells how to cite a snapshot: permalink, data time, sources, sha256 of its JSON', () => {
    const html = page('boards/lmarena-text/2025-11-20/index.html', absolute)
    const json = page('data/lmarena-text/2025-11-20.json', absolute)
    const digest = createHash('sha256').update(json).digest('hex')
    expect(html).toContain(`<code>${digest}</code>`)
    expect(html).toContain('https://example.org/ll/boards/lmarena-text/2025-11-20/')
    expect(html).toContain('<dt>Source files</dt><dd><code>snapshots/lmarena-text/2025-11-20.fr.md</code>')
  })

  it('writes board and model feeds only with an absolute base URL, linked from the pages', () => {
    expect([...files.keys()].some((p) => p.endsWith('feed.xml'))).toBe(false)
    const feed = page('boards/lmarena-text/feed.xml', absolute)
    expect(feed).toContain('<title type="html"><![CDATA[New #1 on LMArena Text: gemini-3-pro]]></title>')
    expect(feed).toContain('<link href="https://example.org/ll/boards/lmarena-text/diff/2025-11-18_2025-11-20/"/>')
    const model = page('models/gemini-3-pro/feed.xml', absolute)
    expect(model).toContain('New #1 on LMArena Text: gemini-3-pro')
    expect(page('models/gemini-3-pro/index.html', absolute)).toContain('<link rel="alternate" type="application/atom+xml" title="leaderlog: gemini-3-pro" href="/ll/models/gemini-3-pro/feed.xml">')
    expect(page('boards/lmarena-text/index.html', absolute)).toContain('href="/ll/boards/lmarena-text/feed.xml"')
    // Only models with entries get a feed.
    const feeds = [...absolute.keys()].filter((p) => /^models\/[^/]+\/feed\.xml$/.test(p))
    expect(feeds.length).toBeGreaterThan(0)
    expect(feeds.length).toBeLessThan(site.models.length)
    expect(absolute.has('models/alpaca-13b/feed.xml')).toBe(false)
    expect(page('models/alpaca-13b/index.html', absolute)).not.toContain('models/alpaca-13b/feed.xml')
  })

  it('writes a badge and a shields.io endpoint for each model of a board latest snapshot, and no other', () => {
    const board = site.boards.find((b) => b.id === 'lmarena-text')!
    const svgs = [...files.keys()].filter((p) => p.startsWith('badges/lmarena-text/') && p.endsWith('.svg'))
    expect(svgs.length).toBe(new Set(board.latest.rows.map((r) => r.model)).size)
    expect(JSON.parse(page('badges/lmarena-text/gemini-3-pro.json'))).toEqual({ schemaVersion: 1, label: 'LMArena Text', message: '#1', color: 'brightgreen' })
    const svg = page('badges/lmarena-text/gemini-3-pro.svg', absolute)
    expect(svg).toContain('href="https://example.org/ll/models/gemini-3-pro/"')
    expect(svg.length).toBeLessThan(1000)
    const gone = board.snapshots[0]!.rows.find((r) => !board.latest.rows.some((x) => x.model === r.model))
    if (gone) expect(files.has(`badges/lmarena-text/${gone.model}.svg`)).toBe(false)
  })
})
