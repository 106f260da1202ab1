/** Calendar arithmetic on `YYYY-MM-DD` strings (UTC). Never reads the clock: the edges pass "today" in. */

const DAY = 86_400_000

function epoch(date: string): number {
  return Date.parse(date + 'T00:00:00Z')
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((epoch(to) - epoch(from)) / DAY)
}

/** `date` plus `days` (negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date(epoch(date) + days * DAY).toISOString().slice(0, 10)
}

/**
 * `date` moved by whole calendar months, the day clamped to the target month's
 * length: `2026-03-31` minus one month is `2026-02-28`.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = index - year * 12
  const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return new Date(Date.UTC(year, month, Math.min(d, length))).toISOString().slice(0, 10)
}

/** The latest of some dates, or undefined for none. */
export function latestDate(dates: Iterable<string>): string | undefined {
  let latest: string | undefined
  for (const d of dates) if (latest === undefined || d > latest) latest = d
  return latest
}

/** The UTC date of an instant (the edges' "today"). */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** A real calendar date written `YYYY-MM-DD` (not `2025-02-30`). */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false
  const d = new Date(date + 'T00:00:00Z')
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date
}
