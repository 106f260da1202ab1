/** Calendar arithmetic on `YYYY-MM-DD` strings (UTC). Never reads the clock. */

const DAY = 86_400_000

function epoch(date: string): number {
  return Date.parse(date + 'T00:00:00Z')
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((epoch(to) - epoch(from)) / DAY)
}

/** The latest of some dates, or undefined for none. */
export function latestDate(dates: Iterable<string>): string | undefined {
  let latest: string | undefined
  for (const d of dates) if (latest === undefined || d > latest) latest = d
  return latest
}
