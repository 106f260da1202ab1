import { fixed, labelText, text, title } from './svg.js'
import { xOf, type TimeScale } from './time-axis.js'

/** A dated event to mark on a chart's time axis (`events.json`). */
export interface ChartEvent {
  date: string
  title: string
}

/** The events inside the scale's dates, numbered 1, 2, … in date order. */
export function eventsIn(scale: TimeScale, events: readonly ChartEvent[] | undefined): ChartEvent[] {
  const [a, z] = scale.domain() as [Date, Date]
  const from = a.toISOString().slice(0, 10)
  const to = z.toISOString().slice(0, 10)
  return (events ?? []).filter((e) => e.date >= from && e.date <= to)
}

/**
 * Events as dashed vertical rules from `top` to `bottom`, each numbered at the
 * top (the caption names them by number) and titled with its date and title.
 */
export function eventMarks(scale: TimeScale, events: readonly ChartEvent[], top: number, bottom: number, fontSize = 10): string {
  return events
    .map((e, i) => {
      const x = xOf(scale, e.date)
      return (
        `<g class="chart-event">${title(`Event ${i + 1}, ${e.date}: ${e.title}`)}` +
        `<path class="chart-event-rule" d="M${fixed(x)},${fixed(top)}V${fixed(bottom)}"/>` +
        text('chart-event-label', x + 2, top + fontSize, String(i + 1), ` font-size="${fontSize}"`) +
        '</g>'
      )
    })
    .join('')
}

/** ` Events (dashed rules): 1. 2026-07-29 Only the top 30 published.` */
export function eventsCaption(events: readonly ChartEvent[]): string {
  return events.length ? ` Events (dashed rules): ${events.map((e, i) => `${i + 1}. ${e.date} ${labelText(e.title)}`).join('; ')}.` : ''
}
