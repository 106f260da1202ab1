import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePage } from '../../src/parse/index.js'
import { compactWords, withCompactWord } from '../../src/parse/compact-words.js'
import { unitWord } from '../../src/parse/lmarena/unit-words.js'
import { capturedPage, snapshotsDir } from '../helpers.js'

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
    ['numbers followed by one word that multiplies', (t: number) => `${(t / 1_000_000).toFixed(3).replace('.', ',')} млн`],
    ['numbers followed by 万 with a space', (t: number) => `${t / 10_000} 万`],
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

/**
 * A word a translation writes after every number of a column, naming what is
 * counted: `1M tokens`, `128K токенов`, `23,626 票`. Before, each such cell
 * was an error (or the column unknown), its value lost. A word that
 * multiplies (`1,5 млн`, `128 тыс.`) is never dropped: the number before it
 * would be read wrong.
 */
describe('a column that writes a word after every number', () => {
  const sized = (t: number) => (t >= 1_000_000 ? `${t / 1_000_000}M` : `${t / 1000}K`)
  it.each([
    ['a unit and a word', (t: number) => `${sized(t)} tokens`],
    ['a unit and a word of another script', (t: number) => `${sized(t)} токенов`],
    ['a unit and a word glued in a script without spaces', (t: number) => `${sized(t)}토큰`]
  ])('reads sizes written as %s', (_, cell) => {
    for (const header of ['Ктх', '上下文']) {
      const result = parsePage(page(header, cell), { source: 'lmarena-text' })
      expect(result.snapshots[0]!.rows.map((r) => r.context)).toEqual(sizes)
      expect(result.messages.filter((m) => m.severity === 'error')).toEqual([])
    }
  })

  it('learns the word from the column: on nine cells in ten, after numbers that say their size, none a part of one', () => {
    expect(unitWord(['1M tokens', '128K tokens', '200K tokens', '-'])).toBe('tokens')
    expect(unitWord(['23,626 票', '72,392 票', '803 票'])).toBe('票')
    // Numbers that do not say their size: the word may multiply them.
    expect(unitWord(['128 тыс.', '200 тыс.', '400 тыс.'])).toBeUndefined()
    expect(unitWord(['1 млн', '1,5 млн', '2 млн', '10 млн'])).toBeUndefined()
    expect(unitWord(['12,345 млн', '23,626 млн', '0,5 млн'])).toBeUndefined()
    // A score and its marker: "Preliminary" on every row of a new board is no unit.
    expect(unitWord(['1507 Preliminary', '1505 Preliminary', '1502 Preliminary'])).toBeUndefined()
    expect(unitWord(['23626 Preliminary', '72392 Preliminary', '60237 Preliminary'])).toBeUndefined()
    // Unit letters, ordinals, names: no word of their own.
    expect(unitWord(['128 K', '200 K', '400 K'])).toBeUndefined()
    expect(unitWord(['Claude 3 Opus', 'Claude 3 Opus', 'Claude 3 Opus'])).toBeUndefined()
    expect(unitWord(['1M tokens', '128K', '200K', '400K'])).toBeUndefined()
    // A cell longer than any number is none, and is not searched (the search backtracks: a hostile cell could hold a parse).
    const long = `${'1 '.repeat(60)}23,626 tokens`
    expect(unitWord([long, long, long])).toBeUndefined()
    expect(unitWord(['23,626 tokens', '23,626 tokens', '23,626 tokens'])).toBe('tokens')
  })

  it('reads a real page whose votes and sizes a translation wrote with a word after them as the page itself', () => {
    const content = readFileSync(path.join(snapshotsDir, 'lmarena-text/2026-08-21.zh.md'), 'utf8')
    const original = parsePage(content, { source: 'lmarena-text', language: 'zh' })
    const rows = original.snapshots[0]!.rows
    const sizes = rows.filter((r) => r.context !== undefined).length
    expect(sizes).toBeGreaterThan(20)
    // `| 23,626 | $10/$50 | 1M |` → `| 23,626 голосов | $10/$50 | 1M tokens |` (`N/A` stays).
    const lines = content.split('\n').map((l) =>
      l.replace(/\|\s*([\d,]+)\s*\|([^|]*)\|([^|]*)\|\s*$/, (_, votes: string, price: string, size: string) => `| ${votes} голосов |${price}|${size.replace(/^(\s*\d+(?:\.\d+)?[KM])/, '$1 tokens')}|`)
    )
    expect(lines.filter((l) => l.includes('голосов'))).toHaveLength(30)
    expect(lines.filter((l) => l.includes('tokens'))).toHaveLength(sizes)
    const worded = parsePage(lines.join('\n'), { source: 'lmarena-text', language: 'zh' })
    expect(worded.snapshots[0]!.rows).toEqual(rows)
    expect(worded.messages).toEqual(original.messages)
  })
})

/**
 * A page's table with every header replaced by a word no list knows (`Qxbvz`),
 * and the cells of the column whose header matches `header` rewritten by `cell`.
 */
function headerBlind(content: string, header: RegExp, cell: (text: string) => string): string {
  const lines = content.split('\n')
  const h = lines.findIndex((l, i) => l.includes('|') && /^\s*\|?\s*:?-+/.test(lines[i + 1] ?? ''))
  const head = lines[h]!.split('|')
  const column = head.findIndex((p) => header.test(p))
  expect(column).toBeGreaterThan(0)
  lines[h] = head.map((p, i) => (i === 0 || i === head.length - 1 ? p : ` Qx${'abcdefghij'[i]}vz `)).join('|')
  for (let i = h + 2; i < lines.length && lines[i]!.trim().startsWith('|'); i++) {
    const parts = lines[i]!.split('|')
    parts[column] = cell(parts[column]!)
    lines[i] = parts.join('|')
  }
  const out = lines.join('\n')
  expect(out).not.toBe(content)
  return out
}

/**
 * Sizes and counts written with the word of the page's language that
 * multiplies them (`1,5 млн`, `128 тыс.`, `100万`, `1 Mio.`). What each word
 * multiplies by comes from the language's compact number formats (CLDR, in
 * `Intl`), for the page's language alone. Before, every such cell was
 * reported and its value lost.
 */
describe('numbers with the word of their language that multiplies them', () => {
  const realPage = () => readFileSync(path.join(snapshotsDir, 'lmarena-text/2026-08-21.zh.md'), 'utf8')
  /** The page with its votes and sizes (`| 23,626 | $10/$50 | 1M |`) rewritten by `votes` and `size`. */
  const rewritten = (content: string, votes: (n: number) => string, size: (tokens: number) => string) =>
    content
      .split('\n')
      .map((l) =>
        l.replace(/\|\s*([\d,]+)\s*\|([^|]*)\|\s*(\d+(?:\.\d+)?)([KM])\s*\|\s*$/, (_, v: string, price: string, n: string, unit: string) => {
          const tokens = Math.round(Number(n) * (unit === 'K' ? 1_000 : 1_000_000))
          return `| ${votes(Number(v.replace(/,/g, '')))} |${price}| ${size(tokens)} |`
        })
      )
      .join('\n')

  it.each([
    ['ru', (v: number) => `${String(v / 1000).replace('.', ',')} тыс.`, (t: number) => (t >= 1_000_000 ? `${String(t / 1_000_000).replace('.', ',')} млн` : `${t / 1000} тыс.`)],
    ['ja', (v: number) => `${v / 10_000}万`, (t: number) => `${t / 10_000}万`],
    ['zh-Hant', (v: number) => `${v / 10_000}萬`, (t: number) => `${t / 10_000}萬`],
    ['pt', (v: number) => `${String(v / 1000).replace('.', ',')} mil`, (t: number) => (t >= 1_000_000 ? `${String(t / 1_000_000).replace('.', ',')} mi` : `${t / 1000} mil`)],
    ['el', (v: number) => `${String(v / 1000).replace('.', ',')} χιλ.`, (t: number) => (t >= 1_000_000 ? `${String(t / 1_000_000).replace('.', ',')} εκ.` : `${t / 1000} χιλ.`)],
    ['de', (v: number) => `${String(v / 1000).replace('.', ',')} Tausend`, (t: number) => (t >= 1_000_000 ? `${String(t / 1_000_000).replace('.', ',')} Mio.` : `${t / 1000} Tausend`)]
  ])('reads a real page whose votes and sizes a translation into %s wrote so, as the page itself', (language, votes, size) => {
    const content = realPage()
    const original = parsePage(content, { source: 'lmarena-text', language })
    expect(original.snapshots[0]!.rows.filter((r) => r.context !== undefined).length).toBeGreaterThan(20)
    for (const changed of [rewritten(content, String, size), rewritten(content, votes, (t) => (t >= 1_000_000 ? `${t / 1_000_000}M` : `${t / 1000}K`)), rewritten(content, votes, size)]) {
      expect(changed).not.toBe(content)
      const result = parsePage(changed, { source: 'lmarena-text', language })
      expect(result.snapshots[0]!.rows).toEqual(original.snapshots[0]!.rows)
      expect(result.messages).toEqual(original.messages)
    }
  })

  it('leaves the words of another language reported, never read with a size they do not have there', () => {
    const content = realPage()
    // Russian words on a page said to be French; `万` on a page said to be English.
    for (const [language, size] of [
      ['fr', (t: number) => (t >= 1_000_000 ? `${t / 1_000_000} млн` : `${t / 1000} тыс.`)],
      ['en', (t: number) => `${t / 10_000}万`]
    ] as const) {
      const result = parsePage(rewritten(content, String, size), { source: 'lmarena-text', language })
      expect(result.snapshots[0]!.rows.every((r) => r.context === undefined)).toBe(true)
      expect(result.messages.some((m) => m.rule === 'unknown-column' || m.rule === 'corrupted-token')).toBe(true)
    }
  })

  it('never takes a column of sizes with words no reader knows for the scores, under headers no list knows', () => {
    // A real page of 360 rows, its headers replaced by words no list knows, its sizes written `1 млнк` and `128 тыс`
    // (words of no language it is said to be in). Before, `1 млнк` read as the score 1 with a marker ("preliminary"):
    // the sizes were taken for the scores, the scores for a measure beside them, 1,729 values wrong, most silently.
    const content = readFileSync(path.join(snapshotsDir, 'lmarena-text/2026-06-02.zh.md'), 'utf8')
    const blind = headerBlind(content, /Context/, (c) => c.replace(/(\d+(?:\.\d+)?)K/, '$1 тыс').replace(/(\d+(?:\.\d+)?)M/, '$1 млнк'))
    const original = parsePage(content, { source: 'lmarena-text', language: 'zh' }).snapshots[0]!.rows
    expect(original).toHaveLength(360)
    for (const language of ['bg', 'fr']) {
      const result = parsePage(blind, { source: 'lmarena-text', language })
      const rows = result.snapshots[0]!.rows
      expect(rows.map(({ context: _, ...rest }) => rest)).toEqual(original.map(({ context: _, ...rest }) => rest))
      expect(rows.every((r) => r.context === undefined)).toBe(true)
      expect(result.messages.filter((m) => m.rule === 'unknown-column')).toHaveLength(1)
    }
  })

  it.each([
    ['lmarena-text/2026-06-02.zh.md', 360],
    ['lmarena-vision/2026-08-21.zh.md', 30]
  ])('never takes votes in thousands with a word no reader knows for ranks after style control (%s)', (file, count) => {
    // `34,186` → `34 тщк`, under headers no list knows: small whole numbers reaching far down the table, as ranks
    // after style control do. Before, they were read as such, and the votes lost with no diagnostic.
    const content = readFileSync(path.join(snapshotsDir, file), 'utf8')
    const blind = headerBlind(content, /票数/, (c) => c.replace(/^(\s*)([\d,]+)(\s*)$/, (_, a: string, n: string, b: string) => `${a}${Math.round(Number(n.replace(/,/g, '')) / 1000)} тщк${b}`))
    const original = parsePage(content, { source: file.split('/')[0], language: 'zh' }).snapshots[0]!.rows
    expect(original).toHaveLength(count)
    const result = parsePage(blind, { source: file.split('/')[0], language: 'bg' })
    const rows = result.snapshots[0]!.rows
    expect(rows.map(({ votes: _, ...rest }) => rest)).toEqual(original.map(({ votes: _, ...rest }) => rest))
    expect(rows.every((r) => r.votes === undefined && r.rankStyleControl === undefined)).toBe(true)
    expect(result.messages.filter((m) => m.rule === 'unknown-column')).toHaveLength(1)
  })

  it.each([
    ['lmarena-text/2025-01-15.zh.md', 161],
    ['lmarena-text-to-image/2026-08-22.zh.md', 30]
  ])('reads votes shortened to whole thousands (`34K`) as votes, not context sizes, under headers no list knows (%s)', (file, count) => {
    // Every such value is a round thousand, as sizes are; but a column of sizes repeats a few (`128K`, `1M`). On a
    // page with no context column, they were read as context sizes, and the votes lost with no diagnostic.
    const content = readFileSync(path.join(snapshotsDir, file), 'utf8')
    const blind = headerBlind(content, /票数/, (c) => c.replace(/^(\s*)([\d,]+)(\s*)$/, (_, a: string, n: string, b: string) => `${a}${Math.round(Number(n.replace(/,/g, '')) / 1000)}K${b}`))
    const original = parsePage(content, { source: file.split('/')[0], language: 'zh' }).snapshots[0]!.rows
    expect(original).toHaveLength(count)
    expect(original.every((r) => r.context === undefined)).toBe(true)
    const rows = parsePage(blind, { source: file.split('/')[0], language: 'zh' }).snapshots[0]!.rows
    // The votes to the precision the cells show them.
    expect(rows.map((r) => r.votes)).toEqual(original.map((r) => (r.votes === undefined ? undefined : Math.round(r.votes / 1000) * 1000)))
    expect(rows.map(({ votes: _, ...rest }) => rest)).toEqual(original.map(({ votes: _, ...rest }) => rest))
  })

  it('reads the number before the word with the language’s signs, and refuses one it cannot tell', () => {
    const ru = compactWords('ru')!
    const ja = compactWords('ja')!
    expect(ru.words.get('млн')).toBe(1_000_000)
    expect(ru.words.get('тысяч')).toBe(1_000)
    expect(ja.words.get('万')).toBe(10_000)
    expect(ja.words.get('億')).toBe(100_000_000)
    expect(withCompactWord('1,5 млн', ru)).toBe('1,5M')
    expect(withCompactWord('0,128 млн', ru)).toBe('128K')
    expect(withCompactWord('1 млн токенов', ru)).toBe('1M токенов')
    expect(withCompactWord('13万', ja)).toBe('130K')
    expect(withCompactWord('1.5億', ja)).toBe('150M')
    // Thousands grouped, or a decimal point, as Japanese writes them; in Russian a dot before three digits could be either: left as it is.
    expect(withCompactWord('1,280万', ja)).toBe('12.8M')
    expect(withCompactWord('1.280万', ja)).toBe('12.8K')
    expect(withCompactWord('1.280 млн', ru)).toBe('1.280 млн')
    expect(withCompactWord('1.5 млн', ru)).toBe('1.5M')
    // Upstream's letters keep their meaning (in Turkish `B` is a thousand), and a name is no number.
    expect(compactWords('tr')!.words.has('b')).toBe(false)
    expect(withCompactWord('model 1 млн', ru)).toBe('model 1 млн')
    expect(withCompactWord('12 мин', ru)).toBe('12 мин')
    expect(compactWords('not a language')).toBeUndefined()
  })
})
