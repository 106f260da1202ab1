/**
 * Comparators. Everything that reaches output is sorted explicitly with one of
 * these: code-point order, never the locale's.
 */

/** Code-point order of two strings. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Order by the first key that differs: `by(x => x.board, x => x.date)`. */
export function by<T>(...keys: ((item: T) => string | number)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const x = key(a)
      const y = key(b)
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y))
      if (c !== 0) return c
    }
    return 0
  }
}
