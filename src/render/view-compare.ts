import { shownRowsOn, type Board } from '../model/boards.js'
import type { SnapshotDiff } from '../model/diffs.js'
import type { Comparison, Span } from '../model/history/index.js'
import { paths } from './urls.js'
import { diffView, type DiffView } from './view-diff.js'
import { layoutView, type LayoutView } from './view-layout.js'
import { link, type Context } from './view-table.js'

/** A comparison as the diff pages show one: `surfaced` is who entered the published top N, `belowShown` who is below it. */
export function comparisonDiff(board: Board, c: Comparison): SnapshotDiff {
  const from = shownRowsOn(board, c.from)
  const to = shownRowsOn(board, c.to)
  return {
    board: c.board,
    from: c.from,
    to: c.to,
    entered: c.entered,
    left: c.left,
    moved: c.moved,
    unchanged: c.unchanged,
    belowTop: c.belowShown,
    enteredTop: c.surfaced,
    shownRows: { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) }
  }
}

function spanLinks(ctx: Context, board: Board, current?: Span) {
  const spans = ctx.site.history.get(board.id)?.spans ?? []
  return [
    ...spans.map(({ span }) => ({ label: span.label, href: link(ctx, paths.compareSpan(board.id, span.id)), current: span.id === current?.id })),
    { label: 'any two dates', href: link(ctx, paths.compare(board.id)), current: false }
  ]
}

/** `boards/<board>/compare/<span>/`: the latest snapshot against the one a span before it. */
export function compareView(ctx: Context, board: Board, index: number): DiffView {
  const { span, comparison } = ctx.site.history.get(board.id)!.spans[index]!
  const diff = comparisonDiff(board, comparison)
  const form = link(ctx, paths.compare(board.id)) + `?from=${span.from}&to=${span.to}`
  const view = diffView(ctx, board, diff, 0, [diff], { everyMove: true, listedIn: [{ label: 'the comparison of these two dates', href: form }] })
  const title = `${board.title}: ${span.label} (${span.from} → ${span.to})`
  const { json: _json, ...rest } = view
  return {
    ...rest,
    layout: layoutView(ctx, {
      title,
      description: `What changed on ${board.title} over ${span.label}, from ${span.from} to ${span.to}: ${view.summary}`,
      section: 'boards',
      crumbs: [{ label: 'Boards', href: link(ctx, paths.home()) }, { label: board.title, href: link(ctx, paths.board(board.id)) }, { label: 'Compare', href: link(ctx, paths.compare(board.id)) }, { label: span.label }]
    }),
    spans: spanLinks(ctx, board, span),
    compareHref: form
  }
}

export interface CompareFormView {
  layout: LayoutView
  boardTitle: string
  boardId: string
  spans: { label: string; href: string; current: boolean }[]
  first: string
  last: string
  /** The default pair: the longest standard span, else the last two snapshots. */
  from: string
  to: string
  boardsData: string
  dataPrefix: string
  modelPrefix: string
  snapshots: number
}

/** `boards/<board>/compare/`: the spans, and a form comparing any two dates from the JSON data (with JavaScript). */
export function compareFormView(ctx: Context, board: Board): CompareFormView {
  const spans = ctx.site.history.get(board.id)?.spans ?? []
  const first = board.snapshots[0]!.date
  const last = board.latest.date
  const pick = spans.find((s) => s.span.id === '1m') ?? spans[0]
  return {
    layout: layoutView(ctx, {
      title: `Compare two dates of ${board.title}`,
      description: `What changed on ${board.title} between any two of its ${board.snapshots.length} snapshots (${first} to ${last}).`,
      section: 'boards',
      crumbs: [{ label: 'Boards', href: link(ctx, paths.home()) }, { label: board.title, href: link(ctx, paths.board(board.id)) }, { label: 'Compare' }]
    }),
    boardTitle: board.title,
    boardId: board.id,
    spans: spanLinks(ctx, board).filter((s) => s.label !== 'any two dates'),
    first,
    last,
    from: pick?.span.from ?? board.snapshots[board.snapshots.length - 2]?.date ?? first,
    to: last,
    boardsData: link(ctx, paths.boardsData()),
    dataPrefix: link(ctx, 'data/'),
    modelPrefix: link(ctx, paths.models()),
    snapshots: board.snapshots.length
  }
}
