import type { ReconciledRow } from '../registry/types.js'
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

/**
 * A model's history on one board: the dates of the snapshots that list it,
 * oldest first, and its row on each. The rows are the snapshots' own (a row
 * the day before had is the same object, `shareRows`): a history holds two
 * references a day, and its points (`pointsOf`) are made only for a page
 * that is rendered.
 */
export interface BoardTrack {
  dates: string[]
  rows: ReconciledRow[]
}

/** model id → board id → its track there. Boards in board order. */
export type Histories = Map<string, Map<string, BoardTrack>>

export function buildHistories(boards: readonly Board[]): Histories {
  const out: Histories = new Map()
  for (const board of boards) {
    for (const snapshot of board.snapshots) {
      for (const row of snapshot.rows) {
        let perBoard = out.get(row.model)
        if (!perBoard) out.set(row.model, (perBoard = new Map()))
        let track = perBoard.get(board.id)
        if (!track) perBoard.set(board.id, (track = { dates: [], rows: [] }))
        track.dates.push(snapshot.date)
        track.rows.push(row)
      }
    }
  }
  return out
}

/** The point a row gives on a date: its rank (with its spread when both ends are known), score, interval and votes. */
export function pointOf(date: string, row: ReconciledRow): HistoryPoint {
  const point: HistoryPoint = { date, rank: row.rank }
  if (row.rankUpper !== undefined && row.rankLower !== undefined) {
    point.rankUpper = row.rankUpper
    point.rankLower = row.rankLower
  }
  if (row.score !== undefined) point.score = row.score
  if (row.ciPlus !== undefined) point.ciPlus = row.ciPlus
  if (row.ciMinus !== undefined) point.ciMinus = row.ciMinus
  if (row.votes !== undefined) point.votes = row.votes
  return point
}

/** A track's points, oldest first. */
export function pointsOf(track: BoardTrack): HistoryPoint[] {
  return track.rows.map((row, i) => pointOf(track.dates[i]!, row))
}

/** The JSON of the point a row gives, its date left out (`{"rank":…}`): once per row object, and rows repeat from day to day. */
const pointJsons = new WeakMap<ReconciledRow, string>()

/**
 * A model's history as JSON: `[[board, [point, …]], …]`, each point
 * `pointOf(date, row)`, what `JSON.stringify` gives of the boards and their
 * points, made of each row's JSON.
 */
export function historyJson(history: ReadonlyMap<string, BoardTrack>): string {
  const boards: string[] = []
  for (const [board, { dates, rows }] of history) {
    const points = new Array<string>(rows.length)
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!
      let json = pointJsons.get(row)
      if (json === undefined) {
        const { date: _date, ...rest } = pointOf('', row)
        pointJsons.set(row, (json = JSON.stringify(rest)))
      }
      // A point always has its rank: its JSON goes on after the date.
      points[i] = `{"date":${JSON.stringify(dates[i])},${json.slice(1)}`
    }
    boards.push(`[${JSON.stringify(board)},[${points.join(',')}]]`)
  }
  return `[${boards.join(',')}]`
}
