import { beforeAll, describe, expect, it } from 'vitest'
import { buildSiteModel } from '../../src/model/site.js'
import { emptyData } from '../../src/registry/data.js'
import { normalize } from '../../src/registry/normalize.js'
import { renderAll, type SiteFile } from '../../src/render/site.js'
import { parseBaseUrl } from '../../src/render/urls.js'
import { input, type FixtureRow } from '../registry/fixtures.js'

/**
 * 40 models, 3 points apart with intervals of ±5 (no move is significant).
 * The next day `newcomer` enters at rank 14: the 27 models below it move down
 * one place each; `riser` climbs from 35 to 30 (5 places); `top-3` and
 * `top-4` swap inside the top 10.
 */
const day1: FixtureRow[] = Array.from({ length: 40 }, (_, i) => ({ name: `m-${i + 1}`, score: 1500 - i * 3, votes: 50_000 - i * 100, ci: 5 }))
const day2: FixtureRow[] = [
  ...day1.map((r) => (r.name === 'm-3' ? { ...r, score: 1490 } : r.name === 'm-4' ? { ...r, score: 1495 } : r.name === 'm-35' ? { ...r, score: 1414 } : r)),
  { name: 'newcomer', score: 1461.5, votes: 2_000, ci: 5 }
].sort((a, b) => b.score - a.score)

let files: SiteFile[]
const page = () => files.find((f) => f.path === 'boards/lmarena-text/diff/2025-01-01_2025-01-02/index.html')!.content
const listedModels = () => [...page().split('<table id="moved"')[1]!.split('</table>')[0]!.matchAll(/<a href="\/models\/([^/]+)\/">/g)].map((m) => m[1])

beforeAll(() => {
  const normalized = normalize([input('2025-01-01', day1), input('2025-01-02', day2)], emptyData)
  const site = buildSiteModel({ normalized, fileDiagnostics: [], files: [], blocked: new Set() })
  files = renderAll(site, { base: parseBaseUrl('/'), registry: normalized.registry })
})

describe('a diff page', () => {
  it('lists the moves that matter and counts the ripples of an entry', () => {
    const diff = JSON.parse(files.find((f) => f.path === 'data/lmarena-text/diff/2025-01-01_2025-01-02.json')!.content)
    // The JSON keeps every move…
    expect(diff.moved.length).toBeGreaterThan(25)
    // …the page lists the 5-place climb and the swap at the top, not the one-place ripples below the newcomer.
    expect(new Set(listedModels())).toEqual(new Set(['m-35', 'm-3', 'm-4']))
    expect(page()).toContain(`Moved: 3 of ${diff.moved.length}, biggest movers first`)
    expect(page()).toMatch(new RegExp(`${diff.moved.length - 3} other models moved by one or two places without a significant score change`))
  })
})
