import { describe, expect, it } from 'vitest'
import { parsePage } from '../../src/parse/index.js'

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
  return ['# LMArena', '', '> **Data Update Time**: 2026-08-10 09:27:23 UTC', '', `| Rank | Model | Score | Votes | ${headers.join(' | ')} |`, '|---:|:---|---:|---:|:---|:---|', ...rows, ''].join('\n')
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
