import type { Board } from './boards.js'

/** A model's place on one board on one date. */
export interface HistoryPoint {
  date: string
  rank: number
  /** Upstream's rank spread: the best and the worst rank the model may hold. */
  rankUpper?: number
  rankLower?: number
  score?: number
  ciPlus?: number
  ciMinus?: number
  votes?: number
}

/** model id → board id → points, oldest first. Boards in board order. */
export type Histories = Map<string, Map<string, HistoryPoint[]>>

export function buildHistories(boards: readonly Board[]): Histories {
  const out: Histories = new Map()
  for (const board of boards) {
    for (const snapshot of board.snapshots) {
      for (const row of snapshot.rows) {
        let perBoard = out.get(row.model)
        if (!perBoard) out.set(row.model, (perBoard = new Map()))
        let points = perBoard.get(board.id)
        if (!points) perBoard.set(board.id, (points = []))
        const point: HistoryPoint = { date: snapshot.date, rank: row.rank }
        if (row.rankUpper !== undefined && row.rankLower !== undefined) {
          point.rankUpper = row.rankUpper
          point.rankLower = row.rankLower
        }
        if (row.score !== undefined) point.score = row.score
        if (row.ciPlus !== undefined) point.ciPlus = row.ciPlus
        if (row.ciMinus !== undefined) point.ciMinus = row.ciMinus
        if (row.votes !== undefined) point.votes = row.votes
        points.push(point)
      }
    }
  }
  return out
}
