import type { Board } from '../model/boards.js'
import { changesStandings, type DiffEntry, type SnapshotDiff } from '../model/diffs.js'
import { count, formatNumber } from '../core/text.js'
import { formatSigned } from './format.js'
import { eventsBetween } from '../model/board-history.js'
import { eventItems } from './view-history.js'
import { paths } from './urls.js'
import { layoutView, type LayoutView } from './view-layout.js'
import { capRows, filtersFor, licenseCell, link, MAX_TABLE_ROWS, modelCell, modelFacts, modelRow, numberCell, organizationCell, rowsInputs, shownNumber, type Context, type Filters, type Table, type TableMore, type TableRow } from './view-table.js'
import type { ReconciledSnapshot } from '../registry/types.js'

export interface DiffView {
  layout: LayoutView
  boardTitle: string
  from: { date: string; href: string }
  to: { date: string; href: string }
  summary: string
  /** No model entered, left or changed rank: the page says so instead of showing empty tables. */
  noChange: boolean
  /** On such a page: the nearest diffs that change the standings, before and after it. */
  nearestChanges?: { before?: { text: string; href: string }; after?: { text: string; href: string } }
  entered: Table
  left: Table
  /** Where a page shows only its top N: models below it (not gone), and models that entered it. */
  belowTop?: { heading: string; table: Table }
  enteredTop?: { heading: string; table: Table }
  moved: Table
  /** How many small moves the table leaves out, in words; undefined when it lists every move. */
  ripples?: string
  significant: number
  filters: Filters
  previous?: { text: string; href: string }
  next?: { text: string; href: string }
  json?: string
  /** Events upstream this diff spans (`events.json`). */
  events: { date: string; title: string; note: string }[]
  /** Comparison pages: the other spans and the form. */
  spans?: { label: string; href: string; current: boolean }[]
  compareHref: string
}

/** Where every entry of a diff's lists is, for a list too long for the page (`capRows`): the diff's JSON, or the comparison form. */
type ListedIn = TableMore['links']

const moreModels = (n: number) => count(n, 'more model')

function entryTable(ctx: Context, id: string, caption: string, all: readonly DiffEntry[], rankLabel: string, empty: string, listedIn: ListedIn): Table {
  const { shown: entries, more } = capRows(all, MAX_TABLE_ROWS, moreModels, listedIn)
  const rows: TableRow[] = entries.map((e) => {
    const f = modelFacts(ctx, e.model, e)
    return modelRow(f, [numberCell(e.rank), modelCell(ctx, e.model, f.name), numberCell(e.score), organizationCell(ctx, f.organization, false), licenseCell(f.license, f.open)])
  })
  return {
    id,
    caption,
    columns: [
      { key: 'rank', label: rankLabel, numeric: true },
      { key: 'model', label: 'Model', rowHeader: true },
      { key: 'score', label: 'Score', numeric: true },
      { key: 'organization', label: 'Organization' },
      { key: 'license', label: 'License' }
    ],
    rows,
    empty,
    notes: [],
    ...(more ? { more } : {})
  }
}

/**
 * The entries and exits a diff counts, in the order pages give them, each as
 * the diff page says it (`353 below the published top 30`) and as a line of a
 * list of snapshots says it (`353 below the top 30`). Where a page shows only
 * its top N, who is below it is said as such, never as left.
 */
function entriesAndExits(diff: SnapshotDiff): { count: number; long: string; short: string }[] {
  const { from, to } = diff.shownRows
  return [
    { count: diff.entered.length, long: 'entered', short: 'entered' },
    ...(from !== undefined ? [{ count: diff.enteredTop.length, long: `entered the published top ${from}`, short: `into the top ${from}` }] : []),
    { count: diff.left.length, long: 'left', short: 'left' },
    ...(to !== undefined ? [{ count: diff.belowTop.length, long: `below the published top ${to}`, short: `below the top ${to}` }] : [])
  ]
}

/** A diff in a few words, for a line of a list of snapshots: `1 entered, 17 moved`, `2 below the top 30`, `same ranks`. */
export function shortChanges(diff: SnapshotDiff): string {
  const parts = [...entriesAndExits(diff), { count: diff.moved.length, short: 'moved' }].filter((c) => c.count > 0).map((c) => `${c.count} ${c.short}`)
  return parts.length ? parts.join(', ') : 'same ranks'
}

/**
 * What a diff page that changes no rank says: the same models in the same
 * order, and, when the rows are the same field for field, that upstream
 * published no new numbers.
 */
function noChangeText(board: Board, diff: SnapshotDiff): string {
  const same = `No model entered, left or changed rank: the same ${count(diff.unchanged, 'model')} in the same order.`
  const since = board.unchangedSince.get(diff.to)
  return since !== undefined && since <= diff.from ? `${same} The rows of ${diff.to} are those of ${diff.from}, field for field: upstream published no new numbers in between.` : same
}

/** A move of at least this many places among the models on both snapshots is listed on a diff page; smaller ones only when significant or at the top. */
export const LISTED_MOVE_PLACES = 3
/** Moves into or out of the top this many are always listed. */
const LISTED_MOVE_TOP = 10

/**
 * The moves a diff page lists: significant ones, moves of 3 places or more
 * against the models on both snapshots, and any move at the top 10. Models
 * entering at rank 118 move every model below them: those ripples, and moves
 * of one or two places among the same models, are counted, and the JSON lists
 * them.
 */
export function listedMoves(diff: SnapshotDiff): SnapshotDiff['moved'] {
  return diff.moved.filter((m) => m.significant || Math.abs(m.peerDelta) >= LISTED_MOVE_PLACES || Math.min(m.from.rank, m.to.rank) <= LISTED_MOVE_TOP)
}

/** What `diffView` is told: list every move (a comparison page), the nearest changes, where every entry is listed. */
export interface DiffOptions {
  everyMove?: boolean
  nearest?: { before?: number; after?: number }
  listedIn?: ListedIn
}

/**
 * A diff page. `everyMove`: list every move (a comparison page, whose form
 * computes the same lists from the JSON data in the browser). `nearest`: the
 * indexes in `all` of the nearest diffs that change the standings
 * (`nearestChanges`), which a page that changes none links.
 */
export function diffView(ctx: Context, board: Board, diff: SnapshotDiff, index: number, all: readonly SnapshotDiff[], options: DiffOptions = {}): DiffView {
  const listed = movesListed(diff, options)
  return { ...diffFrame(ctx, board, diff, index, all, options, listed), ...diffTables(ctx, board, diff, options, listed) }
}

/** The moves the page lists: every one on a comparison page, else those that matter (`listedMoves`). */
function movesListed(diff: SnapshotDiff, options: DiffOptions): SnapshotDiff['moved'] {
  return options.everyMove ? diff.moved : listedMoves(diff)
}

/** The diff page's tables (the costly part of its view). */
type DiffTables = Pick<DiffView, 'entered' | 'left' | 'belowTop' | 'enteredTop' | 'moved' | 'filters'>

/**
 * A diff page of a board's consecutive snapshots (`before`, `after`: the diff's
 * two snapshots): its view, and the inputs it is made from as plain data, to
 * key the page on (`KeyedFile`) without making its tables: the frame (every
 * field but the tables) and what the tables read (`rowsInputs`).
 */
export function diffPage(ctx: Context, board: Board, diff: SnapshotDiff, index: number, all: readonly SnapshotDiff[], snapshots: { before: ReconciledSnapshot; after: ReconciledSnapshot }, options: DiffOptions = {}): { view: () => DiffView; inputs: () => unknown } {
  const listed = movesListed(diff, options)
  const frame = diffFrame(ctx, board, diff, index, all, options, listed)
  return {
    inputs: () => ({ frame, tables: { options: { everyMove: options.everyMove ?? false, listedIn: listedInOf(ctx, board, diff, options) }, rows: rowsInputs(ctx, [snapshots.before, snapshots.after], diffModels(diff), false) } }),
    view: () => ({ ...frame, ...diffTables(ctx, board, diff, options, listed) })
  }
}

/** Every model a diff's tables may list. */
function diffModels(diff: SnapshotDiff): string[] {
  return [diff.entered, diff.left, diff.belowTop, diff.enteredTop, diff.moved].flatMap((list: readonly { model: string }[]) => list.map((e) => e.model))
}

function listedInOf(ctx: Context, board: Board, diff: SnapshotDiff, options: DiffOptions): ListedIn {
  return options.listedIn ?? [{ label: 'the JSON data', href: link(ctx, paths.diffData(board.id, diff.from, diff.to)) }]
}

function diffTables(ctx: Context, board: Board, diff: SnapshotDiff, options: DiffOptions, listed: SnapshotDiff['moved']): DiffTables {
  const listedIn = listedInOf(ctx, board, diff, options)
  const movedCap = capRows(listed, MAX_TABLE_ROWS, moreModels, listedIn)
  const moved: TableRow[] = movedCap.shown.map((m) => {
    const f = modelFacts(ctx, m.model, m)
    return modelRow(f, [
      modelCell(ctx, m.model, f.name),
      { text: `${m.from.rank} → ${m.to.rank}`, sort: m.to.rank },
      { ...shownNumber(formatSigned(m.rankDelta), m.rankDelta), cls: m.rankDelta > 0 ? 'up' : 'down' },
      shownNumber(formatSigned(m.peerDelta), m.peerDelta),
      { text: m.from.score !== undefined && m.to.score !== undefined ? `${formatNumber(m.from.score)} → ${formatNumber(m.to.score)}` : '', ...(m.to.score !== undefined ? { sort: m.to.score } : {}) },
      m.scoreDelta === undefined ? { text: '' } : shownNumber(formatSigned(m.scoreDelta), m.scoreDelta),
      m.votesGained === undefined ? { text: '' } : shownNumber(formatSigned(m.votesGained), m.votesGained),
      { text: m.significant ? 'yes' : 'no', sort: m.significant ? 1 : 0, cls: m.significant ? 'significant' : undefined },
      organizationCell(ctx, f.organization, false)
    ])
  })
  const ripples = diff.moved.length - listed.length
  const entered = entryTable(ctx, 'entered', `Entered on ${diff.to} (${diff.entered.length})`, diff.entered, 'Rank', 'No model entered.', listedIn)
  const left = entryTable(ctx, 'left', `Left after ${diff.from} (${diff.left.length})`, diff.left, 'Last rank', 'No model left.', listedIn)
  const topTo = diff.shownRows.to
  const topFrom = diff.shownRows.from
  const belowTop =
    topTo === undefined
      ? undefined
      : {
          heading: `Below the published top ${topTo}`,
          table: entryTable(ctx, 'below-top', `On ${diff.from}, not in the top ${topTo} upstream publishes on ${diff.to} (${diff.belowTop.length}): below it, not gone`, diff.belowTop, 'Last rank', `Every model of ${diff.from} is in the published top ${topTo}.`, listedIn)
        }
  const enteredTop =
    topFrom === undefined
      ? undefined
      : {
          heading: `Entered the published top ${topFrom}`,
          table: entryTable(ctx, 'entered-top', `Not in the top ${topFrom} upstream published on ${diff.from}, listed on ${diff.to} (${diff.enteredTop.length}): new, or risen from below it`, diff.enteredTop, 'Rank', `No model entered the published top ${topFrom}.`, listedIn)
        }
  const movedTable: Table = {
    id: 'moved',
    caption:
      ripples === 0
        ? `Moved (${diff.moved.length}), biggest movers first`
        : `Moved: ${listed.length} of ${diff.moved.length}, biggest movers first (significant, ${LISTED_MOVE_PLACES} places or more against the models on both days, or in the top ${LISTED_MOVE_TOP})`,
    columns: [
      { key: 'model', label: 'Model', rowHeader: true },
      { key: 'rank', label: 'Rank', numeric: true },
      { key: 'places', label: 'Places', numeric: true },
      { key: 'peers', label: 'Net passed', numeric: true },
      { key: 'score', label: 'Score', numeric: true },
      { key: 'delta', label: 'Score change', numeric: true },
      { key: 'votes', label: 'Votes gained', numeric: true },
      { key: 'significant', label: 'Significant' },
      { key: 'organization', label: 'Organization' }
    ],
    rows: moved,
    empty: diff.moved.length === 0 ? 'No model changed rank.' : 'No significant move, none of 3 places or more against the models on both days, none at the top.',
    // Why a move of one place is listed: it passed more models than the entries above it pushed it down.
    notes: listed.length ? [{ mark: 'Net passed', text: `models on both ${diff.from} and ${diff.to} the model went past, less those that went past it: entries and exits do not count` }] : [],
    ...(movedCap.more ? { more: movedCap.more } : {})
  }
  return {
    entered,
    left,
    belowTop,
    enteredTop,
    moved: movedTable,
    filters: filtersFor([entered, ...(enteredTop ? [enteredTop.table] : []), left, ...(belowTop ? [belowTop.table] : []), movedTable])
  }
}

function diffFrame(ctx: Context, board: Board, diff: SnapshotDiff, index: number, all: readonly SnapshotDiff[], options: DiffOptions, listed: SnapshotDiff['moved']): Omit<DiffView, keyof DiffTables> {
  const ripples = diff.moved.length - listed.length
  // Moves not listed that kept their place among the models of both days: pushed by entries or exits above them.
  const pushed = diff.moved.filter((m) => m.peerDelta === 0).length - listed.filter((m) => m.peerDelta === 0).length
  const before = all[index - 1]
  const after = all[index + 1]
  const significant = diff.moved.filter((m) => m.significant).length
  const title = `${board.title}: ${diff.from} → ${diff.to}`
  const noChange = !changesStandings(diff)
  const summary = noChange ? noChangeText(board, diff) : [...entriesAndExits(diff).map((c) => `${c.count} ${c.long}`), `${diff.moved.length} moved (${significant} significantly)`, `${diff.unchanged} unchanged.`].join(', ')
  const changeLink = (at: number | undefined) => {
    const found = at === undefined ? undefined : all[at]
    return found ? { text: `${found.from} → ${found.to}`, href: link(ctx, paths.diff(board.id, found.from, found.to)) } : undefined
  }
  const nearest = noChange && options.nearest ? { before: changeLink(options.nearest.before), after: changeLink(options.nearest.after) } : undefined
  return {
    layout: layoutView(ctx, {
      title,
      description: `What changed on ${board.title} from ${diff.from} to ${diff.to}: ${summary}`,
      section: 'boards',
      feeds: [{ title: `leaderlog: ${board.title}`, href: link(ctx, paths.boardFeed(board.id)) }],
      crumbs: [
        { label: 'Boards', href: link(ctx, paths.home()) },
        { label: board.title, href: link(ctx, paths.board(board.id)) },
        { label: `${diff.from} → ${diff.to}` }
      ]
    }),
    boardTitle: board.title,
    from: { date: diff.from, href: link(ctx, paths.snapshot(board.id, diff.from)) },
    to: { date: diff.to, href: link(ctx, paths.snapshot(board.id, diff.to)) },
    summary,
    noChange,
    ...(nearest && (nearest.before || nearest.after) ? { nearestChanges: nearest } : {}),
    ripples:
      ripples === 0
        ? undefined
        : `${count(ripples, 'other model')} moved without a significant score change and by at most two places against the models on both days${pushed === 0 ? '' : pushed === ripples ? ', all of them only because models entered or left above them' : `, ${formatNumber(pushed)} of them only because models entered or left above them`} (the JSON data lists every move).`,
    significant,
    previous: before ? { text: `${before.from} → ${before.to}`, href: link(ctx, paths.diff(board.id, before.from, before.to)) } : undefined,
    next: after ? { text: `${after.from} → ${after.to}`, href: link(ctx, paths.diff(board.id, after.from, after.to)) } : undefined,
    json: link(ctx, paths.diffData(board.id, diff.from, diff.to)),
    events: eventItems(eventsBetween(ctx.site.history.get(board.id)?.events ?? [], diff.from, diff.to)),
    compareHref: link(ctx, paths.compare(board.id))
  }
}
