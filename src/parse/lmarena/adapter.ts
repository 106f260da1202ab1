import { message, START, type Message } from '../../diagnostics/diagnostic.js'
import { lmarenaCategories, type LmarenaCategory } from '../../core/sources.js'
import type { AdapterInput, AdapterOutput, UndatedSnapshot } from '../adapter.js'
import type { Document } from '../document.js'
import { gridRows, place } from './grid.js'
import { withCompactWord } from '../compact-words.js'
import { isLeaderboard, layoutOf } from './layout.js'
import { readRows } from './rows.js'
import { afterTable, chooseTable, lowestSpread, truncation } from './tables.js'

/**
 * The LMArena adapter: every table format upstream has published since
 * 2025-01 (UB + StyleCtrl ranks, rank + spread, glued spreads, merged score
 * and interval, glued organization and license, the 2026 top-30 category
 * pages), in any language. Layout (which column holds what), rows (reading
 * each row) and tables (merging, truncation) are their own modules; this one
 * wires them.
 */

/** `前 30 名`, `Top 30`, `Los 30 primeros`: how many rows a top-N page announces. */
export function declaredRows(headings: readonly { text: string }[]): number | undefined {
  for (const { text } of headings) {
    const m = /前\s*(\d+)\s*名|top[\s-]*(\d+)|トップ\s*(\d+)|上位\s*(\d+)|(\d+)\s*(?:premiers|primeros|primeiros|лучших|κορυφαί)/iu.exec(text)
    if (m) return Number(m.slice(1).find((g) => g !== undefined))
  }
  return undefined
}

/**
 * A top-N page in a language `declaredRows` has no words for (`30 อันดับแรก`,
 * `İlk 30`): its rows' spreads point below its last row (ranks exist past
 * it) and a heading's only number is its count of rows. The cells say the
 * page is cut at a top N; the heading says which.
 */
export function announcedByCount(headings: readonly { text: string }[], rows: number, lowestSpread: number): number | undefined {
  if (lowestSpread <= rows) return undefined
  return headings.some((h) => {
    const numbers = h.text.match(/\d+/g) ?? []
    return numbers.length === 1 && Number(numbers[0]) === rows
  })
    ? rows
    : undefined
}

/** Which category page this is, from its link to arena.ai or its title. */
export function categoryOf(doc: Document): LmarenaCategory {
  const link = /(?:lmarena\.ai|arena\.ai)\/leaderboard\/([a-z-]+)/i.exec(doc.content.slice(0, 4000))
  if (link && (lmarenaCategories as readonly string[]).includes(link[1]!.toLowerCase())) return link[1]!.toLowerCase() as LmarenaCategory
  const title = doc.title.toLowerCase()
  if (/agent|智能体|智能體|エージェント|агент|πράκτορ/.test(title)) return 'agent'
  if (/search|搜索|搜尋|検索|recherche|búsqueda|поиск|αναζήτ/.test(title)) return 'search'
  if (/vision|视觉|視覺|ビジョン|визу|όραση/.test(title)) return 'vision'
  if (/webdev|web dev|代码|程式|コード|code/.test(title)) return 'code-webdev'
  if (/text-to-image|文生图|文生圖|画像生成|image/.test(title)) return 'text-to-image'
  return 'text'
}

export function parseLmarena(doc: Document, input: AdapterInput): AdapterOutput {
  const category = input.source?.startsWith('lmarena-') ? input.source.slice('lmarena-'.length) : categoryOf(doc)
  const source = input.source ?? `lmarena-${category}`
  const starts = new Set(doc.tables.map((t) => t.position?.start.line ?? 0))
  const candidates = doc.tables
    .map((table) => {
      // Rows written after a note that cut the table are still its rows.
      const after = afterTable(doc, table, starts)
      const rows = [...gridRows(table.children, place(table, START)), ...gridRows(after.rows, place(table, START))]
      // Numbers with the word of the page's language that multiplies them (`1,5 млн`, `100万`) read as upstream writes them (`1,5M`, `1M`).
      const grid = rows.map((r) => {
        const texts = r.texts.map((t) => withCompactWord(t, input.language))
        return texts.every((t, i) => t === r.texts[i]) ? r : { ...r, texts }
      })
      return { table, marker: after.marker, layout: layoutOf(table, grid) }
    })
    .filter((c) => isLeaderboard(c.layout))
  if (candidates.length === 0) {
    // A leaderboard page that lost its table still carries its data time; another page does not.
    const messages = input.dated
      ? [message('missing-table', place(doc.tables[0], START), { kind: 'page', page: doc.title || '(untitled)', otherTables: doc.tables.length })]
      : [message('not-leaderboard', START, { page: doc.title || doc.content.trim().split('\n')[0] || '(empty)' })]
    return { source, snapshots: [], messages }
  }
  const messages: Message[] = []
  for (const { table, layout } of candidates) {
    if (layout.headerless) messages.push(message('missing-header', place(table, START)))
    messages.push(...layout.messages)
  }
  const tables = candidates.map(({ table, marker, layout }) => ({ table, ...(marker ? { marker } : {}), ...readRows(layout) }))
  for (const t of tables) messages.push(...t.messages)
  const { chosen, messages: merging } = chooseTable(tables)
  messages.push(...merging)
  const declared = declaredRows(doc.headings) ?? announcedByCount(doc.headings, chosen.rows.length + chosen.unranked, lowestSpread(chosen.rows))
  messages.push(...truncation(chosen, declared))
  const snapshot: UndatedSnapshot = {
    board: source,
    language: input.language,
    source,
    rows: chosen.rows,
    places: chosen.places
  }
  if (declared !== undefined) snapshot.declaredRows = declared
  return { source, snapshots: [snapshot], messages }
}
