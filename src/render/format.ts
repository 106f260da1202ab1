/** Number and date formatting for pages: fixed locale, so output never depends on the machine. */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

export function formatNumber(n: number | undefined): string {
  if (n === undefined) return ''
  return Number.isInteger(n) ? integer.format(n) : decimal.format(n)
}

/** `+3`, `−2`, `0` (a real minus sign). */
export function formatSigned(n: number | undefined): string {
  if (n === undefined) return ''
  if (n === 0) return '0'
  return (n > 0 ? '+' : '−') + formatNumber(Math.abs(n))
}

/** `±11` when symmetric, else `+33/−27`. */
export function formatInterval(plus: number | undefined, minus: number | undefined): string {
  if (plus === undefined && minus === undefined) return ''
  if (plus === minus) return '±' + formatNumber(plus)
  return `+${formatNumber(plus)}/−${formatNumber(minus)}`
}

/** `2025-11-20T08:08:26Z` → `2025-11-20 08:08 UTC`; a bare date stays a date. */
export function formatUpdatedAt(value: string | null, date: string): string {
  if (!value) return date
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value)
  return m ? `${m[1]} ${m[2]} UTC` : value
}

export function formatDays(n: number): string {
  return n === 1 ? '1 day' : `${formatNumber(n)} days`
}

/** `1 snapshot`, `2 snapshots`, `1,234 models`. */
export function count(n: number, word: string, many = word + 's'): string {
  return `${formatNumber(n)} ${n === 1 ? word : many}`
}
