/** JSON as the site publishes it: compact (no indentation), one trailing newline, keys in the order built. */
export function toJson(value: unknown): string {
  return JSON.stringify(value) + '\n'
}

/** Copy `value` keeping only `keys` that are present, in that order. */
export function pick<T extends object>(value: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {}
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key]
  return out
}
