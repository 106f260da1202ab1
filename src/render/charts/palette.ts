/** Series styles: 10 colours (`chart-series-0..9`) times 3 dash patterns (`chart-dash-0..2`). */

export const COLOURS = 10
export const DASHES = 3

export interface Style {
  colour: number
  dash: number
}

/** The classes of a style index. */
export function styleClasses(index: number): string {
  return `chart-series-${index % COLOURS} chart-dash-${Math.floor(index / COLOURS) % DASHES}`
}

/**
 * A style index per item so that items alive at the same time (overlapping
 * `[from, to]`, in any comparable unit) look different while they can: items
 * by start, each taking the smallest index no overlapping item holds (greedy
 * interval colouring, optimal for intervals). Beyond 30 at once, styles repeat.
 */
export function assignStyles(spans: readonly { from: string; to: string }[]): number[] {
  const order = spans.map((s, i) => ({ s, i })).sort((a, b) => (a.s.from < b.s.from ? -1 : a.s.from > b.s.from ? 1 : a.i - b.i))
  const out = new Array<number>(spans.length).fill(0)
  const live: { to: string; style: number }[] = []
  for (const { s, i } of order) {
    for (let k = live.length - 1; k >= 0; k--) if (live[k]!.to < s.from) live.splice(k, 1)
    const taken = new Set(live.map((l) => l.style))
    let style = 0
    while (taken.has(style) && style < COLOURS * DASHES) style++
    if (style === COLOURS * DASHES) style = live.length % (COLOURS * DASHES)
    out[i] = style
    live.push({ to: s.to, style })
  }
  return out
}
