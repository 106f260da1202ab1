import { compareText } from '../../core/compare.js'
import type { ReconciledRow } from '../../registry/types.js'
import { daysBetween } from '../../core/dates.js'
import { addDays } from '../../core/dates.js'
import { chronological, coverage, DEFAULT_GAP_DAYS, isGap, ranked, type GapOptions, type HistorySnapshot } from './snapshot.js'
import { canTell, isTied } from './ties.js'

/**
 * A reign: consecutive snapshots with the same #1 (or the same co-leaders,
 * when upstream ranks several rows 1). A gap in the history ends a reign.
 */
export interface Reign {
  /** Model ids of the leader(s), sorted. */
  leaders: string[]
  /** Their names as the reign's last snapshot spells them, same order. */
  names: string[]
  from: string
  /** Last day held, inclusive: the day before the next reign, or the last snapshot before a gap or of the board. */
  until: string
  /** Calendar days from `from` to `until`, inclusive. */
  days: number
  snapshots: number
  /** Snapshots where #1 was shared or the runner-up's interval overlapped the leader's. */
  tiedSnapshots: number
  /** Snapshots where the runner-up was clearly behind (the rest could not be told). */
  clearSnapshots: number
  /** True when a gap in the history comes right before this reign. */
  afterGap: boolean
}

/** One model's unbroken time at #1 (alone or shared), across reigns that follow each other without a gap. */
export interface Streak {
  model: string
  name: string
  from: string
  until: string
  days: number
  snapshots: number
}

export interface LeaderTimeline {
  board: string
  /** First and last snapshot dates. */
  from: string
  to: string
  reigns: Reign[]
  /** Every model's streaks, oldest first. */
  streaks: Streak[]
  /** Streaks that reach the last snapshot: the current leader(s). */
  current: Streak[]
  /** The longest streak (the earliest of equals). */
  longest?: Streak
}

interface Day {
  date: string
  days: number
  leaders: ReconciledRow[]
  tied: boolean
  clear: boolean
  afterGap: boolean
}

function dayOf(snapshot: HistorySnapshot, days: number, afterGap: boolean): Day | undefined {
  const rows = ranked(snapshot.rows)
  const top = rows[0]
  if (!top) return undefined
  const leaders = rows.filter((r) => r.rank === top.rank).sort((a, b) => compareText(a.model, b.model))
  const runnerUp = rows.find((r) => r.rank !== top.rank)
  const shared = leaders.length > 1
  const known = runnerUp !== undefined && canTell(top, runnerUp)
  const tied = shared || (known && isTied(top, runnerUp))
  return { date: snapshot.date, days, leaders, tied, clear: !tied && known, afterGap }
}

function key(rows: readonly ReconciledRow[]): string {
  return rows.map((r) => r.model).join('\n')
}

/** Who held #1 on a board, from when to when. Snapshots may come in any order. */
export function leaderTimeline(snapshots: readonly HistorySnapshot[], options: GapOptions = {}): LeaderTimeline {
  const gapDays = options.gapDays ?? DEFAULT_GAP_DAYS
  const list = chronological(snapshots).filter((s) => s.rows.length > 0)
  const cover = coverage(
    list.map((s) => s.date),
    gapDays
  )
  const days = list.flatMap((s, i) => dayOf(s, cover[i]!, i > 0 && isGap(list[i - 1]!.date, s.date, gapDays)) ?? [])
  const reigns: Reign[] = []
  let last: Day | undefined
  for (const day of days) {
    const open = reigns[reigns.length - 1]
    if (open && last && !day.afterGap && key(last.leaders) === key(day.leaders)) {
      open.snapshots++
      open.days += day.days
      open.until = addDays(day.date, day.days - 1)
      open.names = day.leaders.map((r) => r.name)
      if (day.tied) open.tiedSnapshots++
      if (day.clear) open.clearSnapshots++
    } else {
      reigns.push({
        leaders: day.leaders.map((r) => r.model),
        names: day.leaders.map((r) => r.name),
        from: day.date,
        until: addDays(day.date, day.days - 1),
        days: day.days,
        snapshots: 1,
        tiedSnapshots: day.tied ? 1 : 0,
        clearSnapshots: day.clear ? 1 : 0,
        afterGap: day.afterGap
      })
    }
    last = day
  }
  const streaks = buildStreaks(reigns)
  const to = list[list.length - 1]?.date ?? ''
  const current = streaks.filter((s) => s.until === to)
  let longest: Streak | undefined
  for (const s of streaks) if (!longest || s.days > longest.days) longest = s
  const out: LeaderTimeline = { board: list[0]?.board ?? '', from: list[0]?.date ?? '', to, reigns, streaks, current }
  if (longest) out.longest = longest
  return out
}

/** Per model, runs of reigns it is part of that follow each other without a gap. */
function buildStreaks(reigns: readonly Reign[]): Streak[] {
  const open = new Map<string, Streak>()
  const done: Streak[] = []
  reigns.forEach((reign, i) => {
    const contiguous = i > 0 && !reign.afterGap
    for (const [model, s] of open) {
      if (!contiguous || !reign.leaders.includes(model)) {
        done.push(s)
        open.delete(model)
      }
    }
    reign.leaders.forEach((model, j) => {
      const s = open.get(model)
      if (s) {
        s.until = reign.until
        s.days = daysBetween(s.from, reign.until) + 1
        s.snapshots += reign.snapshots
        s.name = reign.names[j]!
      } else {
        open.set(model, { model, name: reign.names[j]!, from: reign.from, until: reign.until, days: reign.days, snapshots: reign.snapshots })
      }
    })
  })
  done.push(...open.values())
  return done.sort((a, b) => compareText(a.from, b.from) || compareText(a.model, b.model))
}

/**
 * The part of a timeline from `from` on: the reigns held on or after it (a
 * reign that began before it is kept whole, and drawn from `from`). Streaks,
 * the current one and the longest stay those of the whole history.
 */
export function timelineSince(timeline: LeaderTimeline, from: string): LeaderTimeline {
  if (from <= timeline.from) return timeline
  return { ...timeline, from, reigns: timeline.reigns.filter((r) => r.until >= from) }
}
