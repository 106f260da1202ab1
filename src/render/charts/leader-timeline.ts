import { addDays } from '../../core/dates.js'
import type { LeaderTimeline } from '../../model/history/leaders.js'
import { formatNumber } from '../../core/text.js'
import { formatDays } from '../format.js'
import { assignStyles, styleClasses } from './palette.js'
import { fixed, labelText, open, text, textWidth, title, type ChartResult } from './svg.js'
import { gapShades, timeAxis, timeScale, xOf } from './time-axis.js'
import { eventMarks, eventsCaption, eventsIn, type ChartEvent } from './events.js'

export interface LeaderTimelineChartOptions {
  /** Unique within the page. */
  id: string
  boardTitle?: string
  width?: number
  fontSize?: number
  /** Longest name shown above a row, in characters. */
  maxName?: number
  /** Dated events to mark (outside the chart's dates: left out). */
  events?: readonly ChartEvent[]
  /**
   * Each label left of its bars, on one line (rows closer together; for a
   * screen as wide as `width`). Default: the label above its bars, for a
   * narrow one.
   */
  inline?: boolean
}

/** An inline chart's labels take at most this share of its width. */
const MAX_LABEL_SHARE = 0.4

/** Above this many reigns, bars carry no tooltip of their own (the table lists every reign). */
export const MAX_BAR_TITLES = 60

/** Height of the band above the rows that holds the event numbers (10-unit text). */
const EVENT_BAND = 12

/**
 * Who held #1, as horizontal bars on a time axis: one row per model that led,
 * one bar per reign (lighter and dashed when #1 was shared), gaps shaded.
 */
export function leaderTimelineChart(timeline: LeaderTimeline, options: LeaderTimelineChartOptions): ChartResult {
  const board = options.boardTitle ?? timeline.board
  const width = options.width ?? 400
  const fs = options.fontSize ?? 12
  const maxName = options.maxName ?? 40
  const chartTitle = `Who was #1 on ${board}`
  const reigns = timeline.reigns
  const tableOut = table(timeline)
  if (!reigns.length) {
    const caption = `No snapshot of ${board} yet.`
    return { svg: open({ id: options.id, kind: 'chart-leaders', width, height: 40, fontSize: fs, title: chartTitle, desc: caption }) + '</svg>', caption, table: tableOut }
  }
  // One row per model that led, in the order they first did.
  const models: { model: string; name: string; days: number; from: string; to: string }[] = []
  for (const r of reigns) {
    r.leaders.forEach((model, i) => {
      let m = models.find((x) => x.model === model)
      if (!m) models.push((m = { model, name: r.names[i]!, days: 0, from: r.from, to: r.until }))
      m.name = r.names[i]!
      m.days += r.days
      m.to = r.until
    })
  }
  const current = new Set(timeline.current.map((s) => s.model))
  const inline = options.inline ?? false
  const suffixes = models.map((m) => ` · ${formatDays(m.days)}${current.has(m.model) ? ' · #1 now' : ''}`)
  // Inline, labels take at most their share of the width: a longer name is cut (its days are kept).
  const room = inline ? width * MAX_LABEL_SHARE : Infinity
  const labels = models.map((m, i) => `${labelText(m.name, Math.min(maxName, Math.floor((room - textWidth(suffixes[i]!, fs)) / (fs * 0.6))))}${suffixes[i]}`)
  // Inline, the bars start after the longest label.
  const labelRoom = inline ? Math.max(...labels.map((l) => textWidth(l, fs))) + 12 : 0
  const scale = timeScale(timeline.from, addDays(timeline.to, 1), 6 + labelRoom, width - 6)
  const marked = eventsIn(scale, options.events)
  // Event numbers get a band of their own above the rows (drawn over the first row, they hid its label).
  const eventTop = 4
  const top = eventTop + (marked.length ? EVENT_BAND : 0)
  const barH = 9
  const rowH = inline ? fs + 8 : fs + 16
  const plotBottom = top + models.length * rowH
  const height = plotBottom + fs + 8
  const x = (date: string) => xOf(scale, date)
  const styles = assignStyles(models.map((m) => ({ from: m.from, to: m.to })))
  const rows = models.map((m, i) => {
    const rowTop = top + i * rowH
    const label = labels[i]!
    const barTop = inline ? rowTop + (rowH - barH) / 2 : rowTop + fs + 4
    const labelY = inline ? rowTop + (rowH + fs * 0.7) / 2 : rowTop + fs
    const bars = reigns
      .filter((r) => r.leaders.includes(m.model))
      .map((r) => {
        // A reign that began before the chart's first day (a timeline of recent years) is drawn from it.
        const x0 = x(r.from < timeline.from ? timeline.from : r.from)
        const w = Math.max(1.5, x(addDays(r.until, 1)) - x0)
        const shared = r.leaders.length > 1
        const cls = `chart-reign${shared ? ' chart-reign-shared' : ''}${r.tiedSnapshots === r.snapshots && !shared ? ' chart-reign-tied' : ''}`
        const others = r.names.filter((_, k) => r.leaders[k] !== m.model)
        const about = `${m.name}: #1 from ${r.from} to ${r.until} (${formatDays(r.days)})${shared ? `, shared with ${others.join(', ')}` : ''}; tied with #2 in ${formatNumber(r.tiedSnapshots)} of ${formatNumber(r.snapshots)} snapshots`
        // A long history has hundreds of reigns: their tooltips would outweigh the chart; the table has them.
        const tip = reigns.length <= MAX_BAR_TITLES ? title(about) : ''
        return `<rect class="${cls}" x="${fixed(x0)}" y="${fixed(barTop)}" width="${fixed(w)}" height="${barH}">${tip}</rect>`
      })
      .join('')
    return `<g class="chart-series ${styleClasses(styles[i]!)}">${title(m.name)}${text('chart-row-label', 6, labelY, label)}${bars}</g>`
  })
  // Inline, every other row is shaded across the width: the eye follows a label to its bars.
  const stripes = inline ? models.map((_, i) => (i % 2 === 1 ? `<rect class="chart-row-stripe" x="0" y="${fixed(top + i * rowH)}" width="${fixed(width)}" height="${fixed(rowH)}"/>` : '')).join('') : ''
  const gaps = reigns.flatMap((r, i) => (r.afterGap && i > 0 ? [[addDays(reigns[i - 1]!.until, 1), r.from] as const] : []))
  const now = timeline.current
  const longest = timeline.longest
  const caption =
    (now.length ? `${now.map((s) => labelText(s.name)).join(' and ')} ${now.length > 1 ? 'share' : 'holds'} #1 on ${board} since ${now[0]!.from} (${formatDays(now[0]!.days)}).` : '') +
    (longest ? ` Longest streak: ${labelText(longest.name)}, ${formatDays(longest.days)} (${longest.from} to ${longest.until}).` : '') +
    ` ${reigns.length === 1 ? 'One reign' : `${formatNumber(reigns.length)} reigns`} from ${timeline.from} to ${timeline.to}` +
    (reigns.some((r) => r.leaders.length > 1) ? '; lighter dashed bars: #1 shared.' : '.') +
    eventsCaption(marked)
  const svg = [
    open({ id: options.id, kind: 'chart-leaders', width, height, fontSize: fs, title: chartTitle, desc: caption.trim() }),
    stripes,
    gapShades(scale, gaps, top, plotBottom, false),
    timeAxis(scale, { y: height - 4, top, bottom: plotBottom, left: labelRoom, right: width }),
    eventMarks(scale, marked, eventTop, plotBottom),
    ...rows,
    '</svg>'
  ].join('')
  return { svg, caption: caption.trim(), table: tableOut }
}

function table(timeline: LeaderTimeline): ChartResult['table'] {
  return {
    columns: ['#1', 'From', 'Until', 'Days', 'Snapshots', 'Tied with #2'],
    numeric: [false, false, false, true, true, false],
    rows: timeline.reigns.map((r) => [
      r.names.join(' & '),
      r.from,
      r.until,
      formatNumber(r.days),
      formatNumber(r.snapshots),
      r.leaders.length > 1 ? 'shared #1' : `${formatNumber(r.tiedSnapshots)} of ${formatNumber(r.snapshots)}`
    ])
  }
}
