import type { Event } from '../schema/events.js'
import { eventsOf } from './events.js'
import type { ReconciledRow, ReconciledSnapshot, RegistryModel } from '../registry/types.js'
import type { Board } from './boards.js'
import { addDays } from '../core/dates.js'
import { timelineSince } from './history/leaders.js'
import { boardLifecycles, buildFrontier, buildRace, compareSpans, leaderTimeline, type Comparison, type Frontier, type LeaderTimeline, type Lifecycle, type Race, type Span } from './history/index.js'
import { keptFrontier, type ModelInfo } from './history/frontier.js'

/** A race over more than this many snapshots is drawn month by month: one line a day over years is a tangle. */
export const MONTHLY_RACE_FROM = 120
/** Month-end snapshots further apart than this are a gap (a month without captures). */
const MONTHLY_GAP_DAYS = 45
/** The home page draws a board's race and leaders, the organizations page its frontier, over this many days back from its latest snapshot (the board pages over all of them). */
export const RECENT_DAYS = 730

/**
 * The snapshots a race chart draws: every one for a short history; for a long
 * one the last snapshot of each calendar month, and the latest.
 */
export function raceSnapshots<T extends { date: string }>(snapshots: readonly T[]): { snapshots: T[]; monthly: boolean } {
  if (snapshots.length <= MONTHLY_RACE_FROM) return { snapshots: [...snapshots], monthly: false }
  const sorted = [...snapshots].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const out = sorted.filter((s, i) => i === sorted.length - 1 || sorted[i + 1]!.date.slice(0, 7) !== s.date.slice(0, 7))
  return { snapshots: out, monthly: true }
}

/** What the history pages show of one board: computed once per build. */
export interface BoardHistory {
  race: Race
  /** The race is drawn month by month (`raceSnapshots`). */
  monthlyRace: boolean
  timeline: LeaderTimeline
  /** The race, leaders and frontier of the last `RECENT_DAYS` (the home and organizations pages'), when the history is longer. */
  recent?: { from: string; race: Race; monthlyRace: boolean; timeline: LeaderTimeline; frontier: Frontier }
  /** The standard spans back from the latest snapshot (1 week … all time), each compared. */
  spans: { span: Span; comparison: Comparison }[]
  /** Per model id, its lifecycle on the board. */
  lifecycles: Map<string, Lifecycle>
  /** Its frontier, on the dates the views need (`keptFrontier`). */
  frontier: Frontier
  /** The events of this board (and of every board), by date. */
  events: Event[]
}

/** The history views of every board. */
export function buildBoardHistories(boards: readonly Board[], modelsById: ReadonlyMap<string, RegistryModel>, events: readonly Event[]): Map<string, BoardHistory> {
  // Asked for every row of every snapshot: worked out once per model (read, never mutated).
  const infos = new Map<string, { organization?: string; openWeights?: boolean } | undefined>()
  const info = (id: string) => {
    if (infos.has(id)) return infos.get(id)
    const m = modelsById.get(id)
    const found = m ? { ...(m.organization !== undefined ? { organization: m.organization } : {}), ...(m.openWeights !== undefined ? { openWeights: m.openWeights } : {}) } : undefined
    infos.set(id, found)
    return found
  }
  // Charts and captions name each model as the board's tables do: as the board last published it (the
  // registry's name is the model page's; `claude-opus-4-6-high` on a board that renamed `…-thinking`).
  // Rows shared from day to day (`shareRows`) are renamed once, and stay shared: a day that repeats the day before's
  // rows gets the day before's renamed rows.
  const named = (snapshots: readonly ReconciledSnapshot[]): ReconciledSnapshot[] => {
    const latest = new Map<string, string>()
    for (const snap of snapshots) for (const r of snap.rows) latest.set(r.model, r.name)
    const renamedRows = new Map<ReconciledRow, ReconciledRow>()
    const renamedArrays = new Map<readonly ReconciledRow[], ReconciledRow[]>()
    return snapshots.map((snap) => {
      let rows = renamedArrays.get(snap.rows)
      if (rows === undefined) {
        let out: ReconciledRow[] | undefined
        snap.rows.forEach((r, i) => {
          const name = latest.get(r.model)!
          if (name === r.name) return
          let renamed = renamedRows.get(r)
          if (!renamed) renamedRows.set(r, (renamed = { ...r, name }))
          ;(out ??= [...snap.rows])[i] = renamed
        })
        renamedArrays.set(snap.rows, (rows = out ?? snap.rows))
      }
      return rows === snap.rows ? snap : { ...snap, rows }
    })
  }
  return new Map(
    boards.map((board) => {
      const b = { ...board, snapshots: named(board.snapshots) }
      // Its own: the bests of the board's snapshots, remembered for its frontier and its recent one
      // (`buildFrontier`, keyed by the info asked), are let go with the board, not held to the last.
      const boardInfo: ModelInfo = (id) => info(id)
      const drawn = raceSnapshots(b.snapshots)
      const timeline = leaderTimeline(b.snapshots)
      const history: BoardHistory = {
        race: buildRace(drawn.snapshots, drawn.monthly ? { gapDays: MONTHLY_GAP_DAYS } : {}),
        monthlyRace: drawn.monthly,
        timeline,
        ...recentOf(b, timeline, boardInfo),
        spans: compareSpans(b.snapshots),
        lifecycles: new Map(boardLifecycles(b.snapshots).map((l) => [l.model, l])),
        frontier: keptFrontier(buildFrontier(b.snapshots, boardInfo)),
        events: eventsOf(events, b.id)
      }
      return [b.id, history]
    })
  )
}

/** The race, leaders and frontier of the last `RECENT_DAYS`, when the board's history goes further back. */
function recentOf(board: Board, timeline: LeaderTimeline, info: ModelInfo): Pick<BoardHistory, 'recent'> {
  const latest = board.snapshots.at(-1)
  if (!latest) return {}
  const since = addDays(latest.date, -RECENT_DAYS)
  if (board.snapshots[0]!.date > since) return {}
  const snapshots = board.snapshots.filter((s) => s.date > since)
  const drawn = raceSnapshots(snapshots)
  return {
    recent: {
      from: snapshots[0]!.date,
      race: buildRace(drawn.snapshots, drawn.monthly ? { gapDays: MONTHLY_GAP_DAYS } : {}),
      monthlyRace: drawn.monthly,
      timeline: timelineSince(timeline, snapshots[0]!.date),
      frontier: keptFrontier(buildFrontier(snapshots, info))
    }
  }
}

/** Events strictly after `from` and on or before `to`: what a diff or comparison of these dates spans. */
export function eventsBetween(events: readonly Event[], from: string, to: string): Event[] {
  return events.filter((e) => e.date > from && e.date <= to)
}
