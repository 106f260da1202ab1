/** Number and date formatting for pages: fixed locale, so output never depends on the machine. */

import { formatNumber } from '../core/text.js'

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

/** `$1.25 / $10` (input / output price per million tokens). */
export function formatPrice(input: number | undefined, output: number | undefined): string {
  if (input === undefined && output === undefined) return ''
  const one = (n: number | undefined) => (n === undefined ? '?' : '$' + formatNumber(n))
  return `${one(input)} / ${one(output)}`
}

/** Token counts as people say them: `128K`, `1M`, `1.05M`. */
export function formatTokens(n: number | undefined): string {
  if (n === undefined) return ''
  if (n >= 1_000_000) return formatNumber(Math.round(n / 10_000) / 100) + 'M'
  if (n >= 1_000) return formatNumber(Math.round(n / 100) / 10) + 'K'
  return formatNumber(n)
}

const metricTitles: Record<string, string> = {
  'net-improvement': 'Net improvement',
  'confirmed-success': 'Confirmed success',
  'thumbs-ratio': 'Thumbs up ratio',
  steerability: 'Steerability',
  'bash-recovery': 'Bash recovery',
  'tool-hallucination': 'Tool hallucination'
}

/** Column title of an extra measure: known ones by name, others from their key. */
export function metricLabel(key: string): string {
  // Metric names come from page headers: `constructor` is a name, not a property of every object.
  if (Object.hasOwn(metricTitles, key)) return metricTitles[key]!
  const words = key.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
