import { compareText } from '../../core/compare.js'
import { recordOf } from '../../core/records.js'
import type { ReconciledRow } from '../../registry/types.js'
import { delta, interval } from '../diffs.js'
import { chronological, coverage, DEFAULT_GAP_DAYS, isGap, type GapOptions, type HistorySnapshot } from './snapshot.js'

/** What the registry knows of a model: its organization and whether its weights are open. */
export type ModelInfo = (model: string) => { organization?: string; openWeights?: boolean } | undefined

/** The best-scored model of a group on one date. */
export interface Best {
  model: string
  name: string
  score: number
  rank: number
  interval?: [number, number]
}

export interface OrganizationBest extends Best {
  organization: string
}

export interface FrontierDay {
  date: string
  /** The last snapshot date this point stands for, when it stands for later snapshots too (`condenseFrontier`). */
  until?: string
  /** Calendar days this point stands for (see `coverage`; summed when condensed). */
  days: number
  snapshots: number
  gapBefore: boolean
  shownRows?: number
  /** Each organization's best model, best score first (then organization name). */
  organizations: OrganizationBest[]
  /** The best model with open weights, and the best without (models whose openness is unknown are in neither). */
  open?: Best
  proprietary?: Best
  /** `proprietary.score − open.score`, when both are known. */
  gap?: number
  /**
   * When the page shows only its top N and no open-weights model among them:
   * the gap is at least the best proprietary score minus the lowest score shown.
   */
  gapAtLeast?: number
}

export interface Frontier {
  board: string
  gapDays: number
  /** One per snapshot with scores, or after `condenseFrontier` only the change points. */
  days: FrontierDay[]
}

/** A row with a score: the rows a frontier compares. */
type ScoredRow = ReconciledRow & { score: number }

/** A row's best, with its organization when given; made in one piece (`recordOf`): a build holds each snapshot's. */
function bestOf(row: ScoredRow): Best
function bestOf(row: ScoredRow, organization: string): OrganizationBest
function bestOf(row: ScoredRow, organization?: string): Best {
  const keys = ['model', 'name', 'score', 'rank']
  const values: unknown[] = [row.model, row.name, row.score, row.rank]
  if (organization !== undefined) keys.unshift('organization'), values.unshift(organization)
  const iv = interval(row)
  // `interval` makes a new pair each call: it is the best's own.
  if (iv) keys.push('interval'), values.push(iv)
  return recordOf(keys, values) as unknown as Best
}

function better(a: ScoredRow, b: ScoredRow): boolean {
  return a.score > b.score || (a.score === b.score && (a.rank < b.rank || (a.rank === b.rank && a.model < b.model)))
}

/** A snapshot's bests: each organization's, best first; the open and the proprietary; and the lowest score shown. */
interface SnapshotBests {
  organizations: OrganizationBest[]
  open?: Best
  proprietary?: Best
  lowest: number
}

/**
 * The bests of each snapshot's rows, by the `info` they were found with: a
 * board's frontier and its recent one (`RECENT_DAYS`) ask for the same
 * snapshots, and a day that repeats the day before's rows has its rows array
 * (`shareRows`). Read, never mutated.
 */
const bestsMemo = new WeakMap<ModelInfo, WeakMap<HistorySnapshot['rows'], SnapshotBests>>()

function bestsOf(s: HistorySnapshot, info: ModelInfo): SnapshotBests {
  let memo = bestsMemo.get(info)
  if (!memo) bestsMemo.set(info, (memo = new WeakMap()))
  let bests = memo.get(s.rows)
  if (bests) return bests
  // The winning rows; a `Best` is made of each winner only.
  const byOrg = new Map<string, ScoredRow>()
  let open: ScoredRow | undefined
  let proprietary: ScoredRow | undefined
  let lowest = Infinity
  for (const row of s.rows) {
    if (row.score === undefined) continue
    const scoredRow = row as ScoredRow
    if (row.score < lowest) lowest = row.score
    const about = info(row.model)
    const org = about?.organization
    if (org !== undefined) {
      const held = byOrg.get(org)
      if (!held || better(scoredRow, held)) byOrg.set(org, scoredRow)
    }
    if (about?.openWeights === true && (!open || better(scoredRow, open))) open = scoredRow
    if (about?.openWeights === false && (!proprietary || better(scoredRow, proprietary))) proprietary = scoredRow
  }
  bests = {
    organizations: [...byOrg].map(([organization, row]) => bestOf(row, organization)).sort((a, b) => b.score - a.score || compareText(a.organization, b.organization)),
    ...(open ? { open: bestOf(open) } : {}),
    ...(proprietary ? { proprietary: bestOf(proprietary) } : {}),
    lowest
  }
  memo.set(s.rows, bests)
  return bests
}

/**
 * The best score of each organization on each date of a board, and the gap
 * between the best open-weights model and the best proprietary one. Snapshots
 * without scores are skipped; models `info` knows no organization of count
 * only towards the open/proprietary bests (when their openness is known).
 */
export function buildFrontier(snapshots: readonly HistorySnapshot[], info: ModelInfo, options: GapOptions = {}): Frontier {
  const gapDays = options.gapDays ?? DEFAULT_GAP_DAYS
  const list = chronological(snapshots).filter((s) => s.rows.some((r) => r.score !== undefined))
  const cover = coverage(
    list.map((s) => s.date),
    gapDays
  )
  const days = list.map((s, i): FrontierDay => {
    const { organizations, open, proprietary, lowest } = bestsOf(s, info)
    const day: FrontierDay = {
      date: s.date,
      days: cover[i]!,
      snapshots: 1,
      gapBefore: i > 0 && isGap(list[i - 1]!.date, s.date, gapDays),
      organizations
    }
    if (s.shownRows !== undefined) day.shownRows = s.shownRows
    if (open) day.open = open
    if (proprietary) day.proprietary = proprietary
    if (open && proprietary) day.gap = delta(open.score, proprietary.score)
    else if (proprietary && s.shownRows !== undefined) day.gapAtLeast = delta(lowest, proprietary.score)
    return day
  })
  return { board: list[0]?.board ?? '', gapDays, days }
}

/**
 * The `count` organizations to draw: most calendar days as the best
 * organization first, then the best score on the last date, then name.
 */
export function leadingOrganizations(frontier: Frontier, count = 5): string[] {
  const held = new Map<string, number>()
  const latest = new Map<string, number>()
  for (const day of frontier.days) {
    for (const o of day.organizations) held.set(o.organization, held.get(o.organization) ?? 0)
    const top = day.organizations[0]
    if (top) held.set(top.organization, held.get(top.organization)! + day.days)
  }
  for (const o of frontier.days.at(-1)?.organizations ?? []) latest.set(o.organization, o.score)
  return [...held.keys()]
    .sort((a, b) => held.get(b)! - held.get(a)! || (latest.get(b) ?? -Infinity) - (latest.get(a) ?? -Infinity) || compareText(a, b))
    .slice(0, count)
}

function signature(day: FrontierDay, organizations: ReadonlySet<string> | undefined): string {
  const one = (b: Best | undefined) => (b ? `${b.model}=${b.score}` : '-')
  const orgs = day.organizations.filter((o) => !organizations || organizations.has(o.organization))
  return [...orgs.map((o) => `${o.organization}:${one(o)}`), one(day.open), one(day.proprietary), day.gapAtLeast ?? ''].join('\n')
}

/**
 * The frontier on fewer dates: the first and last, both sides of every gap,
 * and the dates where the best model or score of one of `organizations`
 * (default: all), or of the open or proprietary side, changed. A kept date
 * stands for the days and snapshots merged into it, until the date of the
 * last of them.
 */
export function condenseFrontier(frontier: Frontier, organizations?: readonly string[]): Frontier {
  return condensed(frontier, organizations, false)
}

/**
 * The frontier a board's history keeps (`BoardHistory`): condensed by every
 * organization (`condenseFrontier`), and the date after a gap kept too, so
 * that no point with a gap before it stands for more than its own snapshot.
 * Nothing the views show is lost: condensed again by any organizations, it
 * gives what the whole frontier gives, and a stretch of dates with the same
 * bests is made of whole points. A board whose scores change on one day in
 * three keeps about a third of its dates (the real history: 503 of 1,183).
 */
export function keptFrontier(frontier: Frontier): Frontier {
  return condensed(frontier, undefined, true)
}

function condensed(frontier: Frontier, organizations: readonly string[] | undefined, afterGap: boolean): Frontier {
  const only = organizations ? new Set(organizations) : undefined
  const sig = frontier.days.map((d) => signature(d, only))
  const n = frontier.days.length
  const days: FrontierDay[] = []
  frontier.days.forEach((day, i) => {
    const keep = i === 0 || i === n - 1 || day.gapBefore || frontier.days[i + 1]?.gapBefore === true || sig[i] !== sig[i - 1] || (afterGap && frontier.days[i - 1]!.gapBefore)
    const last = days[days.length - 1]
    if (keep || !last) days.push({ ...day })
    else {
      last.days += day.days
      last.snapshots += day.snapshots
      last.until = day.until ?? day.date
    }
  })
  return { ...frontier, days }
}
