import { clean, isNoData } from '../cells.js'

/**
 * Columns of words or dates that no header names are read as their cells
 * suggest (`layout.ts`): words as organizations or licenses, dates as the
 * knowledge cutoff. Cells alone cannot always tell: a notes column
 * (`новая модель` on every row) looks like organizations, a release date like
 * a cutoff. These are the signs that a column so read is something else.
 */

export type Doubt = 'one-value' | 'mixed-families' | 'day-dates'

/** A model's family, as its name starts: `claude` of `claude-opus-4-6`, `gpt` of `GPT 5.5 (xHigh)`. */
function familyOf(name: string): string | undefined {
  return /\p{L}+/u.exec(clean(name).toLowerCase())?.[0]
}

/** The fewest families a table must show before one value for all of them says the column holds no organizations. */
export const MIN_FAMILIES = 4

/** The fewest rows in families of two models or more before their disagreement says anything. */
const MIN_FAMILY_ROWS = 6

/** The share of a family's models an organization column gives one value (Meta's `llama` is also Nvidia's `llama-…-nemotron`). */
const MIN_AGREEMENT = 0.7

/**
 * Why a column read as organizations by its cells alone holds none, or
 * undefined. One value for the models of four families or more (`новая
 * модель` everywhere: no leaderboard is one organization's); or models of one
 * family given different values as often as not (`новая`, `бета`,
 * `обновлена`: an organization names the family's maker every time).
 */
export function doubtfulOrganizations(names: readonly string[], cells: readonly string[]): Doubt | undefined {
  const byFamily = new Map<string, Map<string, number>>()
  const values = new Set<string>()
  names.forEach((name, i) => {
    const family = familyOf(name)
    const value = clean(cells[i] ?? '')
    if (family === undefined || value === '' || isNoData(value)) return
    values.add(value)
    const counts = byFamily.get(family) ?? new Map<string, number>()
    counts.set(value, (counts.get(value) ?? 0) + 1)
    byFamily.set(family, counts)
  })
  if (values.size === 1 && byFamily.size >= MIN_FAMILIES) return 'one-value'
  let rows = 0
  let agreeing = 0
  for (const counts of byFamily.values()) {
    const n = [...counts.values()].reduce((a, b) => a + b, 0)
    if (n < 2) continue
    rows += n
    agreeing += Math.max(...counts.values())
  }
  return rows >= MIN_FAMILY_ROWS && agreeing < MIN_AGREEMENT * rows ? 'mixed-families' : undefined
}

/**
 * Why a column read as the knowledge cutoff by its cells alone is another
 * date, or undefined: most of its dates give the day (`2025-03-12`), where a
 * cutoff is a month (`2024/6`, upstream's every one): a release date.
 */
export function doubtfulCutoffs(values: readonly (string | undefined)[]): Doubt | undefined {
  const dates = values.filter((v): v is string => v !== undefined && /^\d{4}-\d{2}/.test(v))
  const days = dates.filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v)).length
  return dates.length >= 3 && days > dates.length / 2 ? 'day-dates' : undefined
}
