import { describe, expect, it } from 'vitest'
import { parsePage } from '../../src/parse/index.js'
import { capturedPage } from '../helpers.js'

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
