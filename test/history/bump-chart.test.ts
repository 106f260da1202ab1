import { describe, expect, it } from 'vitest'
import { buildRace } from '../../src/model/history/race.js'
import { bumpChart } from '../../src/render/charts/bump.js'
import { distinctTexts } from '../../src/render/charts/svg.js'
import { churn, daily, row, snap } from './fixtures.js'
import { coords, count, decode, groups, onlyKnownTags, overlapping, paths, texts } from './svg.js'

// Top 3: c falls out on 01-11 (d rises); a 31-day gap after 01-20; from 03-02
// a top-2 page: a is below the shown rows.
const history = [
  ...daily('2026-01-01', 10, () => ['a', 'b', 'c', 'd']),
  ...daily('2026-01-11', 10, () => ['b', 'a', 'd', 'c']),
  ...daily('2026-02-20', 10, () => ['b', 'a', 'd']),
  ...daily('2026-03-02', 10, () => ['b', 'd'], 2)
]
const chart = bumpChart(buildRace(history, { top: 3 }), { id: 'race', boardTitle: 'Test board' })
const series = groups(chart.svg)
const groupOf = (name: string) => series.find((g) => g.includes(`<title>${name}</title>`))!

describe('bumpChart', () => {
  it('is an accessible, responsive SVG', () => {
    expect(chart.svg).toMatch(/^<svg class="chart chart-race" viewBox="0 0 400 [\d.]+" width="100%" font-size="12" role="img" aria-labelledby="race-title race-desc"/)
    expect(chart.svg).toContain('<title id="race-title">Top 3 of Test board over time</title>')
    expect(chart.svg).toContain(`<desc id="race-desc">${chart.caption}</desc>`)
    expect(onlyKnownTags(chart.svg)).toBe(true)
    expect(chart.svg).not.toMatch(/\d\.\d{3}/) // two decimals at most
  })

  it('one line per model, labelled at both ends with the ranks the table gives', () => {
    expect(series).toHaveLength(4)
    expect(paths(chart.svg, 'chart-line')).toHaveLength(4)
    expect(chart.table.rows.map((r) => r[0])).toEqual(['A', 'B', 'C', 'D'])
    for (const [i, g] of series.entries()) {
      const start = texts(g, 'chart-label-start')
      const end = texts(g, 'chart-label-end')
      expect([start.length, end.length]).toEqual([1, 1])
      const r = chart.table.rows[i]!
      expect(start[0]!.content).toBe(r[2])
      expect(end[0]!.content.startsWith(r[4]!)).toBe(true)
    }
    // Models still there are named in the right column; the others end with their last rank.
    expect(texts(groupOf('B'), 'chart-label-end')[0]!.content).toBe('#1 B')
    expect(texts(groupOf('D'), 'chart-label-end')[0]!.content).toBe('#2 D')
    expect(texts(groupOf('C'), 'chart-label-end')[0]!.content).toBe('#3')
  })

  it('the table: first and last place in the top, days there, how it ended', () => {
    expect(chart.table.columns).toEqual(['Model', 'First in the top', 'First rank', 'Last in the top', 'Last rank', 'Days in the top 3', 'Then'])
    expect(chart.table.rows).toEqual([
      ['A', '2026-01-01', '#1', '2026-03-01', '#2', '30', 'below the top 2 shown on 2026-03-02'],
      ['B', '2026-01-01', '#2', '2026-03-11', '#1', '40', 'still there on the last date'],
      ['C', '2026-01-01', '#3', '2026-01-10', '#3', '10', 'fell below #3 on 2026-01-11'],
      ['D', '2026-01-11', '#3', '2026-03-11', '#2', '30', 'still there on the last date']
    ])
  })

  it('a gap breaks the lines into separate segments and is shaded', () => {
    const segments = (name: string) => count(paths(groupOf(name), 'chart-line')[0]!, /M/)
    expect([segments('A'), segments('B'), segments('C'), segments('D')]).toEqual([2, 2, 1, 2])
    expect(count(chart.svg, /<rect class="chart-gap"/)).toBe(1)
    expect(chart.svg).toContain('<title>No snapshot from 2026-01-20 to 2026-02-20</title>')
  })

  it('a model below the shown top N ends with a marker at its place; one that fell out drops off the bottom', () => {
    const a = coords(paths(groupOf('A'), 'chart-line')[0]!)
    const c = coords(paths(groupOf('C'), 'chart-line')[0]!)
    // After the gap, a runs flat on its row (#2) to its last point: no fall.
    const afterGap = coords('M' + paths(groupOf('A'), 'chart-line')[0]!.split('M')[2]!)
    expect(new Set(afterGap.map((p) => p[1])).size).toBe(1)
    expect(a.at(-1)).toEqual(afterGap.at(-1))
    expect(paths(groupOf('A'), 'chart-end-below')).toHaveLength(1)
    expect(paths(groupOf('C'), 'chart-end-below')).toHaveLength(0)
    const bottom = Math.max(...series.flatMap((g) => coords(paths(g, 'chart-line')[0]!).map((p) => p[1])))
    expect(c.at(-1)![1]).toBe(bottom)
    expect(a.every((p) => p[1] < bottom)).toBe(true)
  })

  it('statistical ties are shared bands, one rectangle per stretch of dates', () => {
    expect(chart.svg).not.toContain('chart-tie') // no intervals: no bands
    const tied = [...daily('2026-01-01', 5, () => [row('a', 1, { score: 100, ci: 5 }), row('b', 2, { score: 96, ci: 5 }), row('c', 3, { score: 80, ci: 2 })])]
    tied.push(snap('2026-01-06', [row('a', 1, { score: 100, ci: 1 }), row('b', 2, { score: 96, ci: 1 }), row('c', 3, { score: 80, ci: 2 })]))
    tied.push(snap('2026-01-07', [row('a', 1, { score: 100, ci: 5 }), row('b', 2, { score: 96, ci: 5 }), row('c', 3, { score: 80, ci: 2 })]))
    const svg = bumpChart(buildRace(tied, { top: 3 }), { id: 't' }).svg
    const bands = paths(svg, 'chart-tie')
    expect(bands).toHaveLength(1)
    expect(count(bands[0]!, /M/)).toBe(2) // 01-01..01-06, then 01-07 again
    expect(bumpChart(buildRace(tied, { top: 3 }), { id: 't' }).caption).toContain('Statistically tied on 2026-01-07 (shared band): #1–#2.')
  })

  it('escapes hostile names and strips bidi controls from labels; the table keeps the name as data', () => {
    const hostile = '<script>alert("x")</script> {{x}} \u202Eevil\u2066 & \'q\''
    const svg = bumpChart(buildRace([snap('2026-01-01', [row('h', 1, { name: hostile }), row('b', 2)]), snap('2026-01-09', [row('h', 1, { name: hostile }), row('b', 2)])], { top: 2 }), { id: 'x"><script>', boardTitle: '</title><script>' })
    expect(onlyKnownTags(svg.svg)).toBe(true)
    expect(svg.svg).not.toMatch(/<script|\u202E|\u2066/)
    expect(svg.svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; {{x}} evil &amp; &#39;q&#39;')
    expect(svg.svg).toContain('aria-labelledby="x&quot;&gt;&lt;script&gt;-title')
    expect(svg.table.rows[0]![0]).toBe(hostile)
    const end = texts(svg.svg, 'chart-label-end').map((t) => decode(t.content))
    expect(end).toContain('#1 <script>…& \'q\'')
  })

  it('cuts names so that each label still tells its model apart', () => {
    // Cut in the middle, 4-7 and 4-8 would read alike: the start that tells them apart is kept instead.
    expect(distinctTexts(['claude-opus-4-8-thinking', 'claude-opus-4-7-thinking', 'gpt-5.5-high', 'Claude Opus 5 (Max)'], 16)).toEqual(['claude-opus-4-8…', 'claude-opus-4-7…', 'gpt-5.5-high', 'Claude Op…(Max)'])
    // Names that no cut tells apart are left whole; one name twice (one model) is no clash.
    expect(distinctTexts(['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1aaaaaaaaaaaaaaaaaaaaaaaaaaa', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2aaaaaaaaaaaaaaaaaaaaaaaaaaa'], 8)).toEqual(['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1aaaaaaaaaaaaaaaaaaaaaaaaaaa', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2aaaaaaaaaaaaaaaaaaaaaaaaaaa'])
    expect(distinctTexts(['same name for one', 'same name for one'], 8)).toEqual(['same…one', 'same…one'])
  })

  it('leaves out a first word other labels share before cutting a name, where every label stays distinct', () => {
    // Upstream's Agent board: cut in the middle, these read `Cl…s 5 (High)` and `Cl…e 5 (High)`.
    expect(distinctTexts(['Claude Opus 5 (High)', 'Claude Fable 5 (High)', 'Claude Opus 5 (Max)', 'Kimi K3 (Max)', 'GPT 5.6 Sol (xHigh)', 'GPT 5.5 (High)'], 14)).toEqual([
      'Opus 5 (High)',
      'Fable 5 (High)',
      'Opus 5 (Max)',
      'Kimi K3 (Max)',
      // A version number alone says too little: the word stays, and the name is cut in its middle.
      'GPT 5.6…High)',
      'GPT 5.5 (High)'
    ])
    // Only names too long lose it; a word no other label starts with stays.
    expect(distinctTexts(['Claude Opus 5 (High)', 'Claude 3 Opus', 'Gemini Pro Deep Think'], 14)).toEqual(['Opus 5 (High)', 'Claude 3 Opus', 'Gemini P…Think'])
    // Two models that would read alike without it keep it.
    expect(distinctTexts(['Gemini Pro Experimental', 'Gemma Pro Experimental', 'Gemini Flash', 'Gemma Flash'], 14)).toEqual(['Gemini P…ental', 'Gemma Pr…ental', 'Gemini Flash', 'Gemma Flash'])
  })

  it('cuts a long end label in its middle: two names that differ at their end stay two', () => {
    const high = 'Claude Opus 5 (High)'
    const max = 'Claude Opus 5 (Max)'
    const chart = bumpChart(buildRace([snap('2026-01-01', [row('h', 1, { name: high }), row('m', 2, { name: max })]), snap('2026-01-09', [row('h', 1, { name: high }), row('m', 2, { name: max })])], { top: 2 }), { id: 'c', maxName: 16 })
    const end = texts(chart.svg, 'chart-label-end').map((t) => decode(t.content))
    // Both start with `Claude`: shown without it, they fit whole.
    expect(end).toEqual(['#1 Opus 5 (High)', '#2 Opus 5 (Max)'])
    // The label column is as wide as its bold labels (weight 600 is wider than the plain estimate).
    const x1 = Math.min(...texts(chart.svg, 'chart-label-end').map((t) => t.x))
    expect(400 - x1).toBeGreaterThanOrEqual(Math.max(...end.map((e) => e.length)) * 12 * 0.72)
    // Without `maxName`, names are cut to what the label column holds: a narrower chart cuts them shorter.
    const narrow = bumpChart(buildRace([snap('2026-01-01', [row('h', 1, { name: high })]), snap('2026-01-09', [row('h', 1, { name: high })])], { top: 1 }), { id: 'n', width: 300 })
    const [label] = texts(narrow.svg, 'chart-label-end').map((t) => decode(t.content))
    expect(label!.length * 12 * 0.72).toBeLessThanOrEqual(300 * 0.45 - 8)
  })

  it('is deterministic: same input, same bytes, whatever the order of the snapshots', () => {
    const list = churn(120)
    const a = bumpChart(buildRace(list), { id: 'd' })
    const b = bumpChart(buildRace([...list].reverse()), { id: 'd' })
    expect(b.svg).toBe(a.svg)
    expect(b.table).toEqual(a.table)
  })

  it('600 daily snapshots of a churning top 10 stay under 40 KB, with labels that do not overlap', () => {
    const race = buildRace(churn(600))
    const { svg, table } = bumpChart(race, { id: 'big' })
    expect(svg.length).toBeLessThan(40_000)
    expect(svg).not.toContain('<circle')
    expect(groups(svg)).toHaveLength(race.series.length)
    expect(table.rows).toHaveLength(race.series.length)
    expect(overlapping(texts(svg, 'chart-label'), 12)).toEqual([])
    expect(overlapping(texts(svg, 'chart-axis'), 10)).toEqual([])
  })
})
