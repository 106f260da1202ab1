/**
 * Words and numbers as leaderlog writes them, in pages and on the terminal
 * alike: a fixed locale, so output never depends on the machine.
 */
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

/** `1,234`, `90.35`; empty for an unknown value. */
export function formatNumber(n: number | undefined): string {
  if (n === undefined) return ''
  if (Number.isSafeInteger(n)) return group(n)
  return Number.isInteger(n) ? integer.format(n) : decimal.format(n)
}

/** `1234567` → `1,234,567`: what `integer.format` gives for a safe integer, many times faster (pages print millions). */
function group(n: number): string {
  const digits = String(Math.abs(n))
  let out = digits.length > 3 ? '' : digits
  if (digits.length > 3) {
    const head = digits.length % 3 || 3
    out = digits.slice(0, head)
    for (let i = head; i < digits.length; i += 3) out += ',' + digits.slice(i, i + 3)
  }
  return n < 0 || Object.is(n, -0) ? '-' + out : out
}

/** `1 snapshot`, `2 snapshots`, `1,234 models`, `2 aliases` (with `many`). */
export function count(n: number, word: string, many = word + 's'): string {
  return `${formatNumber(n)} ${n === 1 ? word : many}`
}

/** Milliseconds as seconds with two decimals: `1.38`. */
export function seconds(ms: number): string {
  return (ms / 1000).toFixed(2)
}
