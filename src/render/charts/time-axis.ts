import { scaleUtc, type ScaleTime } from 'd3-scale'
import { addDays } from '../../core/dates.js'
import { fixed, text, textWidth } from './svg.js'

export type TimeScale = ScaleTime<number, number>

/** The instant of a `YYYY-MM-DD` date (UTC midnight). */
export function instant(date: string): Date {
  return new Date(date + 'T00:00:00Z')
}

/** A UTC time scale from `from` to `to` (one day wide at least) onto `[x0, x1]`. */
export function timeScale(from: string, to: string, x0: number, x1: number): TimeScale {
  const end = to > from ? to : addDays(from, 1)
  return scaleUtc().domain([instant(from), instant(end)]).range([x0, x1])
}

/** Milliseconds of each date seen: charts place the same few hundred dates over and over. */
const times = new Map<string, number>()

/** x of a date. */
export function xOf(scale: TimeScale, date: string): number {
  let time = times.get(date)
  if (time === undefined) times.set(date, (time = instant(date).getTime()))
  return scale(time)
}

function label(d: Date, unit: 'year' | 'month' | 'day'): string {
  const iso = d.toISOString()
  return unit === 'year' ? iso.slice(0, 4) : unit === 'month' ? iso.slice(0, 7) : iso.slice(0, 10)
}

export interface TimeAxisOptions {
  /** Baseline of the tick labels. */
  y: number
  /** Grid lines from `top` to `bottom`, when given. */
  top?: number
  bottom?: number
  fontSize?: number
  /** Left and right limits labels must stay within (default: the scale's range). */
  left?: number
  right?: number
}

/**
 * Date ticks of a time scale as SVG: round dates chosen by d3 (years, months
 * or days), labelled `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (no locale), thinned
 * so that no two labels overlap, kept inside the chart.
 */
export function timeAxis(scale: TimeScale, options: TimeAxisOptions): string {
  const fontSize = options.fontSize ?? 10
  const [r0, r1] = scale.range() as [number, number]
  const left = options.left ?? r0
  const right = options.right ?? r1
  // One tick per 60 units at most, and never more than 32: d3 picks an interval as fine as the count asks
  // (a count of Infinity, from a range gone wrong, would ask for every millisecond).
  if (!Number.isFinite(r0) || !Number.isFinite(r1)) throw new Error(`timeAxis: a range of finite numbers, found [${r0}, ${r1}]`)
  let count = Math.min(32, Math.max(2, Math.floor((r1 - r0) / 60)))
  let ticks = scale.ticks(count)
  while (ticks.length < 2 && count < 32) ticks = scale.ticks((count *= 2))
  const unit = ticks.every((d) => d.getUTCMonth() === 0 && d.getUTCDate() === 1) ? 'year' : ticks.every((d) => d.getUTCDate() === 1) ? 'month' : 'day'
  const parts: string[] = []
  let lastRight = -Infinity
  for (const d of ticks) {
    const x = scale(d)
    const content = label(d, unit)
    const w = textWidth(content, fontSize)
    const cx = Math.min(Math.max(x, left + w / 2), right - w / 2)
    if (cx - w / 2 < lastRight + fontSize / 2) continue
    lastRight = cx + w / 2
    if (options.top !== undefined && options.bottom !== undefined) parts.push(`<path class="chart-grid" d="M${fixed(x)},${fixed(options.top)}V${fixed(options.bottom)}"/>`)
    parts.push(text('chart-axis', cx, options.y, content, ` text-anchor="middle" font-size="${fontSize}"`))
  }
  return parts.join('')
}

/**
 * Shaded spans where the history has no snapshot for more than the gap
 * threshold: `pairs` are the snapshot dates on both sides of each gap.
 */
export function gapShades(scale: TimeScale, pairs: readonly (readonly [string, string])[], top: number, bottom: number, label = true, fontSize = 10): string {
  return pairs
    .map(([a, b]) => {
      const x0 = xOf(scale, a)
      const x1 = xOf(scale, b)
      const shade = `<rect class="chart-gap" x="${fixed(x0)}" y="${fixed(top)}" width="${fixed(x1 - x0)}" height="${fixed(bottom - top)}"><title>No snapshot from ${a} to ${b}</title></rect>`
      const note = label && x1 - x0 >= textWidth('no data', fontSize) + 4 ? text('chart-gap-label', (x0 + x1) / 2, top + fontSize + 2, 'no data', ` text-anchor="middle" font-size="${fontSize}"`) : ''
      return shade + note
    })
    .join('')
}
