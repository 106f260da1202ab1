/**
 * Words and numbers as leaderlog writes them, in pages and on the terminal
 * alike: a fixed locale, so output never depends on the machine.
 */
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

/** `1,234`, `90.35`; empty for an unknown value. */
export function formatNumber(n: number | undefined): string {
  if (n === undefined) return ''
  return Number.isInteger(n) ? integer.format(n) : decimal.format(n)
}

/** `1 snapshot`, `2 snapshots`, `1,234 models`, `2 aliases` (with `many`). */
export function count(n: number, word: string, many = word + 's'): string {
  return `${formatNumber(n)} ${n === 1 ? word : many}`
}

/** Milliseconds as seconds with two decimals: `1.38`. */
export function seconds(ms: number): string {
  return (ms / 1000).toFixed(2)
}
