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
