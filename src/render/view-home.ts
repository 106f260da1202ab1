import { count } from '../core/text.js'
import type { Board } from '../model/boards.js'

import { formatDays, formatUpdatedAt } from './format.js'
import { paths } from './urls.js'
import { shortChanges } from './view-diff.js'
import { lastChange } from '../model/diffs.js'
import { raceView, type RaceView } from './view-history.js'
import { layoutView, type LayoutView } from './view-layout.js'
import { filtersFor, link, standingsTable, type Context, type Filters, type Table } from './view-table.js'

/** Rows of each board shown on the home page; the board page has them all. */
export const HOME_ROWS = 10

export interface BoardSummary {
  id: string
  title: string
  href: string
  date: string
  updated: string
  snapshots: number
  /** `2 snapshots` */
  snapshotsText: string
  stale: boolean
  /** e.g. `The newest snapshot is 556 days older than 2025-11-20: upstream may have stopped publishing this board.` */
  staleText: string
  table: Table
  models: number
  /** The newest diff that changed the standings (`since`: how many snapshots since changed none), or the newest diff when none did. */
  latestDiff?: { label: string; href: string; text: string; since?: string }
  race?: RaceView
  compareHref: string
}

export interface HomeView {
  layout: LayoutView
  today: string
  boards: BoardSummary[]
  filters: Filters
  dataHref: string
  feedHref?: string
}

export function boardSummary(ctx: Context, board: Board, today: string): BoardSummary {
  const diffs = ctx.site.diffs.get(board.id) ?? []
  // The newest diff that changed a rank (half the days change none); else the newest diff.
  const change = lastChange(diffs)
  const last = change?.diff ?? diffs[diffs.length - 1]
  const after = change ? diffs.length - 1 - change.index : 0
  const first = diffs[0]
  const previous = board.snapshots[board.snapshots.length - 2]
  return {
    id: board.id,
    title: board.title,
    href: link(ctx, paths.board(board.id)),
    date: board.latest.date,
    updated: formatUpdatedAt(board.latest.updatedAt, board.latest.date),
    snapshots: board.snapshots.length,
    snapshotsText: count(board.snapshots.length, 'snapshot'),
    stale: board.stale,
    staleText: board.stale
      ? `No new snapshot for ${formatDays(board.ageDays)} (newest ${board.latest.date}, site data up to ${today}): upstream may have stopped publishing this board.`
      : '',
    table: standingsTable(ctx, board.latest, previous, { id: `t-${board.id}`, caption: `${board.title}: top ${Math.min(HOME_ROWS, board.latest.rows.length)} on ${board.latest.date}`, limit: HOME_ROWS }),
    models: board.latest.rows.length,
    latestDiff: !last
      ? undefined
      : change
        ? {
            label: 'Latest change',
            href: link(ctx, paths.diff(board.id, last.from, last.to)),
            text: `${last.from} → ${last.to}: ${shortChanges(last)}`,
            ...(after > 0 ? { since: `no model entered, left or changed rank in the ${count(after, 'snapshot')} since` } : {})
          }
        : {
            label: 'Changes',
            href: link(ctx, paths.diff(board.id, last.from, last.to)),
            text: `no model entered, left or changed rank from ${first!.from} to ${last.to}`
          },
    race: raceView(ctx, board, `${board.id}-`, { recent: true }),
    compareHref: link(ctx, paths.compare(board.id))
  }
}

export function homeView(ctx: Context): HomeView {
  const today = ctx.site.today ?? ''
  const boards = ctx.site.boards.map((b) => boardSummary(ctx, b, today))
  return {
    layout: layoutView(ctx, {
      title: 'LLM leaderboards, with history',
      description: `Latest standings of ${boards.length} LLM leaderboards, every snapshot, and what changed between them.`,
      section: 'boards',
      feeds: ctx.site.boards.map((b) => ({ title: `leaderlog: ${b.title}`, href: link(ctx, paths.boardFeed(b.id)) }))
    }),
    today,
    boards,
    filters: filtersFor(boards.map((b) => b.table)),
    dataHref: link(ctx, paths.boardsData()),
    ...(ctx.base.absolute ? { feedHref: link(ctx, paths.feed()) } : {})
  }
}
