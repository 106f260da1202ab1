import { DEFAULT_GAP_DAYS } from '../model/history/snapshot.js'
import { compareBoards, shownRowsOn } from '../model/boards.js'
import { firstDate, lastDate, pointsOf, type BoardTrack } from '../model/histories.js'
import type { RenameEvidence } from '../registry/renames.js'
import type { RegistryModel } from '../registry/types.js'
import { formatNumber } from '../core/text.js'
import { visible } from '../diagnostics/quote.js'
import { boardTitle } from '../core/sources.js'
import { lineChart } from './chart.js'
import { rankSpread, type Lifecycle, type LifecyclePoint } from '../model/history/index.js'
import { formatDays, formatSigned } from './format.js'
import { paths, type BaseUrl } from './urls.js'
import { historyDigest } from './data.js'
import { layoutView, type LayoutView } from './view-layout.js'
import { intervalCell, link, numberCell, plainRow, RANK_SPREAD_COLUMN, RANK_SPREAD_NOTE, rankSpreadCell, type Context, type Table } from './view-table.js'

export interface ModelBoardView {
  id: string
  title: string
  href: string
  first: string
  last: string
  bestRank: number | undefined
  latestRank: number | undefined
  /** Still on the board's newest snapshot. */
  current: boolean
  /** Not on the board's newest snapshot, which shows only its top N: below it since a date (not gone). */
  belowTop?: { shown: number; since: string; text: string }
  scoreChart: string
  rankChart: string
  /** The rank chart draws upstream's rank spread as a band. */
  spreadBand: boolean
  history: Table
  /** First and last seen, peak, days at #1 and in the top 10, votes gained, interval narrowing. */
  lifecycle: { label: string; value: string; href?: string }[]
  /** The model's badge on this board, when it is on the board's latest snapshot. */
  badge?: { svg: string; json: string }
}

export interface ModelView {
  layout: LayoutView
  name: string
  id: string
  /** `formerly`: what the boards called the organization while the model was on them (`xAI until 2026-07-08`). */
  organization?: { name: string; href?: string; inferred: boolean; formerly?: string }
  license?: string
  spdx?: string
  openWeights: string
  aliases: string[]
  repairs: { from: string; to: string; rule: string }[]
  /** Renames upstream made, each with the numbers that show it (`renamed` repairs). */
  renames: { from: string; to: string; text: string }[]
  boards: ModelBoardView[]
  summary: Table
  /** The full daily history, as CSV. */
  csv: string
  /** The model's Atom feed, when it has entries. */
  feed?: string
}

/** `on LMArena Text between 2025-05-18 and 2025-06-05: rank 3 → 5, score 1,398 → 1,404, votes 15,275 → 15,271` */
export function renameText(e: RenameEvidence): string {
  const pair = (label: string, v: [number, number] | undefined) => (v ? [`${label} ${formatNumber(v[0])} → ${formatNumber(v[1])}`] : [])
  const numbers = [...pair('rank', e.rank), ...pair('score', e.score), ...pair('votes', e.votes)].join(', ')
  if (e.sources) return `on ${boardTitle(e.board)} on ${e.before}, one row under both names in ${e.sources[0]} and ${e.sources[1]}: ${numbers}`
  return `on ${boardTitle(e.board)} between ${e.before} and ${e.after}: ${numbers}`
}

/**
 * A board of a model's page as what it is made from: its charts and its
 * history table are made from the model's track on the board (`track`, the
 * very object of `site.histories`; empty where the model has no points)
 * and its condensed history (`lines`).
 */
export type ModelBoardFrame = Omit<ModelBoardView, 'scoreChart' | 'rankChart' | 'history'> & {
  track: BoardTrack
  /** The condensed history, newest last (`Lifecycle.history`, an ongoing absence without its end), and for each line the rows the board's page showed that day. */
  lines: readonly (LifecyclePoint | OngoingAbsence)[]
  shown: (number | null)[]
}

/**
 * The newest line of a condensed history when the model is not on the board's
 * newest snapshot (below its published top N, or gone): it lasts to date, so
 * it shows no end and no count of snapshots, and the page of a model that
 * left a board does not change with every new day of it (389 of 509 pages).
 */
export type OngoingAbsence = Omit<LifecyclePoint, 'until' | 'snapshots'> & { until: null; snapshots: null }

/** A model's page as what it is made from: plain data, the view a pure function of it and the base URL (`modelPageView`). */
export type ModelFrame = Omit<ModelView, 'boards'> & { boards: ModelBoardFrame[] }

/**
 * A model's page (`KeyedPage`), keyed on its frame, the points replaced by the
 * digest of the model's whole history (`historyDigest`, the key of its CSV
 * too): the charts and the tables, most of the page's cost, are made only when
 * it is rendered. A new day changes the pages of the models on its boards (109
 * of 509 on the real history), a build with nothing new none.
 */
export function modelPage(ctx: Context, model: RegistryModel): { view: () => ModelView; inputs: () => unknown } {
  const frame = modelFrame(ctx, model)
  const history = ctx.site.histories.get(model.id)
  return {
    inputs: () => ({ base: ctx.base, frame: { ...frame, boards: frame.boards.map((b) => ({ ...b, track: b.track.rows.length })) }, points: history ? historyDigest(history) : null }),
    view: () => modelPageView(ctx.base, frame)
  }
}

/** The view of a model's frame: its charts drawn and its history tables made. */
export function modelPageView(base: BaseUrl, frame: ModelFrame): ModelView {
  const ctx = { base }
  return {
    ...frame,
    boards: frame.boards.map(({ track, lines, shown, ...b }) => {
      const points = pointsOf(track)
      const scored = points.filter((p) => p.score !== undefined)
      const title = boardTitle(b.id)
      return {
        ...b,
        scoreChart: scored.length
          ? lineChart({
              id: `score-${b.id}`,
              title: `${frame.name}: score on ${title}`,
              label: 'Score',
              integer: scored.every((p) => Number.isInteger(p.score)),
              points: scored.map((p) => ({
                date: p.date,
                value: p.score!,
                low: p.ciMinus !== undefined ? p.score! - p.ciMinus : undefined,
                high: p.ciPlus !== undefined ? p.score! + p.ciPlus : undefined
              }))
            })
          : '',
        rankChart: points.length
          ? lineChart({
              id: `rank-${b.id}`,
              title: `${frame.name}: rank on ${title}`,
              label: 'Rank',
              invert: true,
              integer: true,
              points: points.map((p) => ({ date: p.date, value: p.rank, low: p.rankUpper, high: p.rankLower }))
            })
          : '',
        history: lifecycleTable(ctx, frame.name, b.id, lines, shown, points.length)
      }
    })
  }
}

/** A model's page as what it is made from (`ModelFrame`). */
export function modelFrame(ctx: Context, model: RegistryModel): ModelFrame {
  const histories: ReadonlyMap<string, BoardTrack> = ctx.site.histories.get(model.id) ?? new Map()
  const boardIds = [...new Set([...Object.keys(model.boards), ...histories.keys()])].sort(compareBoards)
  const boards: ModelBoardFrame[] = boardIds.map((id) => {
    const track = histories.get(id) ?? { on: [], runs: [], rows: [] }
    const board = ctx.site.boards.find((b) => b.id === id)
    const presence = model.boards[id]
    const last = lastDate(track)
    const best = track.rows.length ? Math.min(...track.rows.map((r) => r.rank)) : presence?.bestRank
    const life = ctx.site.history.get(id)?.lifecycles.get(model.id)
    const lines = ongoing(life?.history ?? [], board?.latest.date)
    const current = !!board && last === board.latest.date
    // The board's newest page shows only its top N: missing from it is below it, not gone.
    const since = board && !current && board.latest.shownRows !== undefined ? board.snapshots.find((s) => s.date > (last ?? presence?.last ?? '')) : undefined
    const belowTop =
      since && board?.latest.shownRows !== undefined
        ? { shown: board.latest.shownRows, since: since.date, text: `Below the published top ${board.latest.shownRows} since ${since.date}: upstream lists only its top ${board.latest.shownRows} rows` }
        : undefined
    return {
      id,
      title: boardTitle(id),
      href: link(ctx, paths.board(id)),
      first: firstDate(track) ?? presence?.first ?? '',
      last: last ?? presence?.last ?? '',
      bestRank: best,
      latestRank: track.rows.at(-1)?.rank,
      current,
      belowTop,
      // A point has a spread where its row has both ends (`pointOf`, `rankSpread`).
      spreadBand: track.rows.some((r) => rankSpread(r) !== undefined),
      track,
      lines,
      // What a line where the model is not listed says: below the top N the board's page showed that day.
      shown: lines.map((p) => (p.state === 'listed' || !board ? null : (shownRowsOn(board, p.date) ?? null))),
      lifecycle: life ? lifecycleFacts(ctx, id, life) : [],
      badge: current ? { svg: link(ctx, paths.badge(id, model.id)), json: link(ctx, paths.badgeData(id, model.id)) } : undefined
    }
  })
  const slug = model.organization ? ctx.site.organizationSlugs.get(model.organization) : undefined
  const summary: Table = {
    id: 'boards',
    caption: `Boards ${model.name} is on`,
    columns: [
      { key: 'board', label: 'Board', rowHeader: true },
      { key: 'latest', label: 'Latest rank', numeric: true },
      { key: 'best', label: 'Best rank', numeric: true },
      { key: 'first', label: 'First seen' },
      { key: 'last', label: 'Last seen' }
    ],
    rows: boards.map((b) =>
      plainRow([
        { text: b.title, href: b.href },
        b.current ? numberCell(b.latestRank) : b.belowTop ? { text: `below the published top ${b.belowTop.shown}`, sort: 100_000 } : { text: 'not listed', sort: 100_000 },
        numberCell(b.bestRank),
        { text: b.first },
        { text: b.last }
      ])
    ),
    empty: 'This model is on no published board.',
    notes: []
  }
  return {
    layout: layoutView(ctx, {
      title: model.name,
      description: `${model.name}${model.organization ? ` (${model.organization})` : ''}: rank and score history on ${boards.length} leaderboard${boards.length === 1 ? '' : 's'}.`,
      section: 'models',
      ...(ctx.feeds?.models.has(model.id) ? { feeds: [{ title: `leaderlog: ${model.name}`, href: link(ctx, paths.modelFeed(model.id)) }] } : {}),
      crumbs: [{ label: 'Models', href: link(ctx, paths.models()) }, { label: model.name }]
    }),
    name: model.name,
    id: model.id,
    organization: model.organization
      ? { name: model.organization, href: slug ? link(ctx, paths.organization(slug)) : undefined, inferred: model.organizationInferred === true, ...(model.organizationInferred ? {} : formerNames(ctx, model)) }
      : undefined,
    license: model.license,
    spdx: model.spdx,
    openWeights: model.openWeights === undefined ? 'unknown' : model.openWeights ? 'yes' : 'no',
    // Raw spellings as published, invisible characters shown (`\u{202e}`) so none can spoof another name.
    aliases: model.aliases.filter((a) => a !== model.name).map(visible),
    repairs: model.repairs.filter((r) => r.rule !== 'renamed').map((r) => ({ from: visible(r.from), to: r.to, rule: r.rule })),
    renames: model.repairs.flatMap((r) => (r.rule === 'renamed' && r.evidence ? [{ from: r.from, to: r.to, text: renameText(r.evidence) }] : [])),
    boards,
    summary,
    csv: link(ctx, paths.modelData(model.id)),
    ...(ctx.feeds?.models.has(model.id) ? { feed: link(ctx, paths.modelFeed(model.id)) } : {})
  }
}

/** Days counted on the snapshots only: the gaps without one that followed are said, not guessed. */
function gapsNote(gaps: number, where: string): string {
  return gaps ? ` (${gaps === 1 ? 'a gap' : `${formatNumber(gaps)} gaps`} of more than ${formatNumber(DEFAULT_GAP_DAYS)} days between snapshots, ${gaps === 1 ? '' : 'each '}after a day ${where}, not counted)` : ''
}

function lifecycleFacts(ctx: Context, board: string, life: Lifecycle): ModelBoardView['lifecycle'] {
  const out: ModelBoardView['lifecycle'] = [
    { label: 'First seen', value: life.first, href: link(ctx, paths.snapshot(board, life.first)) },
    { label: 'Last seen', value: life.last, href: link(ctx, paths.snapshot(board, life.last)) },
    { label: 'Peak rank', value: `#${formatNumber(life.peak.rank)} on ${life.peak.date}`, href: link(ctx, paths.snapshot(board, life.peak.date)) },
    { label: 'Days at #1', value: formatDays(life.daysAtTop) + gapsNote(life.gapsAfter.atTop, 'at #1') },
    { label: 'Days in the top 10', value: formatDays(life.daysInTop10) + gapsNote(life.gapsAfter.inTop10, 'in the top 10') },
    { label: 'Snapshots listing it', value: formatNumber(life.snapshots) }
  ]
  if (life.votes) out.push({ label: 'Votes gained', value: `${formatSigned(life.votes.gained)} (${formatNumber(life.votes.first)} → ${formatNumber(life.votes.last)})` })
  if (life.interval) {
    const n = life.interval.narrowing
    out.push({ label: 'Interval narrowing', value: `${n > 0 ? 'narrowed by' : n < 0 ? 'widened by' : 'unchanged at'} ${formatNumber(Math.abs(n) || life.interval.first)} (95% interval ${formatNumber(life.interval.first)} → ${formatNumber(life.interval.last)} wide)` })
  }
  return out
}

/** A line of the history where the model is not listed: below the top N the board's page showed that day, or not on the board. */
function absentText(state: 'below' | 'absent', shown: number | undefined): string {
  return state === 'absent' ? 'not on the board' : shown === undefined ? 'below the rows published' : `below the published top ${shown}`
}

/** The condensed history, its newest line without its end when it is an absence lasting to the board's newest snapshot (`latest`). */
function ongoing(lines: readonly LifecyclePoint[], latest: string | undefined): readonly (LifecyclePoint | OngoingAbsence)[] {
  const last = lines.at(-1)
  if (!last || last.state === 'listed' || last.until !== latest) return lines
  return [...lines.slice(0, -1), { ...last, until: null, snapshots: null }]
}

/** The history on one board condensed to the snapshots where something changed, newest first; `shown[k]`: the rows the board's page showed on line `k`'s day; `snapshots`: how many the model is on. */
function lifecycleTable(ctx: Pick<Context, 'base'>, name: string, id: string, lines: readonly (LifecyclePoint | OngoingAbsence)[], shown: readonly (number | null)[], snapshots: number): Table {
  // Upstream's rank spread, where some snapshot gives one: a line of the history may differ from the one before only by it.
  const spread = lines.some((p) => p.rankUpper !== undefined && p.rankLower !== undefined)
  const rows: Table['rows'] = []
  for (let k = lines.length - 1; k >= 0; k--) {
    const p = lines[k]!
    rows.push(
      plainRow([
        { text: p.date, href: link(ctx, paths.snapshot(id, p.date)) },
        { text: p.until === null ? 'to date' : p.until === p.date ? '' : p.until },
        numberCell(p.snapshots ?? undefined),
        p.state === 'listed' ? numberCell(p.rank) : { text: absentText(p.state, shown[k] ?? undefined), sort: 100_000 },
        numberCell(p.score),
        intervalCell(p.ciPlus, p.ciMinus),
        ...(spread ? [rankSpreadCell(p.rankUpper, p.rankLower)] : []),
        numberCell(p.votes)
      ])
    )
  }
  return {
    id: `h-${id}`,
    caption: `${name} on ${boardTitle(id)}: the snapshots where something changed, newest first (${formatNumber(snapshots)} snapshots in all)`,
    columns: [
      { key: 'date', label: 'Date', rowHeader: true },
      { key: 'until', label: 'Same until' },
      { key: 'snapshots', label: 'Snapshots', numeric: true },
      { key: 'rank', label: 'Rank', numeric: true },
      { key: 'score', label: 'Score', numeric: true },
      { key: 'ci', label: '95% CI', numeric: true },
      ...(spread ? [RANK_SPREAD_COLUMN] : []),
      { key: 'votes', label: 'Votes', numeric: true }
    ],
    rows,
    empty: 'No snapshot of this board is published.',
    notes: spread ? [RANK_SPREAD_NOTE] : []
  }
}

/** The former names of the organization that rows credited the model to: `xAI until 2026-07-08`. */
function formerNames(ctx: Context, model: RegistryModel): { formerly?: string } {
  const org = ctx.site.organizations.find((o) => o.name === model.organization)
  const names = (org?.formerly ?? []).filter((f) => f.credited.includes(model.id)).map((f) => `${f.name} until ${f.until}`)
  return names.length ? { formerly: names.join(', ') } : {}
}
