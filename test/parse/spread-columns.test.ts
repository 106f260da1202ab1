import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSpread, spreadAffix } from '../../src/parse/cells.js'
import { parsePage } from '../../src/parse/index.js'
import { capturedPage, snapshotsDir } from '../helpers.js'

/**
 * A rank spread column as translations write it, under a header no list
 * knows: its cells decide its role. Before, `1 bis 3` was taken for words, the
 * column for the page's organizations, and every row credited to `1 bis 3`
 * without a diagnostic.
 */
function page(spread: (upper: number, lower: number) => string): string {
  const rows = Array.from({ length: 14 }, (_, i) => {
    const rank = i + 1
    // Tied in threes, as upstream's spreads are: the same cell on several rows, like an organization's.
    const upper = Math.floor(i / 3) * 3 + 1
    const lower = upper + 2
    return `| ${rank} | ${spread(upper, lower)} | model-${String.fromCharCode(97 + i)}-${i + 2} | ${1500 - i * 3} | ${(20_000 - i * 700).toLocaleString('en')} |`
  })
  return capturedPage(['| Qqwx | Zrpt | Vlkm | Brzt | Snvk |', '|---:|:---|:---|---:|---:|', ...rows])
}

describe('a spread column under an unknown header', () => {
  it.each([' bis ', ' до ', '〜', ' → ', ' foo bar '])('reads %j between two ranks as the rank spread', (sep) => {
    const result = parsePage(page((a, b) => `${a}${sep}${b}`), { source: 'lmarena-code-webdev' })
    const rows = result.snapshots[0]!.rows
    expect(rows).toHaveLength(14)
    expect(rows.map((r) => [r.rank, r.rankUpper, r.rankLower])).toEqual(rows.map((_, i) => [i + 1, Math.floor(i / 3) * 3 + 1, Math.floor(i / 3) * 3 + 3]))
    expect(rows.every((r) => r.organization === undefined)).toBe(true)
  })

  it.each([
    ['(a–b)', (a: number, b: number) => `(${a}–${b})`],
    ['[a, b]', (a: number, b: number) => `[${a}, ${b}]`],
    ['a..b', (a: number, b: number) => `${a}..${b}`]
  ])('reads %s as the rank spread', (_, spread) => {
    const rows = parsePage(page(spread), { source: 'lmarena-code-webdev' }).snapshots[0]!.rows
    expect(rows.map((r) => [r.rankUpper, r.rankLower])).toEqual(rows.map((_, i) => [Math.floor(i / 3) * 3 + 1, Math.floor(i / 3) * 3 + 3]))
    expect(rows.every((r) => r.organization === undefined)).toBe(true)
  })

  it('never takes cells it cannot read as two ranks for organizations: the column is reported', () => {
    const result = parsePage(page((a, b) => `${a} and then maybe ${b}`), { source: 'lmarena-code-webdev' })
    const rows = result.snapshots[0]!.rows
    expect(rows.every((r) => r.organization === undefined && r.license === undefined && r.rankUpper === undefined)).toBe(true)
    expect(result.messages.map((m) => m.rule)).toContain('unknown-column')
  })
})

/**
 * A spread with the mark a translation writes after (or before) each rank:
 * the Korean counter `위`, the Japanese `位`, `#`, `第…名`. Ranks so written
 * were read (`1위`: `rankAffix`); spreads were each an error, their values lost.
 */
describe('a spread column that writes a mark around its ranks', () => {
  const marked: [string, (a: number, b: number) => string][] = [
    ['1~4위', (a, b) => `${a}~${b}위`],
    ['1 ~ 4 위', (a, b) => `${a} ~ ${b} 위`],
    ['1～4位', (a, b) => `${a}～${b}位`],
    ['1位～4位', (a, b) => `${a}位～${b}位`],
    ['#1–#4', (a, b) => `#${a}–#${b}`],
    ['第1-4名', (a, b) => `第${a}-${b}名`]
  ]
  it.each(marked)('reads %s as the rank spread, under an unknown header', (_, spread) => {
    const result = parsePage(page(spread), { source: 'lmarena-code-webdev' })
    const rows = result.snapshots[0]!.rows
    // What the page says of its other columns, and nothing of this one.
    expect(result.messages).toEqual(parsePage(page((a, b) => `${a}-${b}`), { source: 'lmarena-code-webdev' }).messages)
    expect(rows.map((r) => [r.rank, r.rankUpper, r.rankLower])).toEqual(rows.map((_, i) => [i + 1, Math.floor(i / 3) * 3 + 1, Math.floor(i / 3) * 3 + 3]))
  })

  it('learns the mark from the column: the same on nine cells in ten, letters or the signs of ranks only', () => {
    expect(spreadAffix(['1~4위', '1~4위', '2~6위', '3~9위'])).toEqual({ before: '', after: '위' })
    expect(spreadAffix(['#1–#4', '#1–#4', '#2–#6'])).toEqual({ before: '#', after: '' })
    // Marks on some cells only, signs that are no rank's mark, and one number: none.
    expect(spreadAffix(['1~4위', '1~4', '2~6', '3~9'])).toBeUndefined()
    expect(spreadAffix(['$5/$25', '$5/$25', '$3/$15'])).toBeUndefined()
    expect(spreadAffix(['1위', '2위', '3위'])).toBeUndefined()
    expect(readSpread('1~4위', 2, { before: '', after: '위' })).toEqual({ value: [1, 4] })
    expect(readSpread('1~4위', 2)).not.toHaveProperty('value')
    // Read without their mark, prices and dates are still no spread.
    expect(readSpread('5美元/25美元', undefined, { before: '', after: '美元' })).not.toHaveProperty('value')
  })

  it('reads a real page whose spreads a translation wrote as `1~4위` as the page itself', () => {
    const content = readFileSync(path.join(snapshotsDir, 'lmarena-text/2026-08-21.zh.md'), 'utf8')
    const original = parsePage(content, { source: 'lmarena-text', language: 'zh' })
    const rows = original.snapshots[0]!.rows
    expect(rows.filter((r) => r.rankLower !== undefined)).toHaveLength(30)
    const lines = content.split('\n').map((l) => l.replace(/^(\|\s+\d+\s+\|\s+)(\d+)-(\d+)(\s*\|)/, '$1$2~$3위$4'))
    expect(lines.filter((l) => l.includes('위'))).toHaveLength(30)
    const korean = parsePage(lines.join('\n'), { source: 'lmarena-text', language: 'zh' })
    expect(korean.snapshots[0]!.rows).toEqual(rows)
    expect(korean.messages).toEqual(original.messages)
  })
})

/**
 * Spreads glued into one number (`1-4` → `14`, as a copy that lost the dash
 * shows them) beside the ranks, under headers no list knows, the rank's own
 * header naming a score ("Rating (UB)", as translations write it): both
 * columns are as much in order. Before, the header chose, and the glued
 * spreads were read as the ranks (`11`, `25`, `25` on the first rows), the
 * ranks as ranks after style control (with a warning). A rank is never past
 * its row's place in the table; glued spreads are.
 */
describe('glued spreads beside ranks whose header names a score', () => {
  it('reads the ranks as the ranks, and the glued spreads as their spreads', () => {
    const content = readFileSync(path.join(snapshotsDir, 'lmarena-search/2026-08-07.zh.md'), 'utf8')
    const lines = content.split('\n')
    const h = lines.findIndex((l, i) => l.includes('|') && /^\s*\|?\s*:?-+/.test(lines[i + 1] ?? ''))
    lines[h] = `| Βαθμολογία (ΓΜ) | ${['Qqwx', 'Zrpt', 'Vlkm', 'Brzt', 'Snvk', 'Ptxw'].join(' | ')} |`
    for (let i = h + 2; i < lines.length && lines[i]!.trim().startsWith('|'); i++) lines[i] = lines[i]!.replace(/^(\|[^|]*\|\s*)(\d+)-(\d+)(\s*\|)/, '$1$2$3$4')
    const original = parsePage(content, { source: 'lmarena-search', language: 'zh' })
    const rows = original.snapshots[0]!.rows
    expect(rows.length).toBeGreaterThan(20)
    expect(lines.join('\n')).toContain('| 1 | 11 |')
    const result = parsePage(lines.join('\n'), { source: 'lmarena-search', language: 'el' })
    expect(result.snapshots[0]!.rows).toEqual(rows)
    // The header said a score: said so, on the header.
    expect(result.messages.map((m) => m.rule)).toEqual([...original.messages.map((m) => m.rule), 'header-mismatch'])
  })
})
