import type { ReconciledRow } from '../../registry/types.js'
import { interval } from '../diffs.js'

/**
 * Statistical ties between neighbours of a ranking. Two rows are tied when
 * their 95% score intervals `[score − ciMinus, score + ciPlus]` overlap
 * (touching counts), or — when either interval is unknown — when upstream's
 * rank spreads `rankUpper..rankLower` overlap. Rows with neither are never tied.
 */

export type Range = readonly [number, number]

/**
 * How rows are grouped into one band:
 * - `common` (default): every row of a band shares one score with all the
 *   others (the intersection of their intervals is not empty), so no two rows
 *   in a band can be told apart; bands are grown greedily from the top.
 * - `chain`: a row joins the band above when it is tied with its neighbour
 *   above; on crowded boards this makes the whole top one band.
 */
export type TieRule = 'common' | 'chain'

/** Rows `first..last` (1-based positions in published order) that are tied. */
export interface TieGroup {
  first: number
  last: number
  /** Model ids, in published order. */
  models: string[]
}

export function overlaps(a: Range, b: Range): boolean {
  return a[0] <= b[1] && b[0] <= a[1]
}

function intersect(a: Range | undefined, b: Range | undefined): Range | undefined {
  if (!a || !b) return undefined
  const lo = Math.max(a[0], b[0])
  const hi = Math.min(a[1], b[1])
  return lo <= hi ? [lo, hi] : undefined
}

/** Upstream's rank spread `[rankUpper, rankLower]`, when both are known. */
export function rankSpread(row: ReconciledRow): Range | undefined {
  return row.rankUpper !== undefined && row.rankLower !== undefined ? [row.rankUpper, row.rankLower] : undefined
}

/** Whether two rows are statistically tied (score intervals first, else rank spreads). */
export function isTied(a: ReconciledRow, b: ReconciledRow): boolean {
  const ia = interval(a)
  const ib = interval(b)
  if (ia && ib) return overlaps(ia, ib)
  const sa = rankSpread(a)
  const sb = rankSpread(b)
  return sa !== undefined && sb !== undefined && overlaps(sa, sb)
}

/** Whether a tie between `a` and `b` can be decided at all. */
export function canTell(a: ReconciledRow, b: ReconciledRow): boolean {
  return (interval(a) !== undefined && interval(b) !== undefined) || (rankSpread(a) !== undefined && rankSpread(b) !== undefined)
}

interface Open {
  first: number
  rows: ReconciledRow[]
  score: Range | undefined
  spread: Range | undefined
}

function joins(group: Open, row: ReconciledRow, rule: TieRule): boolean {
  if (rule === 'chain') return isTied(group.rows[group.rows.length - 1]!, row)
  const score = interval(row)
  if (group.score && score) return intersect(group.score, score) !== undefined
  const spread = rankSpread(row)
  return group.spread !== undefined && spread !== undefined && intersect(group.spread, spread) !== undefined
}

/** Groups of two or more tied rows; `rows` in published order (position = index + 1). */
export function tieGroups(rows: readonly ReconciledRow[], rule: TieRule = 'common'): TieGroup[] {
  const out: TieGroup[] = []
  let open: Open | undefined
  const close = () => {
    if (open && open.rows.length > 1) out.push({ first: open.first, last: open.first + open.rows.length - 1, models: open.rows.map((r) => r.model) })
  }
  rows.forEach((row, i) => {
    if (open && joins(open, row, rule)) {
      open.rows.push(row)
      open.score = intersect(open.score, interval(row))
      open.spread = intersect(open.spread, rankSpread(row))
      return
    }
    close()
    open = { first: i + 1, rows: [row], score: interval(row), spread: rankSpread(row) }
  })
  close()
  return out
}
