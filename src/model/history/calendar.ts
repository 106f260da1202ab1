/** Calendar steps on `YYYY-MM-DD` strings (UTC). Never reads the clock. */

const DAY = 86_400_000

function parts(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) throw new Error(`Unexpected date \`${date}\`, expected YYYY-MM-DD`)
  return [Number(m[1]), Number(m[2]), Number(m[3])]
}

function iso(time: number): string {
  return new Date(time).toISOString().slice(0, 10)
}

/** `date` moved by `days` (negative: earlier). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date)
  return iso(Date.UTC(y, m - 1, d) + days * DAY)
}

/**
 * `date` moved by whole calendar months, the day clamped to the target month's
 * length: `2026-03-31` minus one month is `2026-02-28`.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = index - year * 12
  const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return iso(Date.UTC(year, month, Math.min(d, length)))
}
