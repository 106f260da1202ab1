import type { ReconciledRow } from '../../src/registry/types.js'
import type { HistorySnapshot } from '../../src/model/history/snapshot.js'

type Extra = Partial<Omit<ReconciledRow, 'model' | 'rank'>>

/** A row: `row('a', 1, { score: 1500, ci: 5 })`; the name defaults to the id in capitals. */
export function row(model: string, rank: number, extra: Extra & { ci?: number } = {}): ReconciledRow {
  const { ci, ...rest } = extra
  const r: ReconciledRow = { model, name: model.toUpperCase(), rank, ...rest }
  if (ci !== undefined) {
    r.ciPlus = ci
    r.ciMinus = ci
  }
  return r
}

/** A snapshot of board `b`; rows ranked by the order given unless they say otherwise. */
export function snap(date: string, rows: (ReconciledRow | string)[], shownRows?: number): HistorySnapshot {
  const s: HistorySnapshot = { board: 'b', date, rows: rows.map((r, i) => (typeof r === 'string' ? row(r, i + 1) : r)) }
  if (shownRows !== undefined) s.shownRows = shownRows
  return s
}

/** `days` consecutive daily snapshots from `start`, each from `rows(i)`. */
export function daily(start: string, days: number, rows: (i: number) => (ReconciledRow | string)[], shownRows?: number): HistorySnapshot[] {
  const t0 = Date.parse(start + 'T00:00:00Z')
  return Array.from({ length: days }, (_, i) => snap(new Date(t0 + i * 86_400_000).toISOString().slice(0, 10), rows(i), shownRows))
}

/**
 * A synthetic board of `days` daily snapshots with churn: 30 models, two
 * neighbours among the top 14 swap every third day, a new model enters every
 * 40 days; scores 4 apart with ±5 intervals (so neighbours are tied).
 */
export function churn(days: number, seed = 7, start = '2025-01-01'): HistorySnapshot[] {
  const order = Array.from({ length: 30 }, (_, i) => `model-${String(i).padStart(2, '0')}`)
  let state = seed
  const rnd = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
  const perDay: string[][] = []
  for (let d = 0; d < days; d++) {
    if (d % 3 === 0) {
      const i = Math.floor(rnd() * 14)
      ;[order[i], order[i + 1]] = [order[i + 1]!, order[i]!]
    }
    if (d % 40 === 0 && d) {
      order.splice(Math.floor(rnd() * 10), 0, `new-${d}`)
      order.pop()
    }
    perDay.push([...order])
  }
  return daily(start, days, (d) => perDay[d]!.map((m, i) => row(m, i + 1, { score: 1500 - i * 4, ci: 5, name: `${m} with a rather long name` })))
}
