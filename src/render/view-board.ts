import { archiveInfo, archiveOf } from '../core/archives.js'
import type { Board } from '../model/boards.js'
import { snapshotDigest } from './data.js'
import { shortChanges } from './view-diff.js'
import { changesStandings, type SnapshotDiff } from '../model/diffs.js'
import { raceView, type RaceView } from './view-history.js'
import type { ReconciledSnapshot } from '../registry/types.js'
import { daysBetween } from '../core/dates.js'
import { formatDays, formatUpdatedAt } from './format.js'
import { formatNumber } from '../core/text.js'
import { absoluteUrl, paths } from './urls.js'
import { layoutView, type LayoutView } from './view-layout.js'
import { filtersFor, link, modelFacts, standingsInputs, standingsTable, type Context, type Filters, type Table } from './view-table.js'

export interface SnapshotLink {
  date: string
  href: string
  rows: number
  current: boolean
  /** Diff with the snapshot before this one. */
  diffHref?: string
  /** What that diff changed, in a few words (`1 entered, 17 moved`; `same ranks`). */
  diffText?: string
  /** Its rows are the snapshot's before it. */
  unchanged: boolean
}

/** A year of a board's snapshots: its page, and how many it holds. */
export interface YearLink {
  year: string
  href: string
  count: number
  /** The page showing the link is this year's. */
  current: boolean
}

/** The board page (latest) and every snapshot's permalink page share this view. */
export interface SnapshotView {
  layout: LayoutView
  boardTitle: string
  date: string
  updated: string
  isLatest: boolean
  latestHref: string
  permalink: string
  stale: boolean
  staleText: string
  languages: string
  /** `from the zh, en pages` */
  fromText: string
  /** Third-party archives the rows came from (or some of them), and what the rank column is then. */
  archives: { title: string; href: string }[]
  rankNote?: string
  /** `top 30 only: upstream publishes only its top 30` where the page shows only its top N. */
  shownText?: string
  sources: string[]
  /** Models (rows) of the snapshot. */
  modelCount: number
  /** The standings; absent on a permalink page whose rows are an earlier snapshot's (`unchanged` says which). */
  table?: Table
  filters?: Filters
  /** A permalink page whose rows are those of the snapshot of `date` (the first of the run): it links there instead of repeating the table. */
  unchanged?: { date: string; href: string; days: string }
  /** `diffText`: `changes since 2026-08-20`, or `no rank changed since 2026-08-20` when the diff moved no model. */
  previous?: { date: string; href: string; diffHref: string; diffText: string }
  next?: { date: string; href: string; diffHref: string; diffText: string }
  json: string
  csv: string
  /** Newest first: the newest `BOARD_HISTORY` on the board page, the neighbours on a permalink page. */
  history: SnapshotLink[]
  /** Whether `history` leaves some snapshots out: the year pages have them all. */
  historyPartial: boolean
  /** `Recent snapshots of …` (board page), `Nearby snapshots of …` (permalink), `All snapshots of …` */
  historyTitle: string
  /** The board page: every year's page of snapshots, newest first. */
  years: YearLink[]
  /** A permalink page: the page of every snapshot of its year. */
  yearPage: { year: string; href: string }
  /** The board page only: the race at the top and who held #1. */
  race?: RaceView
  compareHref: string
  cite: Citation
}

/** How to cite a snapshot, so that "X was #1 on date D" can be checked by anyone. */
export interface Citation {
  permalink: string
  dataTime: string
  sources: string[]
  /** sha256 of the snapshot's JSON data file, as published. */
  digest: string
  json: string
  text: string
}

export function citation(ctx: Context, board: Board, snapshot: ReconciledSnapshot): Citation {
  const permalink = absoluteUrl(ctx.base, paths.snapshot(board.id, snapshot.date))
  const json = absoluteUrl(ctx.base, paths.snapshotData(board.id, snapshot.date))
  const dataTime = snapshot.updatedAt ?? snapshot.date
  const digest = snapshotDigest(snapshot)
  return {
    permalink,
    dataTime,
    sources: snapshot.sources,
    digest,
    json,
    text: `${board.title} leaderboard, snapshot of ${snapshot.date} (data time ${dataTime}), captured from ${snapshot.sources.join(', ')}. leaderlog, ${permalink}. Data: ${json} (sha256 ${digest}).`
  }
}

/** Snapshots a permalink page lists on each side of its own. */
export const HISTORY_AROUND = 5

/**
 * Snapshots the board page lists, newest first; a page per year lists every
 * snapshot of the year. (The board page listed them all: 150 bytes a day,
 * half a megabyte in ten years.)
 */
export const BOARD_HISTORY = 30

/** A board's years, worked out once per board (every snapshot page links its year): boards are never mutated. */
const yearsOfBoard = new WeakMap<Board, readonly { year: string; indexes: readonly number[] }[]>()

/** The years of a board's snapshots, newest first, with the indexes of each year's snapshots. */
export function snapshotYears(board: Board): readonly { year: string; indexes: readonly number[] }[] {
  let known = yearsOfBoard.get(board)
  if (known) return known
  const years = new Map<string, number[]>()
  board.snapshots.forEach((s, i) => {
    const year = s.date.slice(0, 4)
    const list = years.get(year) ?? []
    list.push(i)
    years.set(year, list)
  })
  known = [...years].sort((a, b) => (a[0] < b[0] ? 1 : -1)).map(([year, indexes]) => ({ year, indexes }))
  yearsOfBoard.set(board, known)
  return known
}

function yearLinks(ctx: Context, board: Board, current?: string): YearLink[] {
  return snapshotYears(board).map(({ year, indexes }) => ({ year, href: link(ctx, paths.boardYear(board.id, year)), count: indexes.length, current: year === current }))
}

/** The diff from snapshot `i - 1` of the board to snapshot `i` (diffs are of consecutive snapshots, oldest first). */
function diffInto(ctx: Context, board: Board, i: number): SnapshotDiff | undefined {
  return ctx.site.diffs.get(board.id)?.[i - 1]
}

/** Snapshot `i` of the board as a line of a list; `current` is the page's own. */
function snapshotLink(ctx: Context, board: Board, i: number, current?: ReconciledSnapshot): SnapshotLink {
  const s = board.snapshots[i]!
  const older = board.snapshots[i - 1]
  const diff = diffInto(ctx, board, i)
  return {
    date: s.date,
    href: link(ctx, paths.snapshot(board.id, s.date)),
    rows: s.rows.length,
    current: s === current,
    diffHref: older ? link(ctx, paths.diff(board.id, older.date, s.date)) : undefined,
    ...(diff ? { diffText: shortChanges(diff) } : {}),
    unchanged: board.unchangedSince.has(s.date)
  }
}

/** Every snapshot of a board in one year, newest first. */
export interface YearView {
  layout: LayoutView
  boardTitle: string
  year: string
  /** `402 snapshots, 2025-01-02 to 2025-12-31` */
  lead: string
  latestHref: string
  years: YearLink[]
  history: SnapshotLink[]
}

export function yearView(ctx: Context, board: Board, year: string): YearView {
  const indexes = snapshotYears(board).find((y) => y.year === year)?.indexes ?? []
  const first = board.snapshots[indexes[0]!]!.date
  const last = board.snapshots[indexes.at(-1)!]!.date
  const count = indexes.length === 1 ? 'One snapshot' : `${formatNumber(indexes.length)} snapshots`
  return {
    layout: layoutView(ctx, {
      title: `${board.title}: snapshots of ${year}`,
      description: `Every snapshot of the ${board.title} leaderboard in ${year}: ${count.toLowerCase()}, each with its page, its data and its changes from the one before.`,
      section: 'boards',
      crumbs: [{ label: 'Boards', href: link(ctx, paths.home()) }, { label: board.title, href: link(ctx, paths.board(board.id)) }, { label: year }]
    }),
    boardTitle: board.title,
    year,
    lead: `${count}, ${first === last ? first : `${first} to ${last}`}, newest first.`,
    latestHref: link(ctx, paths.board(board.id)),
    years: yearLinks(ctx, board, year),
    history: [...indexes].reverse().map((i) => snapshotLink(ctx, board, i))
  }
}

/** Indexes of the snapshots to list, newest first: `around` on each side of `index`. */
export function historyWindow(list: readonly unknown[], index: number, around: number): number[] {
  const out: number[] = []
  for (let i = list.length - 1; i >= 0; i--) if (Math.abs(i - index) <= around) out.push(i)
  return out
}

export function snapshotView(ctx: Context, board: Board, snapshot: ReconciledSnapshot, latestPage: boolean): SnapshotView {
  return snapshotPage(ctx, board, snapshot, latestPage).view()
}

/** The page's view but its table: what its frame shows. */
type SnapshotFrame = Omit<SnapshotView, 'table' | 'filters'>

/**
 * A snapshot's page (the board page, or a permalink page): its view, and the
 * inputs it is made from as plain data, to key the page on (`KeyedFile`)
 * without making its table: the frame (every field but the table, cheap) and
 * what the table reads (`standingsInputs`).
 */
export function snapshotPage(ctx: Context, board: Board, snapshot: ReconciledSnapshot, latestPage: boolean): { view: () => SnapshotView; inputs: () => unknown } {
  const index = board.snapshots.indexOf(snapshot)
  const before = board.snapshots[index - 1]
  // A permalink page of a day that repeats an earlier day's rows links to that day's table (the data files still hold every row).
  const since = latestPage ? undefined : board.unchangedSince.get(snapshot.date)
  const tableOptions = since ? undefined : { id: `t-${board.id}`, caption: `${board.title} on ${snapshot.date} (${snapshot.rows.length} models)`, organizationLinks: latestPage }
  const frame = snapshotFrame(ctx, board, snapshot, { latestPage, index, since })
  return {
    inputs: () => ({ frame, table: tableOptions ? standingsInputs(ctx, snapshot, before, tableOptions) : null }),
    view: () => {
      const table = tableOptions && standingsTable(ctx, snapshot, before, tableOptions)
      return { ...frame, ...(table ? { table, filters: filtersFor([table]) } : {}) }
    }
  }
}

function snapshotFrame(ctx: Context, board: Board, snapshot: ReconciledSnapshot, page: { latestPage: boolean; index: number; since?: string }): SnapshotFrame {
  const { latestPage, index, since } = page
  const before = board.snapshots[index - 1]
  const after = board.snapshots[index + 1]
  const isLatest = index === board.snapshots.length - 1
  // Whether the diff into snapshot i moved a model in or out or changed a rank.
  const rankChanged = (i: number) => {
    const diff = diffInto(ctx, board, i)
    return diff === undefined || changesStandings(diff)
  }
  const title = latestPage ? board.title : `${board.title} on ${snapshot.date}`
  const partial = board.snapshots.length > (latestPage ? BOARD_HISTORY : 2 * HISTORY_AROUND + 1)
  // The name the table's first row shows (the registry's facts), or the row's when the page has no table.
  const first = snapshot.rows[0]
  const leader = first && !since ? modelFacts(ctx, first.model, first).name : first?.name
  const stale = isLatest && board.stale
  const year = snapshot.date.slice(0, 4)
  return {
    layout: layoutView(ctx, {
      title,
      description: `${board.title} leaderboard on ${snapshot.date}: ${snapshot.rows.length} models${leader ? `, led by ${leader}` : ''}${since ? `, unchanged since ${since}` : ''}.`,
      section: 'boards',
      feeds: [{ title: `leaderlog: ${board.title}`, href: link(ctx, paths.boardFeed(board.id)) }],
      crumbs: latestPage
        ? [{ label: 'Boards', href: link(ctx, paths.home()) }, { label: board.title }]
        : [{ label: 'Boards', href: link(ctx, paths.home()) }, { label: board.title, href: link(ctx, paths.board(board.id)) }, { label: snapshot.date }]
    }),
    boardTitle: board.title,
    date: snapshot.date,
    updated: formatUpdatedAt(snapshot.updatedAt, snapshot.date),
    isLatest,
    latestHref: link(ctx, paths.board(board.id)),
    permalink: link(ctx, paths.snapshot(board.id, snapshot.date)),
    stale,
    // Only where it is shown: it names the day the site's data ends, which moves every day.
    staleText: stale ? `No new snapshot for ${formatDays(board.ageDays)} (site data up to ${ctx.site.today}): upstream may have stopped publishing this board.` : '',
    languages: snapshot.languages.join(', '),
    ...provenanceView(snapshot),
    shownText: snapshot.shownRows === undefined ? undefined : `upstream publishes only the top ${snapshot.shownRows}: a model below it is not listed, not gone`,
    sources: snapshot.sources,
    modelCount: snapshot.rows.length,
    ...(since ? { unchanged: { date: since, href: link(ctx, paths.snapshot(board.id, since)), days: formatDays(daysBetween(since, snapshot.date)) } } : {}),
    previous: before
      ? { date: before.date, href: link(ctx, paths.snapshot(board.id, before.date)), diffHref: link(ctx, paths.diff(board.id, before.date, snapshot.date)), diffText: `${rankChanged(index) ? 'changes' : 'no rank changed'} since ${before.date}` }
      : undefined,
    next: after
      ? { date: after.date, href: link(ctx, paths.snapshot(board.id, after.date)), diffHref: link(ctx, paths.diff(board.id, snapshot.date, after.date)), diffText: `${rankChanged(index + 1) ? 'changes' : 'no rank changed'} until ${after.date}` }
      : undefined,
    json: link(ctx, paths.snapshotData(board.id, snapshot.date)),
    csv: link(ctx, paths.snapshotCsv(board.id, snapshot.date)),
    history: (latestPage ? historyWindow(board.snapshots, index, BOARD_HISTORY - 1) : historyWindow(board.snapshots, index, HISTORY_AROUND)).map((i) => snapshotLink(ctx, board, i, snapshot)),
    historyPartial: partial,
    historyTitle: `${partial ? (latestPage ? 'Recent' : 'Nearby') : 'All'} snapshots of ${board.title}`,
    years: latestPage ? yearLinks(ctx, board) : [],
    // Without its count: the count of the current year's page grows every day, and every page of the year would change with it.
    yearPage: { year, href: link(ctx, paths.boardYear(board.id, year)) },
    race: latestPage ? raceView(ctx, board, `${board.id}-`) : undefined,
    compareHref: link(ctx, paths.compare(board.id)),
    cite: citation(ctx, board, snapshot)
  }
}

const rankNotes = {
  upstream: 'Ranks are upstream’s, as the archive shows them.',
  position: 'Ranks are the archive’s row positions, not LMArena’s ranks with intervals: models within one another’s interval get different ranks.',
  derived: 'The archive has no rank: ranks are derived by leaderlog from the ratings, equal ratings sharing a rank; it has no interval or votes either.'
} as const

/** Where a snapshot's rows came from: upstream's pages (their languages) and third-party archives, with what the rank column is. */
export function provenanceView(snapshot: ReconciledSnapshot): Pick<SnapshotView, 'fromText' | 'archives' | 'rankNote'> {
  const pages = snapshot.languages.filter((l) => archiveOf(l) === undefined)
  const archives = snapshot.languages.flatMap((l) => {
    const info = archiveInfo(archiveOf(l) ?? '')
    return info ? [{ title: info.title, href: info.url }] : []
  })
  const fromPages = pages.length ? `the ${pages.join(', ')} page${pages.length === 1 ? '' : 's'}` : ''
  const fromArchives = archives.length ? `${archives.length === 1 ? 'an archive' : `${archives.length} archives`} of upstream’s board` : ''
  return {
    fromText: `from ${[fromPages, fromArchives].filter(Boolean).join(' and ')}`,
    archives,
    ...(archives.length ? { rankNote: rankNotes[snapshot.rankShown ?? 'upstream'] } : {})
  }
}
