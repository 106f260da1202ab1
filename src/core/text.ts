/**
 * Words and numbers as leaderlog writes them, in pages and on the terminal
 * alike: a fixed locale, so output never depends on the machine.
 */
// Made when first used: the first `Intl.NumberFormat` of a process loads ICU's number data, 20 ms of
// every command's start, and a build, check or registry of the real history formats only safe integers (`group`).
let integer: Intl.NumberFormat | undefined
let decimal: Intl.NumberFormat | undefined

/** `1,234`, `90.35`; empty for an unknown value. */
export function formatNumber(n: number | undefined): string {
  if (n === undefined) return ''
  if (Number.isSafeInteger(n)) return group(n)
  if (Number.isInteger(n)) return (integer ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })).format(n)
  return (decimal ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })).format(n)
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
