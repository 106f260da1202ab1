import type { Event } from '../schema/events.js'
import { eventsOf } from '../schema/events.js'
import type { RegistryModel } from '../registry/types.js'
import type { Board } from './boards.js'
import { boardLifecycles, buildFrontier, buildRace, compareSpans, leaderTimeline, type Comparison, type Frontier, type LeaderTimeline, type Lifecycle, type Race, type Span } from './history/index.js'

/** What the history pages show of one board: computed once per build. */
export interface BoardHistory {
  race: Race
  timeline: LeaderTimeline
  /** The standard spans back from the latest snapshot (1 week … all time), each compared. */
  spans: { span: Span; comparison: Comparison }[]
  /** Per model id, its lifecycle on the board. */
  lifecycles: Map<string, Lifecycle>
  frontier: Frontier
  /** The events of this board (and of every board), by date. */
  events: Event[]
}

/** The history views of every board. */
export function buildBoardHistories(boards: readonly Board[], modelsById: ReadonlyMap<string, RegistryModel>, events: readonly Event[]): Map<string, BoardHistory> {
  const info = (id: string) => {
    const m = modelsById.get(id)
    return m ? { ...(m.organization !== undefined ? { organization: m.organization } : {}), ...(m.openWeights !== undefined ? { openWeights: m.openWeights } : {}) } : undefined
  }
  return new Map(
    boards.map((b) => [
      b.id,
      {
        race: buildRace(b.snapshots),
        timeline: leaderTimeline(b.snapshots),
        spans: compareSpans(b.snapshots),
        lifecycles: new Map(boardLifecycles(b.snapshots).map((l) => [l.model, l])),
        frontier: buildFrontier(b.snapshots, info),
        events: eventsOf(events, b.id)
      }
    ])
  )
}

/** Events strictly after `from` and on or before `to`: what a diff or comparison of these dates spans. */
export function eventsBetween(events: readonly Event[], from: string, to: string): Event[] {
  return events.filter((e) => e.date > from && e.date <= to)
}
