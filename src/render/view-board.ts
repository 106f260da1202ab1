import { archiveInfo, archiveOf } from '../core/archives.js'
import type { Board } from '../model/boards.js'
import { snapshotDigest } from './data.js'
import { raceView, type RaceView } from './view-history.js'
import type { ReconciledSnapshot } from '../registry/types.js'
import { daysBetween } from '../core/dates.js'
import { formatDays, formatUpdatedAt } from './format.js'
import { absoluteUrl, paths } from './urls.js'
import { layoutView, type LayoutView } from './view-layout.js'
import { filtersFor, link, standingsTable, type Context, type Filters, type Table } from './view-table.js'

export interface SnapshotLink {
  date: string
  href: string
  rows: number
  current: boolean
  /** Diff with the snapshot before this one. */
  diffHref?: string
  /** Its rows are the snapshot's before it. */
  unchanged: boolean
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
  previous?: { date: string; href: string; diffHref: string }
  next?: { date: string; href: string; diffHref: string }
  json: string
  csv: string
  /** Newest first: every snapshot on the board page, the neighbours on a permalink page. */
  history: SnapshotLink[]
  historyTotal: number
  /** Whether `history` leaves some snapshots out. */
  historyPartial: boolean
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

/** Snapshots a permalink page lists on each side of its own (the board page lists them all). */
export const HISTORY_AROUND = 5

/** Indexes of the snapshots to list, newest first: `around` on each side of `index`. */
export function historyWindow(list: readonly unknown[], index: number, around: number): number[] {
  const out: number[] = []
  for (let i = list.length - 1; i >= 0; i--) if (Math.abs(i - index) <= around) out.push(i)
  return out
}

export function snapshotView(ctx: Context, board: Board, snapshot: ReconciledSnapshot, latestPage: boolean): SnapshotView {
  const index = board.snapshots.indexOf(snapshot)
  const before = board.snapshots[index - 1]
  const after = board.snapshots[index + 1]
  const isLatest = index === board.snapshots.length - 1
  // A permalink page of a day that repeats an earlier day's rows links to that day's table (the data files still hold every row).
  const since = latestPage ? undefined : board.unchangedSince.get(snapshot.date)
  const table = since
    ? undefined
    : standingsTable(ctx, snapshot, before, {
        id: `t-${board.id}`,
        caption: `${board.title} on ${snapshot.date} (${snapshot.rows.length} models)`,
        organizationLinks: latestPage
      })
  const title = latestPage ? board.title : `${board.title} on ${snapshot.date}`
  const leader = table?.rows[0]?.cells.find((c) => c.href)?.text ?? snapshot.rows[0]?.name
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
    stale: isLatest && board.stale,
    staleText: board.stale ? `No new snapshot for ${formatDays(board.ageDays)} (site data up to ${ctx.site.today}): upstream may have stopped publishing this board.` : '',
    languages: snapshot.languages.join(', '),
    ...provenanceView(snapshot),
    shownText: snapshot.shownRows === undefined ? undefined : `upstream publishes only the top ${snapshot.shownRows}: a model below it is not listed, not gone`,
    sources: snapshot.sources,
    modelCount: snapshot.rows.length,
    ...(table ? { table, filters: filtersFor([table]) } : {}),
    ...(since ? { unchanged: { date: since, href: link(ctx, paths.snapshot(board.id, since)), days: formatDays(daysBetween(since, snapshot.date)) } } : {}),
    previous: before
      ? { date: before.date, href: link(ctx, paths.snapshot(board.id, before.date)), diffHref: link(ctx, paths.diff(board.id, before.date, snapshot.date)) }
      : undefined,
    next: after ? { date: after.date, href: link(ctx, paths.snapshot(board.id, after.date)), diffHref: link(ctx, paths.diff(board.id, snapshot.date, after.date)) } : undefined,
    json: link(ctx, paths.snapshotData(board.id, snapshot.date)),
    csv: link(ctx, paths.snapshotCsv(board.id, snapshot.date)),
    history: historyWindow(board.snapshots, index, latestPage ? Infinity : HISTORY_AROUND).map((i) => {
      const s = board.snapshots[i]!
      const older = board.snapshots[i - 1]
      return {
        date: s.date,
        href: link(ctx, paths.snapshot(board.id, s.date)),
        rows: s.rows.length,
        current: s === snapshot,
        diffHref: older ? link(ctx, paths.diff(board.id, older.date, s.date)) : undefined,
        unchanged: board.unchangedSince.has(s.date)
      }
    }),
    historyTotal: board.snapshots.length,
    historyPartial: !latestPage && board.snapshots.length > 2 * HISTORY_AROUND + 1,
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
