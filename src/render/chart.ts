import { compareText } from '../core/compare.js'
import { daysBetween } from '../core/dates.js'
import { timeAxis, timeScale, xOf } from './charts/time-axis.js'
import { escapeXml } from './escape.js'
import { formatNumber } from '../core/text.js'

/** One point of a time series; `low`/`high` draw a confidence band. */
export interface ChartPoint {
  date: string
  value: number
  low?: number
  high?: number
}

export interface ChartOptions {
  /** Unique within the page (used for ids). */
  id: string
  title: string
  /** What a value is, e.g. `Score` or `Rank`. */
  label: string
  points: readonly ChartPoint[]
  /** Draw smaller values higher (ranks). */
  invert?: boolean
  /** Only whole numbers on the axis (ranks). */
  integer?: boolean
  width?: number
  height?: number
}

/** Above this many points, only the first and the last get a dot. */
export const MAX_DOTS = 40

const M = { top: 12, right: 16, bottom: 28, left: 56 }

/** Coordinates with one decimal at most (a tenth of a unit of a 480-wide chart is a fraction of a pixel): small files, identical bytes on every machine. */
function r(n: number): string {
  return String(Math.round(n * 10) / 10)
}

/** How far (in chart units: a chart is 480 wide) a point may be from the line drawn without it: a fraction of a pixel. */
export const LINE_TOLERANCE = 0.5

/**
 * A polyline's points as SVG coordinates, without the points that lie within
 * `LINE_TOLERANCE` of the line drawn through the others (Douglas–Peucker): the
 * line looks the same, a model whose score stays put for months costs two
 * points, not one a day, and a daily series that drifts costs its turns only.
 * The first and last points are always kept.
 */
export function linePoints(xy: readonly (readonly [number, number])[]): string[] {
  const keep = new Uint8Array(xy.length)
  if (xy.length > 0) keep[0] = keep[xy.length - 1] = 1
  // Iterative, so that a long history cannot exhaust the stack: spans as pairs of indices.
  const spans: number[] = xy.length > 2 ? [0, xy.length - 1] : []
  const tolerance = LINE_TOLERANCE * LINE_TOLERANCE
  while (spans.length) {
    const to = spans.pop()!
    const from = spans.pop()!
    let far = -1
    let farthest = tolerance
    for (let i = from + 1; i < to; i++) {
      const d = segmentDistanceSquared(xy[i]!, xy[from]!, xy[to]!)
      if (d > farthest) (far = i), (farthest = d)
    }
    if (far < 0) continue
    keep[far] = 1
    spans.push(from, far, far, to)
  }
  const out: string[] = []
  for (let i = 0; i < xy.length; i++) if (keep[i]) out.push(`${r(xy[i]![0])},${r(xy[i]![1])}`)
  return out
}

/** The square of the distance from `p` to the segment from `a` to `b` (no square root, no `Math.hypot`: this runs for every point of every chart). */
function segmentDistanceSquared(p: readonly [number, number], a: readonly [number, number], b: readonly [number, number]): number {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const length = dx * dx + dy * dy
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length))
  const ex = p[0] - (a[0] + t * dx)
  const ey = p[1] - (a[1] + t * dy)
  return ex * ex + ey * ey
}

/** About `count` round tick values covering [min, max]. */
export function ticks(min: number, max: number, count: number, integer = false): number[] {
  if (min === max) return [min]
  const raw = (max - min) / Math.max(1, count)
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const factors = integer ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10]
  let step = factors.map((f) => f * magnitude).find((s) => s >= raw) ?? 10 * magnitude
  if (integer) step = Math.max(1, step)
  const out: number[] = []
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6)
  return out
}

/**
 * A line chart of a time series as inline SVG (no script, no library). Colors
 * come from CSS classes, so the page's light and dark themes apply.
 */
export function lineChart(options: ChartOptions): string {
  const width = options.width ?? 480
  const height = options.height ?? 200
  const points = [...options.points].sort((a, b) => compareText(a.date, b.date))
  const titleId = `${options.id}-title`
  const descId = `${options.id}-desc`
  const first = points[0]
  const last = points[points.length - 1]
  const summary =
    first && last
      ? first === last
        ? `${options.label} ${formatNumber(first.value)} on ${first.date}.`
        : `${options.label} from ${formatNumber(first.value)} on ${first.date} to ${formatNumber(last.value)} on ${last.date}, ${points.length} snapshots.`
      : 'No data.'
  const head = `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${titleId} ${descId}" xmlns="http://www.w3.org/2000/svg"><title id="${titleId}">${escapeXml(options.title)}</title><desc id="${descId}">${escapeXml(summary)}</desc>`
  if (!first || !last) return head + '</svg>'

  let lo = Infinity
  let hi = -Infinity
  for (const p of points) {
    lo = Math.min(lo, p.value, p.low ?? p.value, p.high ?? p.value)
    hi = Math.max(hi, p.value, p.low ?? p.value, p.high ?? p.value)
  }
  if (lo === hi) {
    const pad = options.invert ? 1 : Math.max(1, Math.abs(lo) * 0.01)
    lo -= pad
    hi += pad
  }
  if (options.invert) {
    lo = Math.max(1, Math.floor(lo))
  } else {
    const pad = (hi - lo) * 0.08
    lo -= pad
    hi += pad
  }
  const plotW = width - M.left - M.right
  const plotH = height - M.top - M.bottom
  const span = daysBetween(first.date, last.date)
  // One time scale places the points and chooses the dates on the axis; a single day sits in the middle.
  const scale = span === 0 ? undefined : timeScale(first.date, last.date, M.left, width - M.right)
  const x = (date: string): number => (scale ? xOf(scale, date) : M.left + plotW / 2)
  const y = (v: number): number => {
    const t = (v - lo) / (hi - lo)
    return options.invert ? M.top + t * plotH : M.top + (1 - t) * plotH
  }

  const parts: string[] = [head]
  const tickValues = ticks(lo, hi, 4, options.integer)
  // Rank charts always label their top: the best rank shown.
  if (options.invert && tickValues[0] !== lo) {
    const step = (tickValues[1] ?? hi) - tickValues[0]!
    if (tickValues[0]! - lo < step / 2) tickValues[0] = lo
    else tickValues.unshift(lo)
  }
  for (const t of tickValues) {
    const ty = r(y(t))
    parts.push(`<line class="chart-grid" x1="${M.left}" x2="${width - M.right}" y1="${ty}" y2="${ty}"/>`)
    parts.push(`<text class="chart-tick" x="${M.left - 6}" y="${ty}" text-anchor="end" dominant-baseline="middle">${escapeXml(formatNumber(t))}</text>`)
  }
  // Dates on the axis: round ones, chosen and thinned by the time axis of the history charts (a middle
  // snapshot by index sat by the last one when most snapshots are recent, and their labels overlapped).
  if (!scale) parts.push(`<text class="chart-tick" x="${r(x(first.date))}" y="${height - 8}" text-anchor="middle">${first.date}</text>`)
  else parts.push(timeAxis(scale, { y: height - 8, fontSize: 14 }))
  const banded = points.filter((p) => p.low !== undefined && p.high !== undefined)
  if (banded.length > 1) {
    const upper = linePoints(banded.map((p) => [x(p.date), y(p.high!)]))
    const lower = linePoints(banded.map((p) => [x(p.date), y(p.low!)])).reverse()
    parts.push(`<polygon class="chart-band" points="${[...upper, ...lower].join(' ')}"/>`)
  } else {
    for (const p of banded) parts.push(`<line class="chart-whisker" x1="${r(x(p.date))}" x2="${r(x(p.date))}" y1="${r(y(p.high!))}" y2="${r(y(p.low!))}"/>`)
  }
  if (points.length > 1) parts.push(`<polyline class="chart-line" points="${linePoints(points.map((p) => [x(p.date), y(p.value)])).join(' ')}"/>`)
  // A dot per snapshot while they can be told apart; on a long history, the ends only.
  const dots = points.length <= MAX_DOTS ? points : [first, last]
  for (const p of dots) {
    parts.push(`<circle class="chart-dot" cx="${r(x(p.date))}" cy="${r(y(p.value))}" r="3.5"><title>${escapeXml(`${p.date}: ${options.label.toLowerCase()} ${formatNumber(p.value)}`)}</title></circle>`)
  }
  parts.push('</svg>')
  return parts.join('')
}
