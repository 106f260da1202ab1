import { compareText } from '../core/compare.js'
import type { Board } from '../model/boards.js'
import type { SnapshotDiff } from '../model/diffs.js'
import type { SiteModel } from '../model/site.js'
import { escapeXml } from './escape.js'
import { formatSigned } from './format.js'
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
      summary: `Entered ${board.title} on ${diff.to}: ${diff.entered.map((e) => `${names(site, [e.model])} (#${e.rank})`).join(', ')}.`,
      link,
      updated
    })
  }
  const big = diff.moved.filter((m) => m.significant || Math.abs(m.rankDelta) >= BIG_MOVE_PLACES)
  if (big.length) {
    out.push({
      id: id('moves'),
      title: `Big moves on ${board.title} (${diff.from} → ${diff.to})`,
      summary: big.map((m) => `${names(site, [m.model])} ${m.from.rank} → ${m.to.rank} (${formatSigned(m.rankDelta)})${m.significant ? ', significant' : ''}`).join('; ') + '.',
      link,
      updated
    })
  }
  return out
}

/** `dist/feed.xml`: Atom, newest first; dates come from the data, never the clock. */
export function atomFeed(site: SiteModel, base: BaseUrl): string {
  const entries = site.boards
    .flatMap((b) => (site.diffs.get(b.id) ?? []).flatMap((d) => diffEntries(site, base, b, d)))
    .map((e, i) => ({ e, i }))
    .sort((a, b) => compareText(b.e.updated, a.e.updated) || a.i - b.i)
    .map(({ e }) => e)
    .slice(0, FEED_ENTRIES)
  const latest = site.boards.map((b) => timestamp(b, b.latest.date)).sort().pop() ?? '1970-01-01T00:00:00Z'
  const updated = entries[0]?.updated && entries[0].updated > latest ? entries[0].updated : latest
  const home = absoluteUrl(base, paths.home())
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    '  <title>leaderlog: new leaders, new entries, big moves</title>',
    `  <id>${escapeXml(base.absolute ? home : 'urn:leaderlog:feed')}</id>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(home)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(absoluteUrl(base, paths.feed()))}"/>`,
    `  <updated>${updated}</updated>`,
    '  <author><name>leaderlog</name></author>'
  ]
  for (const e of entries) {
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(e.id)}</id>`,
      `    <title>${escapeXml(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
      `    <updated>${e.updated}</updated>`,
      `    <summary>${escapeXml(e.summary)}</summary>`,
      '  </entry>'
    )
  }
  lines.push('</feed>')
  return lines.join('\n') + '\n'
}

/** `dist/sitemap.xml` of every page (not the 404). */
export function sitemap(base: BaseUrl, pages: readonly { path: string; lastmod?: string }[]): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
  for (const p of [...pages].sort((a, b) => compareText(a.path, b.path))) {
    lines.push(`  <url><loc>${escapeXml(absoluteUrl(base, p.path))}</loc>${p.lastmod ? `<lastmod>${p.lastmod}</lastmod>` : ''}</url>`)
  }
  lines.push('</urlset>')
  return lines.join('\n') + '\n'
}
