import { describe, expect, it } from 'vitest'
import { parsePage } from '../../src/parse/index.js'
import { capturedPage } from '../helpers.js'

/**
 * A column of context sizes as translations write them, under a header no
 * list knows or under the Chinese original's: its cells decide its role.
 * Before, `1М` (a Cyrillic М) and `1 млн` were taken for words, the column for
 * the page's organizations, and every row credited to `1М` with no more than a
 * warning on the header; so were `1M токенов` and `5美元/25美元` until a column
 * whose cells all start with a number was taken for one of numbers.
 */
const sizes = [1_000_000, 200_000, 128_000, 1_000_000, 400_000, 128_000, 2_000_000, 32_000, 200_000, 1_000_000, 256_000, 128_000]

/** A page whose last column's cell on row `i` is `cell(sizes[i], i)`. */
function page(header: string, cell: (tokens: number, i: number) => string): string {
  const rows = sizes.map((tokens, i) => `| ${i + 1} | model-${String.fromCharCode(97 + i)}-${i + 2} | ${1500 - i * 3} | ${(20_000 - i * 700).toLocaleString('en')} | ${cell(tokens, i)} |`)
  return capturedPage([`| Qqwx | Vlkm | Brzt | Snvk | ${header} |`, '|---:|:---|---:|---:|:---|', ...rows])
}

/** `128K` and `1M` with the given letters for K and M. */
const lettered = (k: string, m: string) => (tokens: number) => (tokens >= 1_000_000 ? `${tokens / 1_000_000}${m}` : `${tokens / 1000}${k}`)

describe('a column of sizes whose unit is written in another script', () => {
  it.each([
    ['Cyrillic', 'К', 'М'],
    ['Greek', 'Κ', 'Μ'],
    ['Cyrillic, lower case', 'к', 'м']
  ])('reads %s K and M as the units they look like', (_, k, m) => {
    for (const header of ['Ктх', '上下文']) {
      const rows = parsePage(page(header, lettered(k, m)), { source: 'lmarena-text' }).snapshots[0]!.rows
      expect(rows.map((r) => r.context)).toEqual(sizes)
      expect(rows.every((r) => r.organization === undefined && r.license === undefined)).toBe(true)
    }
  })

  it.each([
    ['numbers followed by words', (t: number) => (t >= 1_000_000 ? `${t / 1_000_000} млн` : `${t / 1000} тыс.`)],
    ['numbers followed by 万', (t: number) => `${t / 10_000}万`],
    ['numbers followed by a unit and a word', (t: number) => `${t >= 1_000_000 ? `${t / 1_000_000}M` : `${t / 1000}K`} токенов`],
    // Not sizes, but the same shape: prices with the currency written as a word.
    ['two numbers followed by a currency word', (_: number, i: number) => `${i + 1}美元/${(i + 1) * 5}美元`],
    // Nor do they start with a number: words before each amount (three prices, repeated as organizations are).
    ['amounts with a label before each', (_: number, i: number) => `in $${(i % 3) + 1} / out $${((i % 3) + 1) * 5}`],
    ['amounts with labels in another script', (_: number, i: number) => `вход ${(i % 3) + 1} € / выход ${((i % 3) + 1) * 5} €`]
  ])('never takes %s for organizations: the column or its cells are reported', (_, size) => {
    for (const header of ['Ктх', '上下文']) {
      const result = parsePage(page(header, size), { source: 'lmarena-text' })
      const rows = result.snapshots[0]!.rows
      expect(rows).toHaveLength(sizes.length)
      expect(rows.every((r) => r.organization === undefined && r.license === undefined)).toBe(true)
      // Not read (a list of words would be needed), and said so.
      expect(rows.every((r) => r.context === undefined)).toBe(true)
      expect(result.messages.some((m) => m.rule === 'unknown-column' || m.rule === 'corrupted-token')).toBe(true)
    }
  })

  it('still reads an organization that starts with a number among others (`01 AI`)', () => {
    const orgs = ['01 AI', 'OpenAI', 'Google', 'OpenAI', 'Anthropic', '01 AI', 'Google', 'Meta', 'OpenAI', 'xAI', 'Google', 'Anthropic']
    const rows = parsePage(page('Организация', (_, i) => orgs[i]!), { source: 'lmarena-text' }).snapshots[0]!.rows
    expect(rows.map((r) => r.organization)).toEqual(orgs)
  })
})
