import { describe, expect, it } from 'vitest'
import { placeholdersOf } from '../../src/parse/lmarena/placeholders.js'

/** A table's columns: rank, name, price, context; `price` and `context` give the cells of those two columns. */
function table(price: string[], context: string[]): string[][] {
  const names = ['gpt-4o', 'claude-3-opus', 'gemini-1.5-pro', 'o1-preview', 'llama-3-70b', 'qwen2-72b'].slice(0, price.length)
  return [names.map((_, i) => String(i + 1)), names, price, context]
}

describe('placeholders for no data, told by the cells', () => {
  it('finds a text without digits that stands in three cells of number columns, and says where it is first', () => {
    const found = placeholdersOf(table(['$5/$25', 'n.d.', '$2/$12', 'n.d.', '$1/$3', '$3/$15'], ['1M', '200K', 'n.d.', '128K', '1M', '128K']))
    expect(found).toEqual([{ text: 'n.d.', cells: 3, first: { row: 1, column: 2 }, columns: [2, 3] }])
  })

  it('finds one in a single column of numbers, in any script', () => {
    expect(placeholdersOf(table(['$5/$25', '$2/$12', '$1/$3', '$3/$15', '$1/$4', '$2/$8'], ['該当なし', '200K', '該当なし', '128K', '該当なし', '1M'])).map((p) => p.text)).toEqual(['該当なし'])
  })

  it('needs three cells: two may be two glitches', () => {
    expect(placeholdersOf(table(['$5/$25', 'n.d.', '$2/$12', '$1/$3', '$3/$15', '$1/$4'], ['1M', '200K', 'n.d.', '128K', '1M', '128K']))).toEqual([])
  })

  it("is never a translation's junk token, a single letter, a lone sign in one column, a long text, or a known no-data mark", () => {
    for (const text of ['极', '极极', '\ufffd\ufffd', 'x', '?', '*', 'données manquantes pour ce modèle ici', 'N/A', '暂无数据']) {
      expect(placeholdersOf(table(['$5/$25', text, '$2/$12', text, '$1/$3', text], ['1M', '200K', '1M', '128K', '1M', '128K'])), text).toEqual([])
    }
  })

  it('is a lone sign when it stands in two columns of numbers or more (`?`, `×`), never a letter', () => {
    for (const text of ['?', '×']) {
      const found = placeholdersOf(table(['$5/$25', text, '$2/$12', text, '$1/$3', '$3/$15'], ['1M', '200K', text, '128K', '1M', '128K']))
      expect(found.map((p) => [p.text, p.cells, p.columns]), text).toEqual([[text, 3, [2, 3]]])
    }
    expect(placeholdersOf(table(['$5/$25', 'x', '$2/$12', 'x', '$1/$3', '$3/$15'], ['1M', '200K', 'x', '128K', '1M', '128K']))).toEqual([])
  })

  it('is found only in columns of numbers: not among names (`gpt-4o`) or organizations', () => {
    const names = ['gpt-4o', 'Unknown', 'claude-3-opus', 'Unknown', 'gemini-1.5-pro', 'Unknown']
    expect(placeholdersOf([['1', '2', '3', '4', '5', '6'], names])).toEqual([])
    const organizations = ['OpenAI', 'n.d.', 'Google', 'n.d.', 'Meta', 'n.d.']
    expect(placeholdersOf([['1', '2', '3', '4', '5', '6'], organizations])).toEqual([])
    // In a column of numbers and in one of words: not a placeholder (the word column may mean it).
    expect(placeholdersOf([['$5/$25', 'n.d.', '$2/$12', '$1/$3', '$3/$15', '$1/$4'], organizations])).toEqual([])
  })

  it('reads cells as the readers of numbers do: bold, spaces and invisible characters aside', () => {
    const found = placeholdersOf(table(['$5/$25', '**n.d.**', '$2/$12', ' n.d. ', '$1/$3', 'n.d.\u200b'], ['1M', '200K', '1M', '128K', '1M', '128K']))
    expect(found.map((p) => [p.text, p.cells])).toEqual([['n.d.', 3]])
  })
})

describe('placeholders of a hostile table', () => {
  it('are found in one pass over the cells: 60,000 rows of words, each three times, beside numbers, are no question', () => {
    const rows = 60_000
    const words = Array.from({ length: rows }, (_, i) => `word-${String.fromCharCode(97 + (Math.floor(i / 3) % 26))}${Math.floor(i / 78)}`.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!))
    const numbers = Array.from({ length: rows }, (_, i) => String(i + 1))
    // Each word stands in three cells of a column of words: no placeholder. Checked word by word against the whole
    // column, this took 20,000 × 60,000 steps.
    expect(placeholdersOf([numbers, words])).toEqual([])
    // The same words in a column of numbers, one cell in 200: each is one.
    const mixed = numbers.map((n, i) => (i % 200 === 0 ? 'n.d.' : n))
    expect(placeholdersOf([mixed, words]).map((p) => [p.text, p.cells])).toEqual([['n.d.', 300]])
  })
})
