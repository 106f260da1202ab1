import { beforeAll, describe, expect, it } from 'vitest'
import { emptyData } from '../../src/registry/data.js'
import { normalize } from '../../src/registry/normalize.js'
import type { SiteFile } from '../../src/render/site.js'
import { input, type FixtureRow } from '../registry/fixtures.js'
import { renderNormalized } from './helpers.js'

/**
 * 40 models, 3 points apart with intervals of ±5 (no move is significant).
 * The next day four newcomers enter at ranks 14 to 17: the 27 models below
 * them move down four or five places each, though none lost more than one
 * place to a model of both days; `m-35` climbs from 35 to 34, passing five
 * models of both days (m-30 to m-34); `m-3` and `m-4` swap inside the top 10.
 */
const day1: FixtureRow[] = Array.from({ length: 40 }, (_, i) => ({ name: `m-${i + 1}`, score: 1500 - i * 3, votes: 50_000 - i * 100, ci: 5 }))
const day2: FixtureRow[] = [
  ...day1.map((r) => (r.name === 'm-3' ? { ...r, score: 1490 } : r.name === 'm-4' ? { ...r, score: 1495 } : r.name === 'm-35' ? { ...r, score: 1414 } : r)),
  ...[1461.5, 1461.4, 1461.3, 1461.2].map((score, i) => ({ name: `newcomer-${i + 1}`, score, votes: 2_000, ci: 5 }))
].sort((a, b) => b.score - a.score)

let files: SiteFile[]
const page = () => files.find((f) => f.path === 'boards/lmarena-text/diff/2025-01-01_2025-01-02/index.html')!.content
const listedModels = () => [...page().split('<table id="moved"')[1]!.split('</table>')[0]!.matchAll(/<a href="\/models\/([^/]+)\/">/g)].map((m) => m[1])

beforeAll(() => {
  const normalized = normalize([input('2025-01-01', day1), input('2025-01-02', day2)], emptyData)
  files = renderNormalized(normalized).files
})

describe('a diff page', () => {
  it('lists the moves that matter and counts the ripples of the entries', () => {
    const diff = JSON.parse(files.find((f) => f.path === 'data/lmarena-text/diff/2025-01-01_2025-01-02.json')!.content)
    // The JSON keeps every move, the four-place ripples included…
    expect(diff.moved.length).toBe(29)
    expect(diff.moved.find((m: { model: string }) => m.model === 'm-20')).toMatchObject({ from: { rank: 20 }, to: { rank: 24 } })
    // …the page lists the climb past five models of both days (one rank on the board) and the swap at the top,
    // not the models pushed down by the newcomers.
    expect(new Set(listedModels())).toEqual(new Set(['m-35', 'm-3', 'm-4']))
    expect(diff.moved.find((m: { model: string }) => m.model === 'm-35')).toMatchObject({ from: { rank: 35 }, to: { rank: 34 } })
    expect(page()).toContain(`Moved: 3 of 29, biggest movers first (significant, 3 places or more against the models on both days, or in the top 10)`)
    // 21 of them kept their place among the models of both days (m-30 to m-34 lost one, to m-35).
    // Why m-35 is listed: one place on the board, five models of both days passed.
    const row = (id: string) => page().split(`<a href="/models/${id}/">`)[1]!.split('</tr>')[0]!.match(/<td[^>]*>([^<]*)<\/td>/g)!.slice(0, 3).map((c) => c.replace(/<[^>]+>/g, ''))
    expect(row('m-35')).toEqual(['35 → 34', '+1', '+5'])
    expect(row('m-3')).toEqual(['3 → 4', '−1', '−1'])
    expect(page()).toContain('<span class="mark">Net passed</span> models on both 2025-01-01 and 2025-01-02 the model went past, less those that went past it: entries and exits do not count')
    expect(page()).toContain('26 other models moved without a significant score change and by at most two places against the models on both days, 21 of them only because models entered or left above them')
  })
})
