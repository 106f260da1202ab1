import { describe, expect, it } from 'vitest'
import { parsePage } from '../../src/parse/index.js'
import { capturedPage } from '../helpers.js'
import { bulgarian, catalan, hindi, swedish } from '../ordinals.js'

/**
 * Ranks as translations write them, under headers no list knows: the cells
 * decide. Before, a word joined to the number (`1-й`, `ke-1`, `1.º`), a word
 * of four letters before it (`מקום 1`), an abbreviation with a dot (`Nr. 1`,
 * `N.º 1`) or an ordinal word that changes with
 * the number (`1-ви`, `2-ри`, `3-ти`; `1:a`, `3:e`; `1r`, `2n`, `5è`; `1ला`, `5वाँ`) left the
 * column unknown and every row without a rank: the whole page lost (with
 * errors, never silently).
 */
const ranks = [1, 2, 2, 4, 5, 6, 7, 7, 9, 10, 11, 12, 13, 14]

function page(rank: (r: number) => string): string {
  const rows = ranks.map((r, i) => `| ${rank(r)} | model-${String.fromCharCode(97 + i)} | ${1500 - i * 3} | ${(1000 + ((i * 2654435761) % 89989)).toLocaleString('en')} |`)
  return capturedPage(['| Qqwx | Vlkm | Brzt | Snvk |', '|---:|:---|---:|---:|', ...rows])
}

describe('ranks written as ordinals', () => {
  it.each([
    ['Russian, a word joined by a hyphen', (r: number) => `${r}-й`],
    ['Spanish, a word joined by a dot', (r: number) => `${r}.º`],
    ['Indonesian, a word before, joined by a hyphen', (r: number) => `ke-${r}`],
    ['Hebrew, a word of four letters before', (r: number) => `מקום ${r}`],
    ['Bulgarian, a word that changes with the number', bulgarian],
    ['Swedish, a word after a colon that changes with the number', swedish],
    ['Catalan, a word that changes with the number', catalan],
    ['Hindi, a word with vowel signs that changes with the number', hindi],
    ['English, an abbreviation with a dot before (`No. 1`)', (r: number) => `No. ${r}`],
    ['German, an abbreviation with a dot before (`Nr. 1`)', (r: number) => `Nr. ${r}`],
    ['Italian, a letter and a dot before (`n. 1`)', (r: number) => `n. ${r}`],
    ['Portuguese, an abbreviation with a dot inside (`N.º 1`)', (r: number) => `N.º ${r}`]
  ])('reads %s', (_, rank) => {
    const result = parsePage(page(rank), { source: 'lmarena-text' })
    expect(result.messages).toEqual([])
    expect(result.snapshots[0]!.rows.map((r) => r.rank)).toEqual(ranks)
  })

  it('never takes a name with a number for a rank with a word (`model-1 x`), nor sizes with their unit', () => {
    const names = ranks.map((_, i) => `model-${i + 1} x`)
    const sizes = ['128K', '1M', '200K', '32K', '1M', '128K', '2M', '256K', '1M', '400K', '128K', '1M', '64K', '200K']
    const rows = ranks.map((r, i) => `| ${r} | ${names[i]} | ${1500 - i * 3} | ${sizes[i]} |`)
    const content = capturedPage(['| Qqwx | Vlkm | Brzt | Snvk |', '|---:|:---|---:|---:|', ...rows])
    const result = parsePage(content, { source: 'lmarena-text' })
    expect(result.messages).toEqual([])
    const read = result.snapshots[0]!.rows
    expect(read.map((r) => r.rank)).toEqual(ranks)
    expect(read.map((r) => r.name)).toEqual(names)
    expect(read.map((r) => r.context)).toEqual(sizes.map((s) => (s.endsWith('M') ? Number(s.slice(0, -1)) * 1_000_000 : Number(s.slice(0, -1)) * 1000)))
  })
})
