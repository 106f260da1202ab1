import type { Board } from '../model/boards.js'
import { RECENT_DAYS } from '../model/board-history.js'
import type { Event } from '../schema/events.js'
import { formatNumber } from '../core/text.js'
import { bumpChart, frontierChart, leaderTimelineChart, type ChartResult } from './charts/index.js'
import { formatDays } from './format.js'
import { link, plainRow, type Context, type Table } from './view-table.js'
import { paths } from './urls.js'

/** A chart as a page shows it: the SVG, its caption, and the same data as a table. */
export interface Figure {
  id: string
  svg: string
  caption: string
  table: Table
  /** Drawn across the page, scrolling sideways where the screen is narrower than its labels need. */
  wide?: boolean
  /** The same chart laid out for a wide screen: shown instead of `svg` there, across the page. */
  wideSvg?: string
  /** The link to its data elsewhere, when it is not the data of this chart alone. */
  dataLabel?: string
}

/**
 * Chart widths in user units; the SVG scales to its box. About the width of a
 * 375 px phone's content, so that its 12-unit labels stay about 12 px there
 * (at 440 units they were 8 px); wider screens show it at most 27rem wide.
 */
export const RACE_WIDTH = 360
/** A race drawn month by month over years: the whole width of the page (scrolls sideways on a phone). */
export const RACE_WIDTH_LONG = 960
export const LEADERS_WIDTH = 360
/** Who held #1 beside a race drawn across the page: across the page too, a label and its bars on one line. */
export const LEADERS_WIDTH_WIDE = 960
export const FRONTIER_WIDTH = 360

export function figure(id: string, chart: ChartResult, tableCaption: string): Figure {
  const t = chart.table
  return {
    id,
    svg: chart.svg,
    caption: chart.caption,
    table: {
      id: `${id}-data`,
      caption: tableCaption,
      columns: t.columns.map((label, i) => ({ key: `c${i}`, label, ...(t.numeric[i] ? { numeric: true } : {}), ...(i === 0 ? { rowHeader: true } : {}) })),
      rows: t.rows.map((cells) => plainRow(cells.map((text) => ({ text })))),
      empty: 'No data.',
      notes: []
    }
  }
}

function chartEvents(events: readonly Event[]): { date: string; title: string }[] {
  return events.map((e) => ({ date: e.date, title: e.title }))
}

/** What a chart drawn over the last `RECENT_DAYS` says first: since when, and `whole` (the page) has the whole history. */
function recentNote(from: string, whole: string): string {
  return `The last ${formatNumber(Math.round(RECENT_DAYS / 365))} years (since ${from}; ${whole} has the whole history). `
}

/** The race at the top of a board and who held #1: for the home page and the board page. */
export interface RaceView {
  race: Figure
  leaders: Figure
  /** `gemini-3-pro has held #1 since 2025-11-18 (12 days); longest streak: …` */
  streak: string
}

/**
 * `recent`: the home page's, drawn over the last two years when the history
 * is longer (`BoardHistory.recent`); the streaks stay the whole history's.
 */
export function raceView(ctx: Context, board: Board, prefix: string, options: { recent?: boolean } = {}): RaceView | undefined {
  const h = ctx.site.history.get(board.id)
  if (!h || board.snapshots.length < 2) return undefined
  const shown = (options.recent && h.recent) || h
  const since = options.recent && h.recent ? recentNote(h.recent.from, 'the board page') : ''
  const events = chartEvents(h.events)
  const race = bumpChart(shown.race, { id: `${prefix}race`, boardTitle: board.title, width: shown.monthlyRace ? RACE_WIDTH_LONG : RACE_WIDTH, events })
  const leaders = leaderTimelineChart(shown.timeline, { id: `${prefix}leaders`, boardTitle: board.title, width: LEADERS_WIDTH, events })
  const now = h.timeline.current
  const longest = h.timeline.longest
  const streak =
    (now.length ? `Current #1: ${now.map((s) => s.name).join(' and ')}, since ${now[0]!.from} (${formatDays(now[0]!.days)}).` : '') +
    (longest ? ` Longest streak: ${longest.name}, ${formatDays(longest.days)} (${longest.from} to ${longest.until}).` : '')
  const raceFigure = shown.monthlyRace
    ? { ...figure(`${prefix}race`, race, `${board.title}: every model in the top ${shown.race.top} at the end of a month, when it was there`), caption: `${since}Month by month (the last snapshot of each month). ${race.caption}`, wide: true }
    : { ...figure(`${prefix}race`, race, `${board.title}: every model in the top ${shown.race.top}, when it was there`), caption: `${since}${race.caption}` }
  // The home page's recent charts link to the board page's tables: the whole history.
  const whole = since ? { dataLabel: 'The data of the whole history, as a table' } : {}
  return {
    race: { ...raceFigure, ...whole },
    leaders: {
      ...whole,
      ...figure(`${prefix}leaders`, leaders, `${board.title}: who held #1, from when to when (${formatNumber(shown.timeline.reigns.length)} reigns)`),
      caption: `${since}${leaders.caption}`,
      // Below a race across the page, the leaders would sit alone in half of it, one screen tall.
      ...(shown.monthlyRace ? { wideSvg: leaderTimelineChart(shown.timeline, { id: `${prefix}leaders-wide`, boardTitle: board.title, width: LEADERS_WIDTH_WIDE, events, inline: true }).svg } : {})
    },
    streak: streak.trim()
  }
}

/** The frontier of a board: best score per organization, and the open-weights gap per day. */
export interface FrontierView {
  boardId: string
  boardTitle: string
  href: string
  /** The board's frontier page: the whole history. */
  pageHref: string
  /** Drawn over the last two years only (the board's frontier page has the whole history). */
  recent: boolean
  chart: Figure
  gap: Table
}

/** Whether the board has a frontier to draw (some day with a score and an organization): then it has a frontier page. */
export function hasFrontier(ctx: Context, board: Board): boolean {
  return (ctx.site.history.get(board.id)?.frontier.days.length ?? 0) > 0
}

/**
 * `recent`: the organizations page's, over the last two years when the
 * history is longer (`BoardHistory.recent`); the board's frontier page has it all.
 */
export function frontierView(ctx: Context, board: Board, href: string, options: { recent?: boolean } = {}): FrontierView | undefined {
  const h = ctx.site.history.get(board.id)
  if (!h || !hasFrontier(ctx, board)) return undefined
  const recent = options.recent && h.recent ? h.recent : undefined
  const frontier = recent?.frontier ?? h.frontier
  const since = recent ? recentNote(recent.from, 'the board\'s frontier page') : ''
  const chart = frontierChart(frontier, { id: `frontier-${board.id}`, boardTitle: board.title, width: FRONTIER_WIDTH, events: chartEvents(h.events) })
  // One row per stretch of days with the same open and proprietary bests (the days it stands for).
  const rows: Table['rows'] = []
  let last = ''
  for (const d of frontier.days) {
    const key = `${d.open?.model}=${d.open?.score}|${d.proprietary?.model}=${d.proprietary?.score}|${d.gapAtLeast ?? ''}|${d.gapBefore}`
    const prev = rows[rows.length - 1]
    if (prev && key === last) {
      prev.cells[1] = { text: d.until ?? d.date, cls: 'date' }
      const n = Number(prev.cells[2]!.sort) + d.snapshots
      prev.cells[2] = { text: formatNumber(n), sort: n }
      continue
    }
    last = key
    const gapText = d.gap !== undefined ? formatNumber(d.gap) : d.gapAtLeast !== undefined ? `≥ ${formatNumber(d.gapAtLeast)}` : ''
    rows.push(
      plainRow([
        { text: d.date },
        { text: d.until ?? d.date, cls: 'date' },
        { text: formatNumber(d.snapshots), sort: d.snapshots },
        { text: d.proprietary ? `${d.proprietary.name} (${formatNumber(d.proprietary.score)})` : '' },
        { text: d.open ? `${d.open.name} (${formatNumber(d.open.score)})` : d.shownRows !== undefined ? `none in the top ${d.shownRows} shown` : '' },
        { text: gapText, ...(d.gap !== undefined ? { sort: d.gap } : d.gapAtLeast !== undefined ? { sort: d.gapAtLeast } : {}) }
      ])
    )
  }
  rows.reverse()
  return {
    boardId: board.id,
    boardTitle: board.title,
    href,
    pageHref: link(ctx, paths.boardFrontier(board.id)),
    recent: !!recent,
    chart: { ...figure(`frontier-${board.id}`, chart, `${board.title}: first and last best score of each organization drawn`), caption: `${since}${chart.caption}` },
    gap: {
      id: `gap-${board.id}`,
      caption: `${board.title}: best proprietary vs best open-weights model, per snapshot (days with the same bests merged), newest first${recent ? `, since ${recent.from}` : ''}`,
      columns: [
        { key: 'from', label: 'From', rowHeader: true },
        { key: 'until', label: 'Until' },
        { key: 'snapshots', label: 'Snapshots', numeric: true },
        { key: 'proprietary', label: 'Best proprietary' },
        { key: 'open', label: 'Best open weights' },
        { key: 'gap', label: 'Gap', numeric: true }
      ],
      rows,
      empty: 'No scores.',
      notes: []
    }
  }
}

/** Events a page names: `2026-07-29: Only the top 30 published`. */
export function eventItems(events: readonly Event[]): { date: string; title: string; note: string }[] {
  return events.map((e) => ({ date: e.date, title: e.title, note: e.note ?? '' }))
}
