import { compareBoards } from '../model/boards.js'
import type { HistoryPoint } from '../model/histories.js'
import type { RegistryModel } from '../registry/types.js'
import { boardTitle } from '../core/sources.js'
import { lineChart } from './chart.js'
import { paths } from './urls.js'
import { layoutView, type LayoutView } from './view-layout.js'
import { intervalCell, link, numberCell, type Context, type Table } from './view-table.js'

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
  scoreChart: string
  rankChart: string
  history: Table
}

export interface ModelView {
  layout: LayoutView
  name: string
  id: string
  organization?: { name: string; href?: string }
  license?: string
  spdx?: string
  openWeights: string
  aliases: string[]
  repairs: { from: string; to: string; rule: string }[]
  boards: ModelBoardView[]
  summary: Table
}

export function modelView(ctx: Context, model: RegistryModel): ModelView {
  const histories: Map<string, HistoryPoint[]> = ctx.site.histories.get(model.id) ?? new Map()
  const boardIds = [...new Set([...Object.keys(model.boards), ...histories.keys()])].sort(compareBoards)
  const boards: ModelBoardView[] = boardIds.map((id) => {
    const points = histories.get(id) ?? []
    const board = ctx.site.boards.find((b) => b.id === id)
    const presence = model.boards[id]
    const last = points[points.length - 1]
    const best = points.length ? Math.min(...points.map((p) => p.rank)) : presence?.bestRank
    const history: Table = {
      id: `h-${id}`,
      caption: `${model.name} on ${boardTitle(id)}, newest first`,
      columns: [
        { key: 'date', label: 'Date', rowHeader: true },
        { key: 'rank', label: 'Rank', numeric: true },
        { key: 'score', label: 'Score', numeric: true },
        { key: 'ci', label: '95% CI', numeric: true },
        { key: 'votes', label: 'Votes', numeric: true }
      ],
      rows: [...points].reverse().map((p) => ({
        org: '',
        license: '',
        open: '',
        search: '',
        cells: [
          { text: p.date, href: link(ctx, paths.snapshot(id, p.date)) },
          numberCell(p.rank),
          numberCell(p.score),
          intervalCell(p.ciPlus, p.ciMinus),
          numberCell(p.votes)
        ]
      })),
      empty: 'No snapshot of this board is published.',
      notes: []
    }
    const scored = points.filter((p) => p.score !== undefined)
    return {
      id,
      title: boardTitle(id),
      href: link(ctx, paths.board(id)),
      first: points[0]?.date ?? presence?.first ?? '',
      last: last?.date ?? presence?.last ?? '',
      bestRank: best,
      latestRank: last?.rank,
      current: !!board && last?.date === board.latest.date,
      scoreChart: scored.length
        ? lineChart({
            id: `score-${id}`,
            title: `${model.name}: score on ${boardTitle(id)}`,
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
        ? lineChart({ id: `rank-${id}`, title: `${model.name}: rank on ${boardTitle(id)}`, label: 'Rank', invert: true, integer: true, points: points.map((p) => ({ date: p.date, value: p.rank })) })
        : '',
      history
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
    rows: boards.map((b) => ({
      org: '',
      license: '',
      open: '',
      search: '',
      cells: [
        { text: b.title, href: b.href },
        b.current ? numberCell(b.latestRank) : { text: 'not listed', sort: 100_000 },
        numberCell(b.bestRank),
        { text: b.first },
        { text: b.last }
      ]
    })),
    empty: 'This model is on no published board.',
    notes: []
  }
  return {
    layout: layoutView(ctx, {
      title: model.name,
      description: `${model.name}${model.organization ? ` (${model.organization})` : ''}: rank and score history on ${boards.length} leaderboard${boards.length === 1 ? '' : 's'}.`,
      section: 'models',
      crumbs: [{ label: 'Models', href: link(ctx, paths.models()) }, { label: model.name }]
    }),
    name: model.name,
    id: model.id,
    organization: model.organization ? { name: model.organization, href: slug ? link(ctx, paths.organization(slug)) : undefined } : undefined,
    license: model.license,
    spdx: model.spdx,
    openWeights: model.openWeights === undefined ? 'unknown' : model.openWeights ? 'yes' : 'no',
    aliases: model.aliases.filter((a) => a !== model.name),
    repairs: model.repairs,
    boards,
    summary
  }
}
