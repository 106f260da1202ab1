import { compareText } from '../../core/compare.js'
import type { ReconciledRow } from '../../registry/types.js'
import { interval } from '../diffs.js'
import { chronological, coverage, DEFAULT_GAP_DAYS, isGap, ranked, type GapOptions, type HistorySnapshot } from './snapshot.js'
import { tieGroups, type TieGroup, type TieRule } from './ties.js'

/**
 * The race at the top: a board's top K on every date, for a bump chart.
 * A model's place is its position in published order (1..K), so rows that
 * upstream ranks equal still get their own line; `rank` is what upstream says.
 */

export const DEFAULT_TOP = 10

export interface RaceOptions extends GapOptions {
  /** How many places the race follows (default 10). */
  top?: number
  tieRule?: TieRule
}

export interface RaceEntry {
  model: string
  name: string
  /** 1..K, in published order. */
  position: number
  rank: number
  rankUpper?: number
  rankLower?: number
  score?: number
  /** 95% interval `[score − ciMinus, score + ciPlus]`, when known. */
  interval?: [number, number]
}

export interface RaceDay {
  date: string
  /** Calendar days this point stands for (see `coverage`; summed when condensed). */
  days: number
  /** Snapshots this point stands for (1 unless condensed). */
  snapshots: number
  /** A gap in the history comes right before this date. */
  gapBefore: boolean
  shownRows?: number
  top: RaceEntry[]
  /** Tied rows of the top K, as bands. */
  ties: TieGroup[]
}

/** How a run of a model in the top K begins. */
export type RunStart =
  | 'first' // the board's first snapshot
  | 'gap' // the first snapshot after a gap
  | 'entered' // the snapshot before was complete and did not list it
  | 'surfaced' // the snapshot before showed only its top N, without it
  | 'rose' // the snapshot before ranked it below the top K

/** How a run of a model in the top K ends. */
export type RunEnd =
  | 'last' // the board's last snapshot
  | 'gap' // a gap follows
  | 'left' // the next snapshot is complete and does not list it
  | 'below' // the next snapshot shows only its top N, without it
  | 'fell' // the next snapshot ranks it below the top K

/** Where a model was on one (kept) date of its run. */
export type RacePoint = Omit<RaceEntry, 'model' | 'name'> & { date: string; days: number }

export interface RaceRun {
  start: RunStart
  end: RunEnd
  /** The snapshot before the run, unless it starts the board or follows a gap (with `rose`: where it was below the top K). */
  before?: string
  /** The snapshot after the run, unless it ends the board or a gap follows (with `fell`: where it is below the top K). */
  after?: string
  points: RacePoint[]
}

export interface RaceSeries {
  model: string
  /** As last spelled in the top K. */
  name: string
  runs: RaceRun[]
}

export interface Race {
  board: string
  top: number
  gapDays: number
  tieRule: TieRule
  /** Every snapshot, or after `condenseRace` only the dates that change the picture. */
  days: RaceDay[]
  /** Every model ever in the top K, by the date it first got there, then position. */
  series: RaceSeries[]
}

type Place = { state: 'in'; entry: RaceEntry } | { state: 'out' | 'absent' | 'below' }

function entryOf(row: ReconciledRow, position: number): RaceEntry {
  const e: RaceEntry = { model: row.model, name: row.name, position, rank: row.rank }
  if (row.rankUpper !== undefined) e.rankUpper = row.rankUpper
  if (row.rankLower !== undefined) e.rankLower = row.rankLower
  if (row.score !== undefined) e.score = row.score
  const iv = interval(row)
  if (iv) e.interval = [iv[0], iv[1]]
  return e
}

function point(day: RaceDay, e: RaceEntry): RacePoint {
  const { model: _model, name: _name, ...rest } = e
  return { date: day.date, days: day.days, ...rest }
}

/** The top K of a board on each of its snapshots, and each model's runs in it. */
export function buildRace(snapshots: readonly HistorySnapshot[], options: RaceOptions = {}): Race {
  const top = options.top ?? DEFAULT_TOP
  const gapDays = options.gapDays ?? DEFAULT_GAP_DAYS
  const tieRule = options.tieRule ?? 'common'
  const list = chronological(snapshots)
  const cover = coverage(
    list.map((s) => s.date),
    gapDays
  )
  const places: Map<string, Place>[] = []
  const days = list.map((s, i): RaceDay => {
    const rows = ranked(s.rows)
    const head = rows.slice(0, top)
    const here = new Map<string, Place>()
    head.forEach((row, j) => here.set(row.model, { state: 'in', entry: entryOf(row, j + 1) }))
    for (const row of rows.slice(top)) if (!here.has(row.model)) here.set(row.model, { state: 'out' })
    places.push(here)
    const day: RaceDay = {
      date: s.date,
      days: cover[i]!,
      snapshots: 1,
      gapBefore: i > 0 && isGap(list[i - 1]!.date, s.date, gapDays),
      top: head.map((row, j) => entryOf(row, j + 1)),
      ties: tieGroups(head, tieRule)
    }
    if (s.shownRows !== undefined) day.shownRows = s.shownRows
    return day
  })
  const missing = (i: number): Place => ({ state: list[i]!.shownRows === undefined ? 'absent' : 'below' })
  const placeOf = (i: number, model: string): Place => places[i]!.get(model) ?? missing(i)
  return { board: list[0]?.board ?? '', top, gapDays, tieRule, days, series: seriesOf(days, placeOf) }
}

/** Runs of each model in the top K over `days`; `placeOf(i, model)` says where it was on day i. */
function seriesOf(days: readonly RaceDay[], placeOf: (i: number, model: string) => Place): RaceSeries[] {
  const byModel = new Map<string, { series: RaceSeries; firstDay: number; firstPosition: number }>()
  days.forEach((day, i) => {
    const before = days[i - 1]
    // Close the runs of yesterday's top K that do not go on today.
    if (before) {
      for (const e of before.top) {
        const place = placeOf(i, e.model)
        if (place.state === 'in' && !day.gapBefore) continue
        const run = byModel.get(e.model)!.series.runs.at(-1)!
        if (day.gapBefore) run.end = 'gap'
        else {
          run.end = place.state === 'out' ? 'fell' : place.state === 'below' ? 'below' : 'left'
          run.after = day.date
        }
      }
    }
    for (const e of day.top) {
      let item = byModel.get(e.model)
      if (!item) byModel.set(e.model, (item = { series: { model: e.model, name: e.name, runs: [] }, firstDay: i, firstPosition: e.position }))
      item.series.name = e.name
      const open = item.series.runs.at(-1)
      if (open && open.end === 'last' && before && open.points.at(-1)!.date === before.date) {
        open.points.push(point(day, e))
        continue
      }
      const run: RaceRun = { start: 'first', end: 'last', points: [point(day, e)] }
      if (before) {
        const prev = placeOf(i - 1, e.model)
        if (day.gapBefore) run.start = 'gap'
        else {
          run.start = prev.state === 'out' ? 'rose' : prev.state === 'below' ? 'surfaced' : 'entered'
          run.before = before.date
        }
      }
      item.series.runs.push(run)
    }
  })
  return [...byModel.values()]
    .sort((a, b) => a.firstDay - b.firstDay || a.firstPosition - b.firstPosition || compareText(a.series.model, b.series.model))
    .map((item) => item.series)
}

function signature(day: RaceDay): string {
  return day.top.map((e) => e.model).join('\n') + '\t' + day.ties.map((t) => `${t.first}-${t.last}`).join(',')
}

/**
 * The race on fewer dates, for charts of long histories: keeps the first and
 * last snapshots, both sides of every gap, every date where the top K's
 * membership, order or tie bands changed, and the date just before each such
 * change (so every step is drawn between the two snapshots it happened
 * between). A kept date stands for the calendar days and snapshots of the
 * dates merged into it.
 */
export function condenseRace(race: Race): Race {
  const sig = race.days.map(signature)
  const n = race.days.length
  const keep = race.days.map((day, i) => {
    const next = race.days[i + 1]
    return i === 0 || i === n - 1 || day.gapBefore || next?.gapBefore === true || sig[i] !== sig[i - 1] || sig[i] !== sig[i + 1]
  })
  const days: RaceDay[] = []
  for (const [i, day] of race.days.entries()) {
    const last = days[days.length - 1]
    if (keep[i] || !last) days.push({ ...day })
    else {
      last.days += day.days
      last.snapshots += day.snapshots
    }
  }
  const spans = new Map(days.map((d) => [d.date, d.days]))
  const series = race.series.map((s) => ({
    ...s,
    runs: s.runs.map((run) => ({
      ...run,
      points: run.points.filter((p) => spans.has(p.date)).map((p) => ({ ...p, days: spans.get(p.date)! }))
    }))
  }))
  return { ...race, days, series }
}
