import { line } from 'd3-shape'
import { addDays } from '../../core/dates.js'
import { condenseRace, type Race, type RacePoint, type RaceSeries } from '../../model/history/race.js'
import { formatNumber } from '../../core/text.js'
import { placeFree, placeLabels, type Label } from './labels.js'
import { assignStyles, styleClasses } from './palette.js'
import { distinctTexts, fixed, labelText, middleText, open, text, textWidth, title, type ChartResult } from './svg.js'
import { gapShades, timeAxis, timeScale, xOf } from './time-axis.js'
import { eventMarks, eventsCaption, eventsIn, type ChartEvent } from './events.js'

/** The share of the width the end labels may take (names are cut to fit it). */
const LABEL_SHARE = 0.45

export interface BumpChartOptions {
  /** Unique within the page. */
  id: string
  /** The board's title, for the chart's title and caption (default: its id). */
  boardTitle?: string
  width?: number
  rowHeight?: number
  fontSize?: number
  /** Longest name shown in an end label, in characters (the table has them whole). */
  maxName?: number
  /** Dated events to mark (outside the chart's dates: left out). */
  events?: readonly ChartEvent[]
}

type XY = [number, number]

function spanEnd(p: Pick<RacePoint, 'date' | 'days'>): string {
  return addDays(p.date, p.days - 1)
}

/** Drop the inner points of horizontal stretches: a step history in few path commands. */
function simplify(points: readonly XY[]): XY[] {
  return points.filter((p, i) => {
    const a = points[i - 1]
    const b = points[i + 1]
    return !(a && b && a[1] === p[1] && b[1] === p[1])
  })
}

/**
 * A bump chart of a board's top K over its history: one line per model
 * (broken by gaps), tie bands behind them, labels at both ends (its first
 * rank where the line starts; its last rank where it ends, with the name in a
 * column at the right for the models still there). A line ends with a hollow
 * circle when the model went below the rows a top-N page showed, with a cross
 * when it left the board, and drops off the bottom when it fell out of the top K.
 */
export function bumpChart(input: Race, options: BumpChartOptions): ChartResult {
  const race = condenseRace(input)
  const board = options.boardTitle ?? race.board
  const K = race.top
  const width = options.width ?? 400
  const rowH = options.rowHeight ?? 24
  const fs = options.fontSize ?? 12
  // As many characters as the label column (at most `LABEL_SHARE` of the width) holds beside `#10 `, bold.
  const maxName = options.maxName ?? Math.min(24, Math.max(8, Math.floor((width * LABEL_SHARE - 8) / textWidth('x', fs, true)) - 4))
  const days = race.days
  const first = days[0]
  const last = days[days.length - 1]
  const chartTitle = `Top ${K} of ${board} over time`
  if (!first || !last) {
    const caption = `No snapshot of ${board} yet.`
    return { svg: open({ id: options.id, kind: 'chart-race', width, height: 40, fontSize: fs, title: chartTitle, desc: caption }) + '</svg>', caption, table: { columns: [], numeric: [], rows: [] } }
  }
  const snapshots = days.reduce((n, d) => n + d.snapshots, 0)
  const top = 4
  const plotBottom = top + (K + 0.5) * rowH
  const height = plotBottom + fs + 10
  const yOf = (position: number) => top + (position - 0.5) * rowH
  const yOut = plotBottom - 2

  const current = race.series.filter((s) => s.runs.at(-1)!.end === 'last')
  const shortNames = new Map(distinctTexts(current.map((s) => s.name), maxName).map((t, i) => [current[i]!, t]))
  const endName = (s: RaceSeries) => {
    const p = s.runs.at(-1)!.points.at(-1)!
    return `#${formatNumber(p.rank)} ${shortNames.get(s) ?? middleText(s.name, maxName)}`
  }
  const rightW = Math.min(width * LABEL_SHARE, Math.max(0, ...current.map((s) => textWidth(endName(s), fs, true))) + 8)
  const startsFirst = race.series.filter((s) => s.runs[0]!.points[0]!.date === first.date)
  const leftW = Math.max(24, ...startsFirst.map((s) => textWidth(`#${formatNumber(s.runs[0]!.points[0]!.rank)}`, fs) + 6))
  const x0 = leftW
  const x1 = width - rightW
  const scale = timeScale(first.date, last.date, x0, x1)
  const x = (date: string) => xOf(scale, date)
  const path = line().digits(2)

  // Tie bands: one rectangle per stretch of consecutive dates with the same tied rows.
  const bands: string[] = []
  const openBands = new Map<string, { x0: number; x1: number; first: number; last: number }>()
  const closeBand = (b: { x0: number; x1: number; first: number; last: number }) => {
    let [a, z] = [b.x0, Math.max(b.x1, b.x0 + 2)]
    if (z > x1) [a, z] = [Math.max(x0, x1 - Math.max(2, b.x1 - b.x0)), x1]
    bands.push(`M${fixed(a)},${fixed(yOf(b.first) - rowH * 0.42)}H${fixed(z)}V${fixed(yOf(b.last) + rowH * 0.42)}H${fixed(a)}Z`)
  }
  days.forEach((day, i) => {
    const next = days[i + 1]
    const end = next && !next.gapBefore ? x(next.date) : x(spanEnd(day))
    const here = new Set<string>()
    for (const g of day.ties) {
      const key = `${g.first}-${g.last}`
      here.add(key)
      const b = openBands.get(key)
      if (b && !day.gapBefore) b.x1 = end
      else {
        if (b) closeBand(b)
        openBands.set(key, { x0: x(day.date), x1: end, first: g.first, last: g.last })
      }
    }
    for (const [key, b] of openBands) {
      if (!here.has(key)) {
        closeBand(b)
        openBands.delete(key)
      }
    }
  })
  for (const b of openBands.values()) closeBand(b)

  // Lines, end markers and labels per series.
  const styles = assignStyles(race.series.map((s) => ({ from: s.runs[0]!.before ?? s.runs[0]!.points[0]!.date, to: s.runs.at(-1)!.after ?? spanEnd(s.runs.at(-1)!.points.at(-1)!) })))
  const labels: (Label & { series: number; kind: 'start' | 'end'; content: string; anchor: 'start' | 'end'; x: number; dy: number })[] = []
  const bodies = race.series.map((s, si) => {
    const segments: string[] = []
    const markers = { below: [] as string[], left: [] as string[] }
    for (const run of s.runs) {
      const pts: XY[] = []
      if (run.start === 'rose' && run.before) pts.push([x(run.before), yOut])
      for (const p of run.points) {
        const y = yOf(p.position)
        pts.push([x(p.date), y])
        if (p.days > 1) pts.push([Math.min(x(spanEnd(p)), x1), y])
      }
      if (run.end === 'fell' && run.after) pts.push([x(run.after), yOut])
      let simple = simplify(pts)
      if (simple.length === 1) simple = [[simple[0]![0] - 1.5, simple[0]![1]], [simple[0]![0] + 1.5, simple[0]![1]]]
      segments.push(path(simple) ?? '')
      const head = run.points[0]!
      const tail = run.points.at(-1)!
      const r = 3
      const circle = ([cx, cy]: XY) => `M${fixed(cx - r)},${fixed(cy)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`
      if (run.start === 'surfaced') markers.below.push(circle([x(head.date), yOf(head.position)]))
      const tx = Math.min(x(spanEnd(tail)), x1)
      const ty = yOf(tail.position)
      if (run.end === 'below') markers.below.push(circle([tx, ty]))
      if (run.end === 'left') markers.left.push(`M${fixed(tx - r)},${fixed(ty - r)}l${2 * r},${2 * r}m0,${-2 * r}l${-2 * r},${2 * r}`)
    }
    // Start label: the first rank, in the left column or above where the line starts.
    const head = s.runs[0]!.points[0]!
    const startText = `#${formatNumber(head.rank)}`
    const sw = textWidth(startText, fs)
    if (head.date === first.date) labels.push({ series: si, kind: 'start', content: startText, anchor: 'end', x: x0 - 4, x0: x0 - 4 - sw, x1: x0 - 4, y: yOf(head.position), dy: fs * 0.35 })
    else {
      const hx = x(head.date)
      labels.push({ series: si, kind: 'start', content: startText, anchor: 'start', x: hx, x0: hx, x1: hx + sw, y: yOf(head.position) - 4 - fs * 0.35, dy: fs * 0.35 })
    }
    // End label: the last rank (and name, for the models still there).
    const lastRun = s.runs.at(-1)!
    const tail = lastRun.points.at(-1)!
    if (lastRun.end === 'last') {
      const content = endName(s)
      labels.push({ series: si, kind: 'end', content, anchor: 'start', x: x1 + 4, x0: x1 + 4, x1: x1 + 4 + textWidth(content, fs, true), y: yOf(tail.position), dy: fs * 0.35 })
    } else {
      const content = `#${formatNumber(tail.rank)}`
      const tx = Math.min(x(spanEnd(tail)), x1)
      const w = textWidth(content, fs)
      labels.push({ series: si, kind: 'end', content, anchor: 'end', x: tx, x0: tx - w, x1: tx, y: yOf(tail.position) - 4 - fs * 0.35, dy: fs * 0.35 })
    }
    const marks = (cls: string, list: string[]) => (list.length ? `<path class="chart-end ${cls}" d="${list.join('')}"/>` : '')
    return `<path class="chart-line" d="${segments.join('')}"/>${marks('chart-end-below', markers.below)}${marks('chart-end-left', markers.left)}`
  })
  // Labels in the side columns are nudged apart; labels inside the plot go
  // where they overlap nothing (longest-lived series first) or are left out:
  // the table has every value.
  const ys: (number | undefined)[] = labels.map(() => undefined)
  const inColumn = labels.map((l, i) => ({ l, i })).filter(({ l }) => l.x1 <= x0 || l.x0 >= x1)
  const column = placeLabels(
    inColumn.map(({ l }) => l),
    fs + 1,
    top + fs / 2,
    plotBottom - fs / 2
  )
  inColumn.forEach(({ i }, k) => (ys[i] = column[k]))
  const weight = race.series.map((s) => s.runs.reduce((n, r) => n + r.points.reduce((m, p) => m + p.days, 0), 0))
  // A line shorter than two characters is too short to follow: its labels stay in the table.
  const span = race.series.map((s) => {
    const a = s.runs[0]!.points[0]!
    const z = s.runs.at(-1)!.points.at(-1)!
    return x(spanEnd(z)) - x(a.date)
  })
  const inPlot = labels
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => !(l.x1 <= x0 || l.x0 >= x1) && span[l.series]! >= 2 * fs)
    .sort((a, b) => weight[b.l.series]! - weight[a.l.series]! || a.l.series - b.l.series || a.i - b.i)
  const free = placeFree(
    inPlot.map(({ l }) => l),
    fs + 1,
    [],
    [0, -(fs + 1) / 2, (fs + 1) / 2]
  )
  inPlot.forEach(({ i }, k) => (ys[i] = free[k]))
  const labelsOf = (si: number) =>
    labels
      .map((l, i) => (l.series === si && ys[i] !== undefined ? text(`chart-label chart-label-${l.kind}`, l.x, ys[i]! + l.dy, l.content, l.anchor === 'end' ? ' text-anchor="end"' : '') : ''))
      .join('')

  const gaps = days.flatMap((d, i) => (d.gapBefore && i > 0 ? [[days[i - 1]!.date, d.date] as const] : []))
  const lastTies = last.ties.map((g) => `#${g.first}–#${g.last}`)
  const leader = last.top[0]
  const caption =
    `Top ${K} of ${board} from ${first.date} to ${last.date} (${formatNumber(snapshots)} snapshots): ${formatNumber(race.series.length)} models held a place` +
    (leader ? `; #1 on ${last.date}: ${labelText(leader.name)}` : '') +
    '.' +
    (lastTies.length ? ` Statistically tied on ${last.date} (shared band): ${lastTies.join(', ')}.` : '') +
    (gaps.length ? ` ${gaps.length === 1 ? 'One gap' : `${gaps.length} gaps`} without data.` : '') +
    legend(race) +
    eventsCaption(eventsIn(scale, options.events))

  const parts = [
    open({ id: options.id, kind: 'chart-race', width, height, fontSize: fs, title: chartTitle, desc: caption }),
    gapShades(scale, gaps, top, plotBottom),
    timeAxis(scale, { y: height - 4, top, bottom: plotBottom, left: 0, right: width }),
    bands.length ? `<path class="chart-tie" d="${bands.join('')}"/>` : '',
    eventMarks(scale, eventsIn(scale, options.events), top, plotBottom),
    ...race.series.map((s, si) => `<g class="chart-series ${styleClasses(styles[si]!)}">${title(s.name)}${bodies[si]}${labelsOf(si)}</g>`),
    '</svg>'
  ]
  return { svg: parts.join(''), caption, table: table(race) }
}

/** What the line endings mean, for the endings the chart has. */
function legend(race: Race): string {
  const ends = new Set(race.series.flatMap((s) => s.runs.flatMap((r) => [r.end, r.start === 'surfaced' ? 'below' : r.end])))
  const out: string[] = []
  if (ends.has('fell')) out.push(`a line dropping off the bottom fell out of the top ${race.top}`)
  if (ends.has('left')) out.push('a cross: it left the board')
  if (ends.has('below')) out.push('a hollow circle: it was below the rows a top-N page showed')
  return out.length ? ` Line ends: ${out.join('; ')}.` : ''
}

function table(race: Race): ChartResult['table'] {
  const shown = new Map(race.days.map((d) => [d.date, d.shownRows]))
  const rows = race.series.map((s) => {
    const head = s.runs[0]!.points[0]!
    const lastRun = s.runs.at(-1)!
    const tail = lastRun.points.at(-1)!
    const inTop = s.runs.reduce((n, r) => n + r.points.reduce((m, p) => m + p.days, 0), 0)
    const n = shown.get(lastRun.after ?? '')
    const status = {
      last: 'still there on the last date',
      fell: `fell below #${race.top} on ${lastRun.after}`,
      left: `left the board on ${lastRun.after}`,
      below: `below the ${n === undefined ? 'rows' : `top ${formatNumber(n)}`} shown on ${lastRun.after}`,
      gap: `not back in the top ${race.top} after the data gap that follows ${spanEnd(tail)}`
    }[lastRun.end]
    return [s.name, head.date, `#${formatNumber(head.rank)}`, spanEnd(tail), `#${formatNumber(tail.rank)}`, formatNumber(inTop), status]
  })
  return {
    columns: ['Model', 'First in the top', 'First rank', 'Last in the top', 'Last rank', `Days in the top ${race.top}`, 'Then'],
    numeric: [false, false, true, false, true, true, false],
    rows
  }
}
