import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePage } from '../../src/parse/index.js'
import { capturedPage, snapshotsDir } from '../helpers.js'

/**
 * Upstream marks each model name with a footnote link, `name [<sup>1</sup>](url)`.
 * A translation that writes HTML as plain text turns the mark into a
 * superscript digit: `name [¹](url)`, or `name¹` with the link gone. Before,
 * the `¹` stayed in the name (`Claude Opus 5 (High) ¹`), with no diagnostic:
 * the model got another id, and its history was cut in two.
 */
const names = ['claude-fable-5', 'gpt-5.5-high', 'gemini-3-pro', 'qwen3.8-max', 'glm-5.3-max', 'o4-mini']

function page(cell: (name: string, i: number) => string): string {
  const rows = names.map((name, i) => `| ${i + 1} | ${cell(name, i)} | ${1500 - i * 4} | ${(20_000 - i * 997).toLocaleString('en')} |`)
  return capturedPage(['| Rank | Model | Score | Votes |', '|---:|:---|---:|---:|', ...rows])
}

const url = (i: number) => `https://example.com/model-${i}`

describe('footnote marks after a model name', () => {
  it.each([
    ['a superscript link', (n: string, i: number) => `${n} [<sup>1</sup>](${url(i)})`, true],
    ['a superscript digit as the link text', (n: string, i: number) => `${n} [¹](${url(i)})`, true],
    ['two superscript digits as the link text', (n: string, i: number) => `${n} [¹²](${url(i)})`, true],
    ['a bare superscript digit', (n: string) => `${n}¹`, false],
    ['a bare superscript digit after a space', (n: string) => `${n} ²`, false],
    ['a superscript digit in brackets', (n: string) => `${n} [¹]`, false],
    ['a digit in brackets', (n: string) => `${n} [1]`, false]
  ])('reads the name without %s', (_, cell, linked) => {
    const result = parsePage(page(cell), { source: 'lmarena-text' })
    expect(result.messages).toEqual([])
    const rows = result.snapshots[0]!.rows
    expect(rows.map((r) => r.name)).toEqual(names)
    expect(rows.map((r) => r.url)).toEqual(names.map((_, i) => (linked ? url(i) : undefined)))
  })

  it('keeps the digits a name ends with (`o4`, `gpt-4`) and a superscript inside a name', () => {
    const own = ['o4', 'gpt-4', 'model x²-large', 'phi-3 [beta]']
    const rows = own.map((name, i) => `| ${i + 1} | ${name} | ${1500 - i * 4} | ${(20_000 - i * 997).toLocaleString('en')} |`)
    const result = parsePage(capturedPage(['| Rank | Model | Score | Votes |', '|---:|:---|---:|---:|', ...rows]), { source: 'lmarena-text' })
    expect(result.snapshots[0]!.rows.map((r) => r.name)).toEqual(own)
  })

  it('reads a real page whose marks a translation wrote as `[¹](url)` or `¹` as the page itself', () => {
    const file = path.join(snapshotsDir, 'lmarena-text/2026-08-21.zh.md')
    const content = readFileSync(file, 'utf8')
    expect(content).toContain('[<sup>1</sup>](')
    const original = parsePage(content, { source: 'lmarena-text', language: 'zh' })
    const rows = original.snapshots[0]!.rows
    expect(rows.length).toBe(30)
    const linkText = parsePage(content.replaceAll('[<sup>1</sup>](', '[¹]('), { source: 'lmarena-text', language: 'zh' })
    expect(linkText.snapshots[0]!.rows).toEqual(rows)
    const bare = parsePage(content.replace(/\s*\[<sup>1<\/sup>\]\([^)]*\)/g, '¹'), { source: 'lmarena-text', language: 'zh' })
    expect(bare.snapshots[0]!.rows).toEqual(rows.map(({ url: _, ...row }) => row))
    expect(bare.messages).toEqual(original.messages)
  })
})
