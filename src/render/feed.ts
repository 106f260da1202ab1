import { Feed } from 'feed'
import { compareText } from '../core/compare.js'
import type { Board } from '../model/boards.js'
import type { SnapshotDiff } from '../model/diffs.js'
import type { SiteModel } from '../model/site.js'
import { escapeXml } from './escape.js'
import { formatSigned } from './format.js'
import { formatNumber } from '../core/text.js'
import { absoluteUrl, paths, type BaseUrl } from './urls.js'

/** A rank change of at least this many places is a big move even when not significant. */
export const BIG_MOVE_PLACES = 10
/** The feed keeps the newest entries only. */
export const FEED_ENTRIES = 100

export interface FeedEntry {
  id: string
  title: string
  summary: string
  link: string
  updated: string
}

function timestamp(board: Board, date: string): string {
  const s = board.snapshots.find((x) => x.date === date)
  const at = s?.updatedAt
  return at && at.includes('T') ? at : `${date}T00:00:00Z`
}

function names(site: SiteModel, ids: readonly string[]): string {
  return ids.map((id) => site.modelsById.get(id)?.name ?? id).join(', ')
}

/**
 * Models a feed entry's summary names at most: the rest are counted, and the
 * diff page it links lists them (the real history's longest summary names
 * 112; a day of 20,000 new models made an entry of 400 KB).
 */
export const FEED_LIST = 200

/** `items` joined by `separator`, at most `FEED_LIST` of them, then `and 19,800 more`. */
function listed(items: readonly string[], separator: string): string {
  if (items.length <= FEED_LIST) return items.join(separator)
  return `${items.slice(0, FEED_LIST).join(separator)}${separator}and ${formatNumber(items.length - FEED_LIST)} more`
}

/** What a diff announces: a new leader, new entries, big moves. */
export function diffEntries(site: SiteModel, base: BaseUrl, board: Board, diff: SnapshotDiff): FeedEntry[] {
  const link = absoluteUrl(base, paths.diff(board.id, diff.from, diff.to))
  const id = (kind: string) => (base.absolute ? `${link}#${kind}` : `urn:leaderlog:${board.id}:${diff.from}_${diff.to}:${kind}`)
  const updated = timestamp(board, diff.to)
  const out: FeedEntry[] = []
  const before = board.snapshots.find((s) => s.date === diff.from)?.rows[0]
  const after = board.snapshots.find((s) => s.date === diff.to)?.rows[0]
  if (before && after && before.model !== after.model) {
    const name = names(site, [after.model])
    out.push({ id: id('leader'), title: `New leader on ${board.title}: ${name}`, summary: `On ${diff.to}, ${name} took first place on ${board.title} from ${names(site, [before.model])}.`, link, updated })
  }
  if (diff.entered.length) {
    out.push({
      id: id('entered'),
      title: `${diff.entered.length} new on ${board.title}: ${names(site, diff.entered.slice(0, 5).map((e) => e.model))}${diff.entered.length > 5 ? ', …' : ''}`,
      summary: `Entered ${board.title} on ${diff.to}: ${listed(diff.entered.map((e) => `${names(site, [e.model])} (#${e.rank})`), ', ')}.`,
      link,
      updated
    })
  }
  const big = diff.moved.filter((m) => m.significant || Math.abs(m.rankDelta) >= BIG_MOVE_PLACES)
  if (big.length) {
    out.push({
      id: id('moves'),
      title: `Big moves on ${board.title} (${diff.from} → ${diff.to})`,
      summary: listed(big.map((m) => `${names(site, [m.model])} ${m.from.rank} → ${m.to.rank} (${formatSigned(m.rankDelta)})${m.significant ? ', significant' : ''}`), '; ') + '.',
      link,
      updated
    })
  }
  return out
}

/**
 * `dist/feed.xml`: Atom, newest first; dates come from the data, never the
 * clock. Written by the `feed` library; a feed needs absolute links, so it
 * exists only when the site's absolute URL is known (`--base-url https://…`).
 * Titles and summaries are text: escaped for the `html` type the library
 * declares, with characters XML cannot carry removed.
 */
export function atomFeed(site: SiteModel, base: BaseUrl): string | undefined {
  if (!base.absolute) return undefined
  const entries = site.boards
    .flatMap((b) => (site.diffs.get(b.id) ?? []).flatMap((d) => diffEntries(site, base, b, d)))
    .map((e, i) => ({ e, i }))
    .sort((a, b) => compareText(b.e.updated, a.e.updated) || a.i - b.i)
    .map(({ e }) => e)
    .slice(0, FEED_ENTRIES)
  const latest = site.boards.map((b) => timestamp(b, b.latest.date)).sort().pop() ?? '1970-01-01T00:00:00Z'
  return atomXml('leaderlog: new leaders, new entries, big moves', absoluteUrl(base, paths.home()), absoluteUrl(base, paths.feed()), latest, entries)
}

/** An Atom document of `entries` (newest first); updated: the newest entry's time, or `latest` when later. */
function atomXml(feedTitle: string, home: string, self: string, latest: string, entries: readonly FeedEntry[]): string {
  const updated = entries[0]?.updated && entries[0].updated > latest ? entries[0].updated : latest
  const feed = new Feed({
    title: xmlChars(feedTitle),
    id: home,
    link: home,
    feedLinks: { atom: self },
    updated: new Date(updated),
    generator: 'leaderlog',
    copyright: '',
    author: { name: 'leaderlog' }
  })
  for (const e of entries) feed.addItem({ title: htmlText(e.title), id: e.id, link: e.link, date: new Date(e.updated), description: htmlText(e.summary) })
  return feed.atom1() + '\n'
}

/** Entries each board and model feed keeps, newest first. */
export const BOARD_FEED_ENTRIES = 50
export const MODEL_FEED_ENTRIES = 20
/** The places the feeds follow: entering and leaving the top 10. */
export const FEED_TOP = 10

/** What the per-board and per-model feeds announce, newest first; a model is in `models` only when it has entries. */
export interface HistoryFeeds {
  boards: Map<string, FeedEntry[]>
  models: Map<string, FeedEntry[]>
}

function newestFirst(list: FeedEntry[], max: number): FeedEntry[] {
  return list
    .map((e, i) => ({ e, i }))
    .sort((a, b) => compareText(b.e.updated, a.e.updated) || a.i - b.i)
    .map(({ e }) => e)
    .slice(0, max)
}

/**
 * The entries of every board's feed and every model's: a new #1, models that
 * entered or left the top 10, significant moves, renames. Each links the diff
 * of the two snapshots it happened between (a rename: its diff when the two
 * snapshots are consecutive, else the snapshot after it). Only with an
 * absolute base URL (a feed needs absolute links): undefined otherwise.
 */
export function historyFeeds(site: SiteModel, base: BaseUrl): HistoryFeeds | undefined {
  if (!base.absolute) return undefined
  const boards = new Map<string, FeedEntry[]>()
  const models = new Map<string, FeedEntry[]>()
  const forModel = (id: string, e: FeedEntry) => {
    const list = models.get(id) ?? []
    list.push(e)
    models.set(id, list)
  }
  for (const board of site.boards) {
    const out: FeedEntry[] = []
    const diffs = site.diffs.get(board.id) ?? []
    diffs.forEach((d, i) => {
      const a = board.snapshots[i]!
      const b = board.snapshots[i + 1]!
      const link = absoluteUrl(base, paths.diff(board.id, d.from, d.to))
      const updated = timestamp(board, d.to)
      const entry = (kind: string, title: string, summary: string): FeedEntry => ({ id: `${link}#${kind}`, title, summary, link, updated })
      const topA = a.rows.filter((r) => r.rank <= FEED_TOP)
      const topB = b.rows.filter((r) => r.rank <= FEED_TOP)
      const lead = (rows: typeof a.rows) => [...rows].sort((x, y) => x.rank - y.rank)[0]
      const before = lead(a.rows)
      const after = lead(b.rows)
      if (before && after && before.model !== after.model) {
        const e = entry('leader', `New #1 on ${board.title}: ${names(site, [after.model])}`, `On ${d.to}, ${names(site, [after.model])} took first place on ${board.title} from ${names(site, [before.model])}.`)
        out.push(e)
        forModel(after.model, e)
        forModel(before.model, { ...e, id: `${e.id}-lost`, title: `${names(site, [before.model])} lost #1 on ${board.title} to ${names(site, [after.model])}` })
      }
      const inA = new Set(topA.map((r) => r.model))
      const inB = new Set(topB.map((r) => r.model))
      const entered = topB.filter((r) => !inA.has(r.model))
      const left = topA.filter((r) => !inB.has(r.model))
      if (entered.length) out.push(entry('top-entered', `Entered the top ${FEED_TOP} of ${board.title}: ${names(site, entered.map((r) => r.model))}`, `On ${d.to}: ${entered.map((r) => `${names(site, [r.model])} (#${r.rank})`).join(', ')}.`))
      for (const r of entered) forModel(r.model, entry(`top-entered-${r.model}`, `${names(site, [r.model])} entered the top ${FEED_TOP} of ${board.title} (#${r.rank})`, `On ${d.to}, ${names(site, [r.model])} is #${r.rank} on ${board.title}.`))
      const where = (model: string) => {
        const row = b.rows.find((r) => r.model === model)
        return row ? `#${row.rank}` : b.shownRows !== undefined ? `below the published top ${b.shownRows}` : 'not on the board'
      }
      if (left.length) out.push(entry('top-left', `Left the top ${FEED_TOP} of ${board.title}: ${names(site, left.map((r) => r.model))}`, `On ${d.to}: ${left.map((r) => `${names(site, [r.model])} (${where(r.model)})`).join(', ')}.`))
      for (const r of left) forModel(r.model, entry(`top-left-${r.model}`, `${names(site, [r.model])} left the top ${FEED_TOP} of ${board.title} (${where(r.model)})`, `On ${d.to}, ${names(site, [r.model])} is ${where(r.model)} on ${board.title}, after #${r.rank} on ${d.from}.`))
      const significant = d.moved.filter((m) => m.significant)
      const moveText = (m: (typeof significant)[number]) => `${names(site, [m.model])} ${m.from.rank} → ${m.to.rank} (${formatSigned(m.rankDelta)}${m.scoreDelta !== undefined ? `, score ${formatSigned(m.scoreDelta)}` : ''})`
      if (significant.length) out.push(entry('significant', `Significant moves on ${board.title} (${d.from} → ${d.to})`, significant.map(moveText).join('; ') + '.'))
      for (const m of significant) forModel(m.model, entry(`significant-${m.model}`, `${names(site, [m.model])} moved significantly on ${board.title}: ${m.from.rank} → ${m.to.rank}`, moveText(m) + ': the two 95% intervals do not overlap.'))
    })
    boards.set(board.id, out)
  }
  for (const m of site.models) {
    for (const r of m.repairs) {
      const e = r.rule === 'renamed' ? r.evidence : undefined
      const board = e ? site.boards.find((b) => b.id === e.board) : undefined
      // Two captures of one day naming a row two ways is not news: upstream renamed nothing.
      if (!e || !board || e.sources) continue
      const i = board.dates.indexOf(e.before)
      const consecutive = i >= 0 && board.dates[i + 1] === e.after
      const link = absoluteUrl(base, consecutive ? paths.diff(board.id, e.before, e.after) : paths.snapshot(board.id, e.after))
      const entry: FeedEntry = { id: `${link}#renamed-${m.id}`, title: `Renamed on ${board.title}: ${r.from} → ${r.to}`, summary: `Between ${e.before} and ${e.after}, upstream renamed ${r.from} to ${r.to} on ${board.title}; leaderlog keeps one history.`, link, updated: timestamp(board, e.after) }
      forModel(m.id, entry)
      boards.get(board.id)?.push(entry)
    }
  }
  for (const [id, list] of boards) boards.set(id, newestFirst(list, BOARD_FEED_ENTRIES))
  const sorted = new Map([...models.keys()].sort(compareText).map((id) => [id, newestFirst(models.get(id)!, MODEL_FEED_ENTRIES)]))
  return { boards, models: sorted }
}

/** `boards/<board>/feed.xml`. */
export function boardFeed(site: SiteModel, base: BaseUrl, board: Board, entries: readonly FeedEntry[]): string {
  return atomXml(`leaderlog: ${board.title}`, absoluteUrl(base, paths.board(board.id)), absoluteUrl(base, paths.boardFeed(board.id)), timestamp(board, board.latest.date), entries)
}

/** `models/<id>/feed.xml`. */
export function modelFeed(site: SiteModel, base: BaseUrl, id: string, entries: readonly FeedEntry[]): string {
  const name = site.modelsById.get(id)?.name ?? id
  return atomXml(`leaderlog: ${name}`, absoluteUrl(base, paths.model(id)), absoluteUrl(base, paths.modelFeed(id)), entries[0]?.updated ?? '1970-01-01T00:00:00Z', entries)
}

/** Text for an Atom `html` construct: escaped markup, no character XML 1.0 forbids. */
function htmlText(text: string): string {
  return escapeXml(xmlChars(text))
}

/** Remove what XML 1.0 cannot carry (C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF). */
export function xmlChars(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
}

/** `dist/sitemap.xml` of every page (not the 404); the protocol needs absolute URLs, so only with an absolute base. */
export function sitemap(base: BaseUrl, pages: readonly { path: string; lastmod?: string }[]): string | undefined {
  if (!base.absolute) return undefined
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
  for (const p of [...pages].sort((a, b) => compareText(a.path, b.path))) {
    lines.push(`  <url><loc>${escapeXml(absoluteUrl(base, p.path))}</loc>${p.lastmod ? `<lastmod>${p.lastmod}</lastmod>` : ''}</url>`)
  }
  lines.push('</urlset>')
  return lines.join('\n') + '\n'
}
