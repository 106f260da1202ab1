import { scaleLinear } from 'd3-scale'
import { area, curveStepAfter, line } from 'd3-shape'
import { addDays } from '../../core/dates.js'
import { condenseFrontier, leadingOrganizations, type Frontier, type FrontierDay } from '../../model/history/frontier.js'
import { formatNumber } from '../../core/text.js'
import { placeLabels } from './labels.js'
import { styleClasses } from './palette.js'
import { fixed, labelText, open, text, textWidth, title, type ChartResult } from './svg.js'
import { gapShades, timeAxis, timeScale, xOf } from './time-axis.js'
import { eventMarks, eventsCaption, eventsIn, type ChartEvent } from './events.js'

export interface FrontierChartOptions {
  /** Unique within the page. */
  id: string
  boardTitle?: string
  /** Organizations to draw (default: the 5 of `leadingOrganizations`). */
  organizations?: readonly string[]
  width?: number
  height?: number
  fontSize?: number
  /** Longest organization name in an end label, in characters. */
  maxName?: number
  /** Dated events to mark (outside the chart's dates: left out). */
  events?: readonly ChartEvent[]
}

type XY = [number, number]

const spanEnd = (d: FrontierDay) => addDays(d.date, d.days - 1)

/**
 * Best score per organization as step lines (a few leading organizations),
 * and the gap between the best proprietary and the best open-weights model as
 * a shaded area under the proprietary best, the open-weights best dashed.
 */
export function frontierChart(input: Frontier, options: FrontierChartOptions): ChartResult {
  const board = options.boardTitle ?? input.board
  const orgs = [...(options.organizations ?? leadingOrganizations(input, 5))]
  const frontier = condenseFrontier(input, orgs)
  const days = frontier.days
  const width = options.width ?? 400
  const height = options.height ?? 240
  const fs = options.fontSize ?? 12
  const maxName = options.maxName ?? 14
  const chartTitle = `Best score per organization on ${board}`
  const first = days[0]
  const last = days[days.length - 1]
  const tableOut = table(frontier, orgs)
  const values = days.flatMap((d) => [
    ...d.organizations.filter((o) => orgs.includes(o.organization)).map((o) => o.score),
    ...(d.open ? [d.open.score] : []),
    ...(d.proprietary ? [d.proprietary.score] : [])
  ])
  // Days without a score of any organization drawn (a board whose rows name no organization) draw nothing either.
  if (!first || !last || values.length === 0) {
    const caption = first ? `No row of ${board} names its organization: no frontier to draw.` : `No scores on ${board} yet.`
    return { svg: open({ id: options.id, kind: 'chart-frontier', width, height: 40, fontSize: fs, title: chartTitle, desc: caption }) + '</svg>', caption, table: tableOut }
  }
  const y = scaleLinear()
    .domain([Math.min(...values), Math.max(...values)])
    .nice(4)
  const top = 8
  const plotBottom = height - fs - 10
  y.range([plotBottom, top])
  const ticks = y.ticks(4)
  const leftW = Math.max(...ticks.map((t) => textWidth(formatNumber(t), 10))) + 8
  // End labels: each organization drawn and the open-weights best, at their last value: in the
  // right column for the lines that reach the last day (today's values), at the end of the line
  // for those that stopped before it (that value is not today's).
  const endOf = (key: string, label: string, value: (d: FrontierDay) => number | undefined) => {
    const d = [...days].reverse().find((x) => value(x) !== undefined)
    if (!d) return []
    const v = value(d)!
    return [{ key, content: `${label} ${formatNumber(v)}`, y: y(v), day: d, current: d === last }]
  }
  const all = [
    ...orgs.flatMap((org) => endOf(org, labelText(org, maxName), (d) => d.organizations.find((o) => o.organization === org)?.score)),
    ...endOf('open', 'Open weights', (d) => d.open?.score)
  ]
  const ends = all.filter((e) => e.current)
  const stopped = all.filter((e) => !e.current)
  const rightW = Math.min(width * 0.4, Math.max(0, ...ends.map((e) => textWidth(e.content, fs, true))) + 8)
  const x1 = width - rightW
  const scale = timeScale(first.date, last.date, leftW, x1)
  const x = (date: string) => xOf(scale, date)
  const step = line().curve(curveStepAfter).digits(2)
  const band = area<[number, number, number]>()
    .x((p) => p[0])
    .y0((p) => p[1])
    .y1((p) => p[2])
    .curve(curveStepAfter)
    .digits(2)

  /** Segments of consecutive dates where `value` is known, broken at gaps; each ends where its last date's span does. */
  function segments<T>(value: (d: FrontierDay) => T | undefined): { d: FrontierDay; v: T }[][] {
    const out: { d: FrontierDay; v: T }[][] = []
    let seg: { d: FrontierDay; v: T }[] = []
    for (const d of days) {
      const v = value(d)
      if (d.gapBefore || v === undefined) {
        if (seg.length) out.push(seg)
        seg = []
      }
      if (v !== undefined) seg.push({ d, v })
    }
    if (seg.length) out.push(seg)
    return out
  }
  const stepPath = (score: (d: FrontierDay) => number | undefined) =>
    segments(score)
      .map((seg) => {
        const pts: XY[] = seg.map(({ d, v }) => [x(d.date), y(v)])
        const tail = seg[seg.length - 1]!
        pts.push([Math.max(pts[pts.length - 1]![0] + 1.5, Math.min(x(spanEnd(tail.d)), x1)), y(tail.v)])
        return step(pts) ?? ''
      })
      .join('')
  const gapArea = segments((d) => (d.open && d.proprietary ? ([d.open.score, d.proprietary.score] as const) : undefined))
    .map((seg) => {
      const pts: [number, number, number][] = seg.map(({ d, v }) => [x(d.date), y(v[0]), y(v[1])])
      const tail = seg[seg.length - 1]!
      pts.push([Math.max(pts[pts.length - 1]![0] + 1.5, Math.min(x(spanEnd(tail.d)), x1)), y(tail.v[0]), y(tail.v[1])])
      return band(pts) ?? ''
    })
    .join('')

  const ys = placeLabels(
    ends.map((e) => ({ x0: x1 + 4, x1: width, y: e.y })),
    fs + 1,
    top + fs / 2,
    plotBottom
  )
  const endLabel = (key: string) => {
    const i = ends.findIndex((e) => e.key === key)
    if (i >= 0) return text('chart-label chart-label-end', x1 + 4, ys[i]! + fs * 0.35, ends[i]!.content)
    const e = stopped.find((s) => s.key === key)
    if (!e) return ''
    const tx = Math.max(leftW + textWidth(e.content, fs, true), Math.min(x(spanEnd(e.day)), x1))
    return text('chart-label chart-label-stopped', tx, e.y - 4, e.content, ' text-anchor="end"')
  }
  const gaps = days.flatMap((d, i) => (d.gapBefore && i > 0 ? [[days[i - 1]!.date, d.date] as const] : []))
  const marked = eventsIn(scale, options.events)
  const caption = captionOf(board, frontier, orgs) + eventsCaption(marked)
  const parts = [
    open({ id: options.id, kind: 'chart-frontier', width, height, fontSize: fs, title: chartTitle, desc: caption }),
    gapShades(scale, gaps, top, plotBottom),
    ...ticks.map((t) => `<path class="chart-grid" d="M${fixed(leftW)},${fixed(y(t))}H${fixed(x1)}"/>` + text('chart-axis', leftW - 4, y(t) + 3.5, formatNumber(t), ' text-anchor="end" font-size="10"')),
    timeAxis(scale, { y: height - 4, left: 0, right: width }),
    eventMarks(scale, marked, top, plotBottom),
    gapArea ? `<path class="chart-frontier-gap" d="${gapArea}">${title('Gap between the best proprietary and the best open-weights model')}</path>` : '',
    ...orgs.map((org, i) => `<g class="chart-series ${styleClasses(i)}">${title(org)}<path class="chart-line" d="${stepPath((d) => d.organizations.find((o) => o.organization === org)?.score)}"/>${endLabel(org)}</g>`),
    `<g class="chart-series chart-frontier-open">${title('Best open-weights model')}<path class="chart-line" d="${stepPath((d) => d.open?.score)}"/>${endLabel('open')}</g>`,
    '</svg>'
  ]
  return { svg: parts.join(''), caption, table: tableOut }
}

function captionOf(board: string, frontier: Frontier, orgs: readonly string[]): string {
  const first = frontier.days[0]!
  const last = frontier.days[frontier.days.length - 1]!
  const lead = last.organizations.find((o) => orgs.includes(o.organization))
  const out = [`Best score per organization on ${board} from ${first.date} to ${last.date}, for ${orgs.map((o) => labelText(o)).join(', ')}.`]
  if (lead) out.push(`On ${last.date}, ${labelText(lead.organization)} leads with ${formatNumber(lead.score)} (${labelText(lead.name)}).`)
  if (last.open && last.proprietary && last.gap !== undefined) {
    out.push(
      `The best open-weights model, ${labelText(last.open.name)} (${formatNumber(last.open.score)}), is ${formatNumber(last.gap)} points behind the best proprietary one, ${labelText(last.proprietary.name)} (${formatNumber(last.proprietary.score)}).`
    )
  } else if (last.gapAtLeast !== undefined && last.proprietary) {
    out.push(`No open-weights model among the top ${formatNumber(last.shownRows ?? 0)} shown: the gap to the best proprietary one, ${labelText(last.proprietary.name)} (${formatNumber(last.proprietary.score)}), is at least ${formatNumber(last.gapAtLeast)} points.`)
  }
  return out.join(' ')
}

function table(frontier: Frontier, orgs: readonly string[]): ChartResult['table'] {
  const rows: string[][] = []
  const series = (label: string, value: (d: FrontierDay) => { score: number; name: string } | undefined) => {
    const with_ = frontier.days.filter((d) => value(d) !== undefined)
    const a = with_[0]
    const z = with_[with_.length - 1]
    if (!a || !z) return
    const va = value(a)!
    const vz = value(z)!
    rows.push([label, a.date, formatNumber(va.score), va.name, spanEnd(z), formatNumber(vz.score), vz.name])
  }
  for (const org of orgs) series(org, (d) => d.organizations.find((o) => o.organization === org))
  series('Best open weights', (d) => d.open)
  series('Best proprietary', (d) => d.proprietary)
  const gapDays = frontier.days.filter((d) => d.gap !== undefined)
  const a = gapDays[0]
  const z = gapDays[gapDays.length - 1]
  if (a && z) rows.push(['Gap (proprietary − open)', a.date, formatNumber(a.gap), `${a.proprietary!.name} over ${a.open!.name}`, spanEnd(z), formatNumber(z.gap), `${z.proprietary!.name} over ${z.open!.name}`])
  return {
    columns: ['Series', 'From', 'First score', 'First model', 'To', 'Last score', 'Last model'],
    numeric: [false, false, true, false, false, true, false],
    rows
  }
}
