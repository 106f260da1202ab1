import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePage } from '../../src/parse/index.js'
import { capturedPage, snapshotsDir } from '../helpers.js'

/**
 * Emoji a translation (or a page copied from a chat) puts beside a value as
 * a badge: medals before the first ranks (`🥇 1`), `🆕` after a new model's
 * name or rank, `🔥` after a count. Before, a rank or a count with one was an
 * error and its row was lost; a name or a license kept it (`claude-opus-5 🆕`),
 * with no diagnostic, and the model got a name no other page gives it.
 */
const names = ['claude-fable-5', 'gpt-5.5-high', 'gemini-3-pro', 'qwen3.8-max', 'glm-5.3-max', 'o4-mini']
const licenses = ['Proprietary', 'Proprietary', 'Proprietary', 'Apache 2.0', 'MIT', 'Proprietary']
const medals = ['🥇', '🥈', '🥉']

function page(rank: (r: number) => string, name: (n: string, i: number) => string, votes: (v: string, i: number) => string, license: (l: string, i: number) => string): string {
  const rows = names.map((n, i) => `| ${rank(i + 1)} | ${name(n, i)} | ${1500 - i * 4} | ${votes((20_000 - i * 997).toLocaleString('en'), i)} | ${license(licenses[i]!, i)} |`)
  return capturedPage(['| Rank | Model | Score | Votes | License |', '|---:|:---|---:|---:|:---|', ...rows])
}

const plain = page(String, (n) => n, (v) => v, (l) => l)

describe('emoji beside values', () => {
  it.each([
    ['medals before the first ranks', page((r) => (r <= 3 ? `${medals[r - 1]} ${r}` : String(r)), (n) => n, (v) => v, (l) => l)],
    ['medals after the first ranks', page((r) => (r <= 3 ? `${r}${medals[r - 1]}` : String(r)), (n) => n, (v) => v, (l) => l)],
    ['a badge after some names', page(String, (n, i) => (i % 2 ? `${n} 🆕` : n), (v) => v, (l) => l)],
    ['a badge of several code points before some names', page(String, (n, i) => (i % 2 ? `👨‍💻 ${n}` : n), (v) => v, (l) => l)],
    ['a badge after a name with its link', page(String, (n, i) => `${n} 🆕 [<sup>1</sup>](https://example.com/${i})`, (v) => v, (l) => l)],
    ['a badge after some counts', page(String, (n) => n, (v, i) => (i % 2 ? `${v} 🔥` : v), (l) => l)],
    ['a badge after some ranks and licenses', page((r) => (r % 2 ? `${r} 🆕` : String(r)), (n) => n, (v) => v, (l, i) => (i % 2 ? `${l} ⭐️` : l))]
  ])('reads the values without them: %s', (_, content) => {
    const result = parsePage(content, { source: 'lmarena-text' })
    const expected = parsePage(plain, { source: 'lmarena-text' })
    expect(result.messages).toEqual(expected.messages)
    expect(result.snapshots[0]!.rows.map(({ url: _, ...row }) => row)).toEqual(expected.snapshots[0]!.rows)
  })

  it('reports a rank written as a medal alone: no number is read from a picture', () => {
    const result = parsePage(page((r) => (r <= 3 ? medals[r - 1]! : String(r)), (n) => n, (v) => v, (l) => l), { source: 'lmarena-text' })
    expect(result.messages.filter((m) => m.severity === 'error').map((m) => m.rule)).toContain('missing-cell')
    expect(result.snapshots[0]?.rows.map((r) => r.rank) ?? []).not.toContain(1)
  })

  it('reads a real page whose names a translation marked with badges as the page itself', () => {
    const content = readFileSync(path.join(snapshotsDir, 'lmarena-text/2026-08-21.zh.md'), 'utf8')
    const original = parsePage(content, { source: 'lmarena-text', language: 'zh' })
    // `| 1 | 1-4 | claude-fable-5 [<sup>1</sup>](…)` → `| 🥇 1 | 1-4 | claude-fable-5 🆕 [<sup>1</sup>](…)`
    const badged = content.replace(/^\|(\s+)([123])(\s+\|[^|]+\|\s*)([^[|]+?)(\s*\[<sup>)/gm, (_, a: string, r: string, b: string, n: string, c: string) => `|${a}${medals[Number(r) - 1]} ${r}${b}${n} 🆕${c}`)
    expect(badged.match(/🆕/g)).toHaveLength(3)
    const result = parsePage(badged, { source: 'lmarena-text', language: 'zh' })
    expect(result.snapshots[0]!.rows).toEqual(original.snapshots[0]!.rows)
    expect(result.messages).toEqual(original.messages)
  })
})
