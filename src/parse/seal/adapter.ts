import { message, START, type Message } from '../../diagnostics/diagnostic.js'
import type { Flag, Row } from '../../schema/row.js'
import type { CellPlaces } from '../../schema/snapshot.js'
import type { AdapterInput, AdapterOutput, UndatedSnapshot } from '../adapter.js'
import type { Document } from '../document.js'
import { parseDecimal, visibleText } from '../numbers.js'
import { readInterval, readRank } from '../cells.js'

/**
 * The Scale SEAL leaderboards page, captured as plain text: one block per
 * board (`Coding`, `Instruction Following`, `Math`, `Spanish`), each a title,
 * a `Model` / `Score95% Confidence` header, then four lines per model (rank
 * as `1st`/`2nd`/`3rd` then numbers, with ties; name with an optional
 * footnote mark; score; interval `+24/-27`), and footnotes marked `*`.
 */

interface Line {
  text: string
  line: number
  column: number
}

/** Lines of the page, from the mdast text nodes so positions are the file's. */
function linesOf(doc: Document): Line[] {
  return doc.content.split('\n').map((raw, i) => {
    const indent = raw.length - raw.trimStart().length
    return { text: raw.trim(), line: i + 1, column: indent + 1 }
  })
}

const isHeaderModel = (t: string): boolean => /^model$/i.test(t)
const isHeaderScore = (t: string): boolean => /^score\s*(?:95%?\s*confidence(?:\s*interval)?)?$/i.test(t)

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

function flagCode(text: string): string {
  return /contaminat/i.test(text) ? 'contamination' : 'footnote'
}

/**
 * A SEAL score: `1165`, `90.35`, `90,35`. `1.165` is a thousand and more
 * written with a dot grouping thousands (a translation's), or a decimal: its
 * interval tells (`+24/-27` is wider than 1.165 itself: the dot groups);
 * without one it is not read.
 */
export function sealScore(text: string, interval: { plus: number; minus: number } | undefined): number | undefined {
  const plain = visibleText(text).trim()
  if (!/^\d{1,3}(?:\.\d{3})+$/.test(plain)) return parseDecimal(plain)
  const grouped = Number(plain.replace(/\./g, ''))
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(plain)) return grouped
  if (!interval) return undefined
  return Math.max(interval.plus, interval.minus) >= Number(plain) ? grouped : Number(plain)
}

export function parseSeal(doc: Document, input: AdapterInput): AdapterOutput {
  const messages: Message[] = []
  const lines = linesOf(doc).filter((l) => l.text !== '')
  const snapshots: UndatedSnapshot[] = []
  const pendingFlags: { snapshot: UndatedSnapshot; row: number; mark: string }[] = []
  const footnotes = new Map<string, string>()
  for (let i = 0; i < lines.length; i++) {
    if (!(isHeaderModel(lines[i]!.text) && lines[i + 1] && isHeaderScore(lines[i + 1]!.text))) continue
    const titleLine = lines[i - 1]
    if (!titleLine) continue
    const board = `seal-${slug(titleLine.text)}`
    const snapshot: UndatedSnapshot = {
      board,
      language: input.language,
      source: 'seal',
      rows: [],
      places: []
    }
    let j = i + 2
    const seen = new Set<string>()
    while (j + 3 < lines.length + 1) {
      const rankLine = lines[j]
      if (!rankLine) break
      const rank = readRank(rankLine.text)
      const [nameLine, scoreLine, ciLine] = [lines[j + 1], lines[j + 2], lines[j + 3]]
      if (!('value' in rank)) {
        // The board ends here, unless a row follows whose rank cannot be read (its score and interval can).
        if (!scoreLine || !ciLine || !/\d/.test(rankLine.text) || !('value' in readInterval(ciLine.text))) break
        messages.push(message('unparseable-number', rankLine, { value: rankLine.text, field: 'rank', expected: 'a rank such as `1`, `1st` or `=7`', dropped: true }))
        j += 4
        continue
      }
      if (!nameLine || !scoreLine || !ciLine) {
        messages.push(message('truncated-table', rankLine, { kind: 'page-end', after: rankLine.text }))
        j = lines.length
        break
      }
      const at: CellPlaces = { row: [rankLine.line, rankLine.column], rank: [rankLine.line, rankLine.column], name: [nameLine.line, nameLine.column] }
      const mark = /([*†‡§]+)$/.exec(nameLine.text)?.[1]
      const name = mark ? nameLine.text.slice(0, -mark.length).trim() : nameLine.text
      const row: Row = { rank: rank.value, name }
      const ci = readInterval(ciLine.text)
      const score = sealScore(scoreLine.text, 'value' in ci ? ci.value : undefined)
      if (score === undefined) {
        const problem = { value: scoreLine.text, field: 'score', expected: 'a number such as `1165` or `90.35`' }
        messages.push(/\d/.test(scoreLine.text) ? message('corrupted-token', scoreLine, problem) : message('unparseable-number', scoreLine, problem))
      } else {
        row.score = score
        at.score = [scoreLine.line, scoreLine.column]
      }
      if ('value' in ci) {
        row.ciPlus = ci.value.plus
        row.ciMinus = ci.value.minus
        at.ciPlus = at.ciMinus = [ciLine.line, ciLine.column]
      } else {
        messages.push(message('unparseable-number', ciLine, { value: ciLine.text, field: 'ciPlus', expected: 'an interval such as `+24/-27`' }))
      }
      if (seen.has(name)) {
        messages.push(message('duplicate-model', nameLine, { name, board }))
      } else {
        seen.add(name)
        snapshot.rows.push(row)
        snapshot.places.push(at)
        if (mark) pendingFlags.push({ snapshot, row: snapshot.rows.length - 1, mark })
      }
      j += 4
    }
    // A footnote right after the board: `*Potential contamination warning: …`.
    const after = lines[j]
    if (after && /^[*†‡§]/.test(after.text)) {
      const mark = /^([*†‡§]+)/.exec(after.text)![1]!
      footnotes.set(mark, after.text.slice(mark.length).trim())
    }
    if (snapshot.rows.length === 0) {
      messages.push(message('missing-table', titleLine, { kind: 'board', board: titleLine.text }))
    }
    snapshots.push(snapshot)
    i = j - 1
  }
  for (const p of pendingFlags) {
    const text = footnotes.get(p.mark) ?? ''
    const flag: Flag = { code: flagCode(text), mark: p.mark, text }
    const row = p.snapshot.rows[p.row]!
    row.flags = [...(row.flags ?? []), flag]
  }
  if (snapshots.length === 0) {
    messages.push(message('not-leaderboard', START, { page: lines[0]?.text ?? '(empty)', expected: 'seal' }))
  }
  return { source: 'seal', snapshots, messages }
}
