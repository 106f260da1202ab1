import { describe, expect, it } from 'vitest'
import { parsePage } from '../../src/parse/index.js'
import { capturedPage } from '../helpers.js'

/**
 * Upstream writes some names in bold (`**Gemini-2.5-Pro**`). A translation
 * that drops one half of the marks leaves the other as text: before, it stayed
 * in the name (`**Gemini-2.5-Pro`), with no diagnostic, and the model got a
 * name no other page gives it.
 */
const names = ['Gemini-2.5-Pro', 'gpt-5.5-high', 'claude-opus-4-6', 'qwen3.8-max', 'glm-5.3-max', 'o4-mini']

function page(cell: (name: string, i: number) => string): string {
  const rows = names.map((name, i) => `| ${i + 1} | ${cell(name, i)} | ${1500 - i * 4} | ${(20_000 - i * 997).toLocaleString('en')} |`)
  return capturedPage(['| Rank | Model | Score | Votes |', '|---:|:---|---:|---:|', ...rows])
}

describe('bold marks of a name, one half lost', () => {
  it.each([
    ['both halves', (n: string) => `**${n}**`],
    ['the closing half lost', (n: string, i: number) => (i % 2 ? `**${n}` : `**${n}**`)],
    ['the opening half lost', (n: string, i: number) => (i % 2 ? `${n}**` : n)],
    ['underscores, one half lost', (n: string, i: number) => (i % 3 ? `__${n}` : n)],
    ['strikethrough, one half lost', (n: string, i: number) => (i % 3 ? `~~${n}` : n)],
    ['a link in bold, one half lost', (n: string, i: number) => `**[${n}](https://example.com/${i})`]
  ])('reads the name without them: %s', (_, cell) => {
    const result = parsePage(page(cell), { source: 'lmarena-text' })
    expect(result.snapshots[0]!.rows.map((r) => r.name)).toEqual(names)
  })

  it('keeps a single star or underscore a name ends or starts with, and marks at both ends written as text', () => {
    const own = ['gpt-4*', '_model_', 'phi-3*', 'o4-mini', '__proto__', '**x**']
    const rows = own.map((name, i) => `| ${i + 1} | ${name.replace(/[*_]/g, '\\$&')} | ${1500 - i * 4} | ${(20_000 - i * 997).toLocaleString('en')} |`)
    const result = parsePage(capturedPage(['| Rank | Model | Score | Votes |', '|---:|:---|---:|---:|', ...rows]), { source: 'lmarena-text' })
    expect(result.snapshots[0]!.rows.map((r) => r.name)).toEqual(own)
  })
})
