import { describe, expect, it } from 'vitest'
import { parsePage } from '../../src/parse/index.js'
import { capturedPage } from '../helpers.js'

/**
 * A translation that swapped the headers of the organization and license
 * columns: both hold words, so the headers alone decided, and every model was
 * credited to the organization `Proprietary` under the license `Google`, with
 * no diagnostic. The cells tell them apart: a license column repeats a few
 * values, most often one.
 */
const orgs = ['Google', 'OpenAI', 'Anthropic', 'xAI', 'Google', 'Meta', 'DeepSeek', 'OpenAI', 'Alibaba', 'Mistral', 'Moonshot', 'Zhipu', 'Google', 'Tencent']
const licenses = {
  en: ['Proprietary', 'Proprietary', 'Proprietary', 'Proprietary', 'Proprietary', 'Llama 4', 'MIT', 'Proprietary', 'Apache 2.0', 'Apache 2.0', 'Modified MIT', 'MIT', 'Proprietary', 'Proprietary'],
  // A language no list knows: the words are only told apart by how they repeat.
  xx: ['Qorvath', 'Qorvath', 'Qorvath', 'Qorvath', 'Qorvath', 'Lmaz 4', 'Tiv', 'Qorvath', 'Apr 2.0', 'Apr 2.0', 'Tiv mod', 'Tiv', 'Qorvath', 'Qorvath']
}

function page(headers: [string, string], cells: (i: number) => [string, string]): string {
  const rows = orgs.map((_, i) => `| ${i + 1} | model-${String.fromCharCode(97 + i)}-${i + 2} | ${1500 - i * 3} | ${(20_000 - i * 700).toLocaleString('en')} | ${cells(i).join(' | ')} |`)
  return capturedPage([`| Rank | Model | Score | Votes | ${headers.join(' | ')} |`, '|---:|:---|---:|---:|:---|:---|', ...rows])
}

describe('organization and license headers swapped by a translation', () => {
  it.each(['en', 'xx'] as const)('reads each column as its cells say, and says so (%s licenses)', (language) => {
    const result = parsePage(page(['Organization', 'License'], (i) => [licenses[language][i]!, orgs[i]!]), { source: 'lmarena-text' })
    const rows = result.snapshots[0]!.rows
    expect(rows.map((r) => r.organization)).toEqual(orgs)
    expect(rows.map((r) => r.license)).toEqual(licenses[language])
    expect(result.messages.filter((m) => m.rule === 'header-mismatch')).toHaveLength(2)
  })

  it.each(['en', 'xx'] as const)('keeps headers that the cells bear out (%s licenses)', (language) => {
    const result = parsePage(page(['Organization', 'License'], (i) => [orgs[i]!, licenses[language][i]!]), { source: 'lmarena-text' })
    const rows = result.snapshots[0]!.rows
    expect(rows.map((r) => r.organization)).toEqual(orgs)
    expect(rows.map((r) => r.license)).toEqual(licenses[language])
    expect(result.messages.filter((m) => m.rule === 'header-mismatch')).toEqual([])
  })
})

/**
 * A short table (a capture cut to its first rows) whose translation swapped
 * two headers. A few rows prove less than 270: scores in order pass for
 * counts, a model's name for an organization, and the header used to win,
 * the other column being dropped as unknown (scores published as votes) or
 * read as the header said (every model named after its organization). The
 * cells fit the two roles swapped much better.
 */
const top = [
  { model: 'gemini-3-pro', url: 'https://deepmind.google/models/gemini/', org: 'Google', score: 1495, votes: '5,471', spread: '1◄─►2' },
  { model: 'grok-4.1-thinking', url: 'https://x.ai/news/grok-4-1', org: 'xAI', score: 1481, votes: '5,822', spread: '1◄─►2' },
  { model: 'grok-4.1', url: 'https://x.ai/news/grok-4-1', org: 'xAI', score: 1462, votes: '15,825', spread: '3◄─►6' },
  { model: 'gpt-5.1-high', url: 'https://openai.com/index/gpt-5-1/', org: 'OpenAI', score: 1454, votes: '4,980', spread: '3◄─►9' },
  { model: 'gemini-2.5-pro', url: 'https://deepmind.google/models/gemini/', org: 'Google', score: 1451, votes: '67,956', spread: '3◄─►9' }
]

function shortPage(header: string, row: (r: (typeof top)[number], i: number) => string, rows = top.length): string {
  const cells = header.split('|').length - 2
  return capturedPage([header, `|${'---|'.repeat(cells)}`, ...top.slice(0, rows).map(row)])
}

describe('two headers swapped in a short table', () => {
  it.each([3, 4, 5])('reads scores and votes as their cells say, and says so (%i rows)', (n) => {
    const result = parsePage(
      shortPage('| Rank | Rank Spread | Model | Votes | Score | Organization |', (r, i) => `| ${i + 1} | ${r.spread} | ${r.model} | ${r.score} | ${r.votes} | ${r.org} |`, n),
      { source: 'lmarena-text' }
    )
    const rows = result.snapshots[0]!.rows
    expect(rows.map((r) => r.score)).toEqual(top.slice(0, n).map((r) => r.score))
    expect(rows.map((r) => r.votes)).toEqual(top.slice(0, n).map((r) => Number(r.votes.replace(',', ''))))
    expect(result.messages.map((m) => m.rule).sort()).toEqual(['header-mismatch', 'header-mismatch'])
  })

  it('reads linked model names as the models, under an organization header', () => {
    const result = parsePage(
      shortPage('| Rank | Organization | Score | Votes | Model |', (r, i) => `| ${i + 1} | [${r.model}](${r.url}) | ${r.score} | ${r.votes} | ${r.org} |`, 2),
      { source: 'lmarena-text' }
    )
    const rows = result.snapshots[0]!.rows
    expect(rows.map((r) => [r.name, r.organization])).toEqual(top.slice(0, 2).map((r) => [r.model, r.org]))
    expect(result.messages.filter((m) => m.rule === 'header-mismatch')).toHaveLength(2)
  })

  it('keeps headers the cells bear out', () => {
    const result = parsePage(
      shortPage('| Rank | Rank Spread | Model | Score | Votes | Organization |', (r, i) => `| ${i + 1} | ${r.spread} | [${r.model}](${r.url}) | ${r.score} | ${r.votes} | ${r.org} |`, 4),
      { source: 'lmarena-text' }
    )
    const rows = result.snapshots[0]!.rows
    expect(rows.map((r) => [r.name, r.score, r.organization])).toEqual(top.slice(0, 4).map((r) => [r.model, r.score, r.org]))
    expect(result.messages).toEqual([])
  })
})

/**
 * Two columns of ranks both in order (a short table: the rank and the rank
 * after style control may both be sorted): the cells cannot say which is the
 * rank. The headers choose, and a warning says the cells could not bear it
 * out, on the column read as the rank: a translation that swapped the two
 * headers is not silent.
 */
describe('two columns of ranks as much in order as each other', () => {
  const ranks = [
    [1, 1],
    [2, 2],
    [2, 3],
    [4, 3]
  ]
  const table = (headers: [string, string], columns: readonly [0 | 1, 0 | 1], rows = ranks) =>
    capturedPage([`| ${headers.join(' | ')} | Model | Score | Votes |`, '|---:|---:|:---|---:|---:|', ...rows.map((r, i) => `| ${r[columns[0]]} | ${r[columns[1]]} | ${top[i]!.model} | ${top[i]!.score} | ${top[i]!.votes} |`)])

  it('reads the rank as the headers say, with a warning at the column read as the rank', () => {
    for (const order of [
      [0, 1],
      [1, 0]
    ] as const) {
      const result = parsePage(table(['Rank (UB)', 'Rank (StyleCtrl)'], order), { source: 'lmarena-text' })
      const rows = result.snapshots[0]!.rows
      expect(rows.map((r) => [r.rank, r.rankStyleControl])).toEqual(ranks.map((r) => [r[order[0]], r[order[1]]]))
      expect(result.messages.map((m) => [m.rule, m.line, m.column])).toEqual([['rank-by-header', 5, 3]])
    }
  })

  it('says nothing when the cells tell the rank: one column more in order, or the other no rank at all', () => {
    const unsorted = [...ranks, [5, 9], [6, 4], [6, 5], [8, 12], [9, 7], [10, 8]]
    const rows = (r: number[][]) => r.map(([a, b], i) => [a!, b!, i] as const)
    const long = capturedPage(['| Rank (UB) | Rank (StyleCtrl) | Model | Score | Votes |', '|---:|---:|:---|---:|---:|', ...rows(unsorted).map(([a, b, i]) => `| ${a} | ${b} | model-${i}-x | ${1500 - i * 4} | ${(9000 + ((i * 7919) % 5000)).toLocaleString('en')} |`)])
    expect(parsePage(long, { source: 'lmarena-text' }).messages).toEqual([])
    // Glued spreads (`511`: 5 to 11) go up down the table too, far past any rank of it.
    const glued = capturedPage(['| Rank | Rank Spread | Model | Score | Votes |', '|---:|---:|:---|---:|---:|', ...['11', '25', '25', '25', '57', '511'].map((s, i) => `| ${i + 1} | ${s} | model-${i}-x | ${1500 - i * 4} | ${(9000 + ((i * 7919) % 5000)).toLocaleString('en')} |`)])
    expect(parsePage(glued, { source: 'lmarena-text' }).messages.filter((m) => m.rule === 'rank-by-header')).toEqual([])
  })
})
