import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { withAsciiBars } from '../../src/parse/document.js'
import { parsePage } from '../../src/parse/index.js'
import { capturedPage, snapshotsDir } from '../helpers.js'

/**
 * A translation into Chinese or Japanese writes `|` as the full-width `｜`
 * on some rows, or on every line of the table. Before, each such row was one
 * cell (`ragged-row`) and the model lost; a table written so was no table.
 */
describe('table rows written with full-width bars', () => {
  it('makes the bars of such a line ASCII, one code unit for one: every place stays', () => {
    expect(withAsciiBars('｜ 1 ｜ gpt-5 ｜ 1507 ｜')).toBe('| 1 | gpt-5 | 1507 |')
    expect(withAsciiBars('  ｜---｜---｜\r')).toBe('  |---|---|\r')
    // A full-width bar among ASCII bars is text: the sign between a name and its license.
    expect(withAsciiBars('| 1 | gpt-5 OpenAI｜Proprietary | 1507 |')).toBe('| 1 | gpt-5 OpenAI｜Proprietary | 1507 |')
    // Prose with a bar inside, not at both ends.
    expect(withAsciiBars('A ｜ B')).toBe('A ｜ B')
  })

  it('reads a real page whose rows (some, or all and the header) a translation wrote with `｜` as the page itself', () => {
    const content = readFileSync(path.join(snapshotsDir, 'lmarena-text/2026-08-21.zh.md'), 'utf8')
    const original = parsePage(content, { source: 'lmarena-text', language: 'zh' })
    expect(original.snapshots[0]!.rows).toHaveLength(30)
    const lines = content.split('\n')
    const some = lines.map((l, i) => (/^\|\s*\d+\s*\|/.test(l) && i % 4 === 0 ? l.replace(/\|/g, '｜') : l))
    const all = lines.map((l) => (l.trim().startsWith('|') ? l.replace(/\|/g, '｜') : l))
    expect(some.filter((l) => l.startsWith('｜')).length).toBeGreaterThan(5)
    for (const rewritten of [some, all]) {
      const result = parsePage(rewritten.join('\n'), { source: 'lmarena-text', language: 'zh' })
      expect(result.snapshots[0]!.rows).toEqual(original.snapshots[0]!.rows)
      expect(result.snapshots[0]!.places).toEqual(original.snapshots[0]!.places)
      expect(result.messages).toEqual(original.messages)
    }
  })

  it('reads a short table written with full-width bars throughout', () => {
    const rows = ['｜ Rank ｜ Model ｜ Score ｜', '｜---:｜:---｜---:｜', '｜ 1 ｜ gpt-5 ｜ 1507 ｜', '｜ 2 ｜ claude-opus-5 ｜ 1502 ｜', '｜ 3 ｜ gemini-3-pro ｜ 1498 ｜']
    const result = parsePage(capturedPage(rows), { source: 'lmarena-text' })
    expect(result.snapshots[0]!.rows.map((r) => [r.rank, r.name, r.score])).toEqual([
      [1, 'gpt-5', 1507],
      [2, 'claude-opus-5', 1502],
      [3, 'gemini-3-pro', 1498]
    ])
  })
})
