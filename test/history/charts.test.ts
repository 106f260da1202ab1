import { describe, expect, it } from 'vitest'
import { buildFrontier, type ModelInfo } from '../../src/model/history/frontier.js'
import { leaderTimeline } from '../../src/model/history/leaders.js'
import { frontierChart } from '../../src/render/charts/frontier.js'
import { nudge, placeFree, placeLabels } from '../../src/render/charts/labels.js'
import { leaderTimelineChart } from '../../src/render/charts/leader-timeline.js'
import { assignStyles, styleClasses } from '../../src/render/charts/palette.js'
import { labelText } from '../../src/render/charts/svg.js'
import { timeAxis, timeScale } from '../../src/render/charts/time-axis.js'
import { daily, row, snap } from './fixtures.js'
import { count, decode, groups, onlyKnownTags, overlapping, paths, texts } from './svg.js'

describe('leaderTimelineChart', () => {
  const list = [
    ...daily('2026-01-01', 4, () => ['a', 'b']),
    ...daily('2026-01-05', 2, () => [row('a', 1), row('b', 1)]), // shared #1
    ...daily('2026-01-07', 2, () => ['b', 'a']),
    ...daily('2026-02-20', 3, () => ['b', 'a']) // after a gap
  ]
  const t = leaderTimeline(list)
  const chart = leaderTimelineChart(t, { id: 'lead', boardTitle: 'Test' })
  const bars = [...chart.svg.matchAll(/<rect class="(chart-reign[^"]*)" x="([^"]*)" y="[^"]*" width="([^"]*)"/g)].map((m) => ({ cls: m[1]!, x: Number(m[2]), w: Number(m[3]) }))

  it('one row per model that led, one bar per reign and leader, shared reigns marked', () => {
    expect(groups(chart.svg)).toHaveLength(2)
    expect(texts(chart.svg, 'chart-row-label').map((l) => l.content)).toEqual(['A · 6 days', 'B · 7 days · #1 now'])
    expect(bars.map((b) => b.cls)).toEqual(['chart-reign', 'chart-reign chart-reign-shared', 'chart-reign chart-reign-shared', 'chart-reign', 'chart-reign'])
    // Bars are as long as the days held: a's 4 days are twice its 2 shared ones.
    expect(bars[0]!.w / bars[1]!.w).toBeCloseTo(2, 2)
    expect(count(chart.svg, /<rect class="chart-gap"/)).toBe(1)
    expect(onlyKnownTags(chart.svg)).toBe(true)
  })

  it('the table and caption carry the reigns with the same numbers', () => {
    expect(chart.table.rows).toEqual([
      ['A', '2026-01-01', '2026-01-04', '4', '4', '0 of 4'],
      ['A & B', '2026-01-05', '2026-01-06', '2', '2', 'shared #1'],
      ['B', '2026-01-07', '2026-01-08', '2', '2', '0 of 2'],
      ['B', '2026-02-20', '2026-02-22', '3', '3', '0 of 3']
    ])
    expect(chart.caption).toBe('B holds #1 on Test since 2026-02-20 (3 days). Longest streak: A, 6 days (2026-01-01 to 2026-01-06). 4 reigns from 2026-01-01 to 2026-02-22; lighter dashed bars: #1 shared.')
    expect(chart.svg).toContain('<title>A: #1 from 2026-01-05 to 2026-01-06 (2 days), shared with B; tied with #2 in 2 of 2 snapshots</title>')
  })

  it('inline: each label on the line of its bars, left of them, rows closer together; a name too long is cut (its days kept), the full name kept in the title', () => {
    const wide = leaderTimelineChart(t, { id: 'wide', boardTitle: 'Test', width: 960, inline: true })
    const height = (svg: string) => Number(/viewBox="0 0 \d+ (\d+)"/.exec(svg)![1])
    const labels = texts(wide.svg, 'chart-row-label')
    const rects = [...wide.svg.matchAll(/<rect class="(chart-reign[^"]*)" x="([^"]*)" y="([^"]*)" width="([^"]*)" height="([^"]*)"/g)].map((m) => ({ x: Number(m[2]), y: Number(m[3]), w: Number(m[4]), h: Number(m[5]) }))
    expect(labels.map((l) => l.content)).toEqual(['A · 6 days', 'B · 7 days · #1 now'])
    // Bars start right of the longest label; each bar's middle is on its label's line.
    const labelEnd = Math.max(...labels.map((l) => l.x + l.content.length * 12 * 0.6))
    expect(Math.min(...rects.map((r) => r.x))).toBeGreaterThan(labelEnd)
    const rowOf = (y: number) => labels.findIndex((l) => Math.abs(l.y - 12 * 0.35 - y) < 6)
    expect(rects.map((r) => rowOf(r.y + r.h / 2))).toEqual([0, 0, 1, 1, 1])
    // The same bars, proportionally (a's 4 days twice its 2 shared ones); the other row shaded.
    expect(rects[0]!.w / rects[1]!.w).toBeCloseTo(2, 2)
    expect(count(wide.svg, /<rect class="chart-row-stripe"/)).toBe(1)
    const pitch = (svg: string) => texts(svg, 'chart-row-label')[1]!.y - texts(svg, 'chart-row-label')[0]!.y
    expect(pitch(wide.svg)).toBeLessThanOrEqual(pitch(chart.svg) * 0.75)
    expect(height(wide.svg)).toBeLessThan(height(chart.svg))
    expect(wide.table).toEqual(chart.table)
    expect(onlyKnownTags(wide.svg)).toBe(true)
    // A name longer than 40 % of the width: cut with an ellipsis, the bars keep 60 % of it.
    const long = 'x'.repeat(80)
    const cut = leaderTimelineChart(leaderTimeline([snap('2026-01-01', [row('x', 1, { name: long })]), snap('2026-01-02', [row('x', 1, { name: long })])]), { id: 'c', width: 600, inline: true })
    const [label] = texts(cut.svg, 'chart-row-label')
    expect(label!.content).toMatch(/^x+… · 2 days · #1 now$/)
    expect(label!.content.length * 12 * 0.6).toBeLessThanOrEqual(600 * 0.4)
    expect(cut.svg).toContain(`<title>${long}</title>`)
    const bar = /<rect class="chart-reign[^"]*" x="([^"]*)" y="[^"]*" width="([^"]*)"/.exec(cut.svg)!
    expect(Number(bar[1]) + Number(bar[2])).toBeCloseTo(600 - 6, 0)
    expect(Number(bar[2])).toBeGreaterThan(600 * 0.5)
  })

  it('numbers its events in a band above the rows, never over the first row’s label', () => {
    for (const inline of [false, true]) {
      const marked = leaderTimelineChart(t, { id: 'ev', inline, width: 600, events: [{ date: '2026-01-01', title: 'First day' }] })
      const [number] = texts(marked.svg, 'chart-event-label')
      const [label] = texts(marked.svg, 'chart-row-label')
      // The number's baseline (10-unit text) is above the top of the first label (12-unit text).
      expect(number!.y).toBeLessThanOrEqual(label!.y - 12)
      // Without events, no band.
      const plain = leaderTimelineChart(t, { id: 'ev', inline, width: 600 })
      expect(texts(plain.svg, 'chart-row-label')[0]!.y).toBeLessThan(label!.y)
    }
  })

  it('escapes hostile names', () => {
    const evil = leaderTimelineChart(leaderTimeline([snap('2026-01-01', [row('x', 1, { name: '"><script>x</script>\u202E' })])]), { id: 'e' })
    expect(onlyKnownTags(evil.svg)).toBe(true)
    expect(evil.svg).not.toMatch(/<script|\u202E/)
    expect(evil.table.rows[0]![0]).toBe('"><script>x</script>\u202E')
  })
})

describe('frontierChart', () => {
  const info: ModelInfo = (id) => ({ g1: { organization: 'Google', openWeights: false }, o1: { organization: 'OpenAI', openWeights: false }, d1: { organization: 'DeepSeek <AI>', openWeights: true } })[id]
  const list = [
    ...daily('2026-01-01', 5, () => [row('o1', 1, { score: 1500 }), row('g1', 2, { score: 1490 }), row('d1', 3, { score: 1450 })]),
    ...daily('2026-01-06', 5, () => [row('g1', 1, { score: 1510 }), row('o1', 2, { score: 1500 }), row('d1', 3, { score: 1460 })]),
    ...daily('2026-03-01', 3, () => [row('g1', 1, { score: 1510 }), row('o1', 2, { score: 1505 })], 2) // after a gap; top-2 page
  ]
  const chart = frontierChart(buildFrontier(list, info), { id: 'f', boardTitle: 'Test' })

  it('one step line per organization drawn and one for the best open weights; the gap area; breaks at the gap', () => {
    expect(groups(chart.svg)).toHaveLength(4)
    const lines = paths(chart.svg, 'chart-line')
    expect(lines).toHaveLength(4)
    expect(lines.map((d) => count(d, /M/))).toEqual([2, 2, 1, 1]) // Google, OpenAI across the gap; DeepSeek and open weights before it
    expect(paths(chart.svg, 'chart-frontier-gap')).toHaveLength(1)
    // The right column holds the last day's values; lines that stopped before it are labelled where they stop.
    expect(texts(chart.svg, 'chart-label-end').map((t) => decode(t.content))).toEqual(['Google 1,510', 'OpenAI 1,505'])
    const stopped = texts(chart.svg, 'chart-label-stopped')
    expect(stopped.map((t) => decode(t.content))).toEqual(['DeepSeek <AI> 1,460', 'Open weights 1,460'])
    const column = Math.min(...texts(chart.svg, 'chart-label-end').map((t) => t.x))
    for (const t of stopped) expect([t.anchor, t.x < column]).toEqual(['end', true])
    expect(onlyKnownTags(chart.svg)).toBe(true)
    expect(overlapping(texts(chart.svg, 'chart-label-end'), 12)).toEqual([])
  })

  it('the table and caption carry the same numbers', () => {
    expect(chart.table.rows).toEqual([
      ['Google', '2026-01-01', '1,490', 'G1', '2026-03-03', '1,510', 'G1'],
      ['OpenAI', '2026-01-01', '1,500', 'O1', '2026-03-03', '1,505', 'O1'],
      ['DeepSeek <AI>', '2026-01-01', '1,450', 'D1', '2026-01-10', '1,460', 'D1'],
      ['Best open weights', '2026-01-01', '1,450', 'D1', '2026-01-10', '1,460', 'D1'],
      ['Best proprietary', '2026-01-01', '1,500', 'O1', '2026-03-03', '1,510', 'G1'],
      ['Gap (proprietary − open)', '2026-01-01', '50', 'O1 over D1', '2026-01-10', '50', 'G1 over D1']
    ])
    expect(chart.caption).toBe(
      'Best score per organization on Test from 2026-01-01 to 2026-03-03, for Google, OpenAI, DeepSeek <AI>. On 2026-03-03, Google leads with 1,510 (G1). No open-weights model among the top 2 shown: the gap to the best proprietary one, G1 (1,510), is at least 5 points.'
    )
  })
})

describe('frontierChart of a board whose rows name no organization', () => {
  // A build of such a board once ran out of memory: no score gave an empty y axis, a width of
  // -Infinity, and d3 asked for a tick every millisecond of the time axis.
  it('draws an empty chart that says why, at once', () => {
    const chart = frontierChart(buildFrontier(daily('2026-01-01', 2, () => [row('x1', 1, { score: 1500 })]), () => ({})), { id: 'f', boardTitle: 'Test' })
    expect(chart.caption).toBe('No row of Test names its organization: no frontier to draw.')
    expect(paths(chart.svg, 'chart-line')).toEqual([])
  })

  it('and a time axis refuses a range that is not finite instead of asking d3 for endless ticks', () => {
    expect(() => timeAxis(timeScale('2026-01-01', '2026-01-02', -Infinity, 100), { y: 10 })).toThrow(/finite/)
  })
})

describe('layout helpers', () => {
  it('nudge keeps order and moves labels apart as little as needed, inside the bounds', () => {
    expect(nudge([10, 12, 14], 5, 0, 100)).toEqual([10, 15, 20])
    expect(nudge([99, 98], 5, 0, 100)).toEqual([100, 95])
    expect(nudge([50], 5, 0, 100)).toEqual([50])
  })

  it('placeLabels nudges only labels that overlap horizontally', () => {
    expect(
      placeLabels(
        [
          { x0: 0, x1: 10, y: 10 },
          { x0: 20, x1: 30, y: 10 },
          { x0: 5, x1: 15, y: 11 }
        ],
        4,
        0,
        100
      )
    ).toEqual([10, 10, 14])
  })

  it('placeFree takes the first free offset, or leaves the label out', () => {
    const l = { x0: 0, x1: 10, y: 10 }
    expect(placeFree([l, l, l, l], 4, [], [0, -4, 4])).toEqual([10, 6, 14, undefined])
    // Labels that would touch on one line (`#7#7`) are kept apart: the second moves, or is left out.
    const next = { x0: 10, x1: 20, y: 10 }
    expect(placeFree([l, next], 4, [], [0, -4])).toEqual([10, 6])
    expect(placeFree([l, { ...next, x0: 14, x1: 24 }], 4, [], [0, -4])).toEqual([10, 10])
  })

  it('labelText drops bidi and control characters and truncates by characters', () => {
    expect(labelText('a\u202Eb\u0007c\u2069')).toBe('abc')
    expect(labelText('😀😀😀😀', 3)).toBe('😀😀…')
  })

  it('time axis labels never overlap and use ISO dates', () => {
    const axis = timeAxis(timeScale('2025-01-15', '2026-08-21', 30, 380), { y: 100 })
    const labels = texts(axis, 'chart-axis')
    expect(labels.length).toBeGreaterThanOrEqual(2)
    expect(labels.every((l) => /^\d{4}(-\d{2}){0,2}$/.test(l.content))).toBe(true)
    expect(overlapping(labels, 10)).toEqual([])
    expect(texts(timeAxis(timeScale('2026-01-01', '2026-01-20', 0, 300), { y: 10 }), 'chart-axis')[0]!.content).toMatch(/^2026-01-\d{2}$/)
  })

  it('styles: lines alive at once get different styles; a later line reuses a free one', () => {
    const s = assignStyles([
      { from: '2026-01-01', to: '2026-01-10' },
      { from: '2026-01-05', to: '2026-01-20' },
      { from: '2026-01-11', to: '2026-01-30' }
    ])
    expect(s).toEqual([0, 1, 0])
    expect(styleClasses(13)).toBe('chart-series-3 chart-dash-1')
  })
})
