import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePage } from '../../src/parse/index.js'
import { capturedPage, snapshotsDir } from '../helpers.js'

/**
 * A column of words or dates under a header no list knows is read as its cells
 * suggest. Before, a notes column (`новая модель` on every row) was read as the
 * page's organizations, and a release-date column as the knowledge cutoff,
 * with no diagnostic: 1,553 and 2,571 cells on 16 sampled real pages given
 * such a column. Such a column is now left out with a `doubtful-column`
 * warning; a column of organizations is read as before.
 */
const models: [string, string][] = [
  ['claude-opus-4-6', 'Anthropic'],
  ['gpt-5', 'OpenAI'],
  ['gemini-3-pro', 'Google'],
  ['claude-sonnet-4-5', 'Anthropic'],
  ['grok-4', 'xAI'],
  ['gpt-4o', 'OpenAI'],
  ['qwen3-max', 'Alibaba'],
  ['gemini-2.5-flash', 'Google'],
  ['deepseek-v3', 'DeepSeek'],
  ['claude-haiku-4-5', 'Anthropic'],
  ['glm-4.6', 'Z.ai'],
  ['gpt-5-mini', 'OpenAI']
]

/** A page whose headers no list knows, with an extra column of `extra(i)` after the votes. */
function page(extra: (i: number) => string): string {
  const rows = models.map(([name], i) => `| ${i + 1} | ${name} | ${1500 - i * 4} | ${(1000 + ((i * 2654435761) % 89989)).toLocaleString('en')} | ${extra(i)} |`)
  return capturedPage(['| Qqwx | Vlkm | Brzt | Snvk | Pqrs |', '|---:|:---|---:|---:|:---|', ...rows])
}

describe('columns of words or dates that no header names', () => {
  it.each([
    ['a note on every row', () => 'новая модель', 'one value for the models of four families or more'],
    ['notes that change from row to row', (i: number) => ['новая', 'обновлена', 'бета', 'тест'][i % 4]!, 'different values for models of one family'],
    ['release dates', (i: number) => `2025-0${1 + (i % 9)}-1${i % 10}`, 'dates with their day']
  ])('leave out %s, with a warning', (_, extra, said) => {
    const result = parsePage(page(extra), { source: 'lmarena-text' })
    expect(result.messages.map((m) => m.rule)).toEqual(['doubtful-column'])
    expect(result.messages[0]!.message).toContain(said)
    expect(result.messages[0]).toMatchObject({ line: 5 })
    const rows = result.snapshots[0]!.rows
    expect(rows.map((r) => r.name)).toEqual(models.map(([name]) => name))
    expect(rows.every((r) => r.organization === undefined && r.knowledgeCutoff === undefined)).toBe(true)
  })

  it('read organizations and cutoffs as before', () => {
    const organizations = parsePage(page((i) => models[i]![1]), { source: 'lmarena-text' })
    expect(organizations.messages).toEqual([])
    expect(organizations.snapshots[0]!.rows.map((r) => r.organization)).toEqual(models.map(([, org]) => org))
    const cutoffs = parsePage(page((i) => `2024/${1 + (i % 12)}`), { source: 'lmarena-text' })
    expect(cutoffs.messages).toEqual([])
    expect(cutoffs.snapshots[0]!.rows.map((r) => r.knowledgeCutoff)).toEqual(models.map((_, i) => `2024-${String(1 + (i % 12)).padStart(2, '0')}`))
  })

  it('read a column a header names as it says, even with one value (`Organization`)', () => {
    const content = page(() => 'OpenAI').replace('| Pqrs |', '| Organization |')
    const result = parsePage(content, { source: 'lmarena-text' })
    expect(result.messages).toEqual([])
    expect(result.snapshots[0]!.rows.every((r) => r.organization === 'OpenAI')).toBe(true)
  })

  it('read the organizations of a real page of 270 rows under a header no list knows', () => {
    const content = readFileSync(path.join(snapshotsDir, 'lmarena-text/2025-06-05.zh.md'), 'utf8')
    expect(content).toContain('服务商')
    const original = parsePage(content, { source: 'lmarena-text', language: 'zh' })
    const renamed = parsePage(content.replace('服务商', 'Qzxv'), { source: 'lmarena-text', language: 'zh' })
    expect(renamed.messages.filter((m) => m.rule === 'doubtful-column')).toEqual([])
    expect(renamed.snapshots[0]!.rows.map((r) => r.organization)).toEqual(original.snapshots[0]!.rows.map((r) => r.organization))
    expect(original.snapshots[0]!.rows.filter((r) => r.organization).length).toBeGreaterThan(100)
  })
})
