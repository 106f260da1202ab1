import { beforeAll, describe, expect, it } from 'vitest'
import { diffSnapshots } from '../../src/model/diffs.js'
import type { SiteModel } from '../../src/model/site.js'
import { emptyData } from '../../src/registry/data.js'
import { normalize } from '../../src/registry/normalize.js'
import type { SiteFile } from '../../src/render/site.js'
import { parseBaseUrl } from '../../src/render/urls.js'
import { input, type FixtureRow } from '../registry/fixtures.js'
import { renderNormalized } from './helpers.js'

/**
 * Upstream publishes only the top 30 from 2026-07-29 (the page says so; the
 * parser gives `declaredRows`). A model missing from such a page is below the
 * published top 30, not gone: here the whole board, then top-3 pages.
 */
const all: FixtureRow[] = Array.from({ length: 6 }, (_, i) => ({ name: `model-${'abcdef'[i]}`, score: 1500 - i * 10, votes: 10_000 - i * 100, organization: 'Acme' }))
const top3 = (rows: FixtureRow[]) => rows.slice(0, 3)

let site: SiteModel
let files: SiteFile[]
const file = (p: string) => files.find((f) => f.path === p)!.content
const text = (p: string) => file(p).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

beforeAll(() => {
  // 07-30: whole board. 08-07: top 3 (d, e, f below). 08-08: top 3, model-d rises into it, model-c drops below.
  const swapped = [all[0]!, all[1]!, { ...all[3]!, score: 1481 }, { ...all[2]!, score: 1470 }]
  const normalized = normalize(
    [input('2026-07-30', all), input('2026-08-07', top3(all), { declaredRows: 3 }), input('2026-08-08', top3(swapped.sort((a, b) => b.score - a.score)), { declaredRows: 3 })],
    emptyData
  )
  ;({ site, files } = renderNormalized(normalized, parseBaseUrl('https://example.org/')))
})

describe('top-N pages are not departures', () => {
  it('carries how many rows a page shows onto the snapshot and its data', () => {
    expect(site.boards[0]!.snapshots.map((s) => s.shownRows)).toEqual([undefined, 3, 3])
    expect(JSON.parse(file('data/lmarena-text/2026-08-07.json')).shownRows).toBe(3)
    expect(JSON.parse(file('data/lmarena-text/2026-07-30.json'))).not.toHaveProperty('shownRows')
  })

  it('the diff from a whole page to a top-N page: below the published top N, never left', () => {
    const [d] = site.diffs.get('lmarena-text')!
    expect(d!.left).toEqual([])
    expect(d!.belowTop.map((e) => e.model)).toEqual(['model-d', 'model-e', 'model-f'])
    expect(d!.entered).toEqual([])
    const json = JSON.parse(file('data/lmarena-text/diff/2026-07-30_2026-08-07.json'))
    expect(Object.keys(json)).toEqual(['board', 'from', 'to', 'entered', 'left', 'moved', 'shownRows', 'belowTop'])
    expect(json.shownRows).toEqual({ to: 3 })
    expect(json.belowTop).toEqual([
      { model: 'model-d', rank: 4, score: 1470 },
      { model: 'model-e', rank: 5, score: 1460 },
      { model: 'model-f', rank: 6, score: 1450 }
    ])
    const page = text('boards/lmarena-text/diff/2026-07-30_2026-08-07/index.html')
    expect(page).toContain('0 entered, 0 left, 3 below the published top 3, 0 moved (0 significantly), 3 unchanged.')
    expect(page).toContain('Below the published top 3')
    expect(page).toContain('No model left.')
  })

  it('between two top-N pages: who entered the published top N, who fell below it', () => {
    const d = site.diffs.get('lmarena-text')![1]!
    expect([d.entered, d.left]).toEqual([[], []])
    expect(d.enteredTop.map((e) => e.model)).toEqual(['model-d'])
    expect(d.belowTop.map((e) => e.model)).toEqual(['model-c'])
    const page = text('boards/lmarena-text/diff/2026-08-07_2026-08-08/index.html')
    expect(page).toContain('0 entered, 1 entered the published top 3, 0 left, 1 below the published top 3')
    // The home page's latest change says it too.
    expect(text('index.html')).toContain('Latest change: 2026-08-07 → 2026-08-08: 1 into the top 3, 1 below the top 3 ')
  })

  it('the feed announces no model as new that only rose into the top N', () => {
    expect(file('feed.xml')).not.toContain('new on LMArena Text')
  })

  it('the model page says below the published top N, not gone', () => {
    const page = text('models/model-e/index.html')
    expect(page).toContain('below the published top 3')
    expect(page).toContain('Below the published top 3 since 2026-08-07: upstream lists only its top 3 rows.')
    expect(page).not.toContain('not listed')
    // Its condensed history says which top N it was below that day.
    expect(file('models/model-e/index.html')).toContain('<td data-sort="100000">below the published top 3</td>')
    expect(page).not.toContain('top N')
    // A page that shows the whole board, then a model missing: left, said as before.
    const whole = diffSnapshots(site.boards[0]!.snapshots[0]!, { ...site.boards[0]!.snapshots[0]!, date: '2026-07-31', rows: site.boards[0]!.snapshots[0]!.rows.slice(0, 5) })
    expect(whole.left.map((e) => e.model)).toEqual(['model-f'])
    expect(whole.belowTop).toEqual([])
  })

  it('the snapshot page says the page shows only the top N', () => {
    expect(text('boards/lmarena-text/2026-08-07/index.html')).toContain('upstream publishes only the top 3: a model below it is not listed, not gone')
  })
})
