import { describe, expect, it } from 'vitest'
import { parsePage } from '../../src/parse/index.js'
import { gluedSeparator, MAX_GLUED_NAME, splitGluedOrganization } from '../../src/parse/lmarena/model-cell.js'
import { capturedPage } from '../helpers.js'

/**
 * Organization and license glued after the model name, as the scraper
 * writes them (`claude-opus-4-6Anthropic · Proprietary`), with the sign a
 * translation put between them instead of `·`. Before, only `·`, `•`, `‧`
 * and `∙` with spaces around were read: a Japanese page's `・` (or `｜`, `—`,
 * a dot without spaces) left organization and license in the name, with no
 * diagnostic. The column's cells now say which sign it is.
 */
const models: [string, string, string][] = [
  ['Anthropicclaude-fable-5', 'Anthropic', 'Proprietary'],
  ['gemini-3.1-pro-preview', 'Google', 'Proprietary'],
  ['kimi-k3-max', 'Moonshot', 'Modified MIT'],
  ['qwen3.7-max-preview', 'Alibaba', 'Proprietary'],
  ['deepseek-v4-flash (20260731)', 'DeepSeek', 'MIT'],
  ['glm-5.2', 'Z.ai', 'MIT']
]

/** A page whose model cell on row `i` is the name with `glue(organization, license, i)` after it. */
function page(glue: (org: string, license: string, i: number) => string): string {
  const rows = models.map(([name, org, license], i) => `| ${i + 1} | ${name}${glue(org, license, i)} | ${1500 - i * 4} | ${(20_000 - i * 997).toLocaleString('en')} |`)
  return capturedPage(['| Rank | Model | Score | Votes |', '|---:|:---|---:|---:|', ...rows])
}

describe('organization and license glued to the name', () => {
  it.each([
    ['a middle dot with spaces (upstream)', ' · '],
    ['a katakana middle dot without spaces (Japanese)', '・'],
    ['a half-width katakana middle dot', '･'],
    ['a middle dot without spaces', '·'],
    ['a bullet without spaces', '•'],
    ['a full-width vertical bar', ' ｜ '],
    ['an em dash', ' — '],
    ['an ideographic comma', '、']
  ])('reads %s', (_, sign) => {
    const result = parsePage(page((org, license) => `${org}${sign}${license}`), { source: 'lmarena-text' })
    expect(result.messages).toEqual([])
    expect(result.snapshots[0]!.rows.map((r) => [r.name, r.organization, r.license])).toEqual(models)
  })

  it.each([
    ['in round brackets', (o: string, l: string) => ` (${o} · ${l})`],
    ['in full-width brackets, with a katakana middle dot', (o: string, l: string) => `（${o}・${l}）`],
    ['in square brackets', (o: string, l: string) => ` [${o} · ${l}]`],
    ['in brackets on a line of their own', (o: string, l: string) => `<br><sub>(${o} · ${l})</sub>`]
  ])('reads organization and license %s after the name', (_, glue) => {
    const result = parsePage(page(glue), { source: 'lmarena-text' })
    expect(result.messages).toEqual([])
    expect(result.snapshots[0]!.rows.map((r) => [r.name, r.organization, r.license])).toEqual(models)
  })

  it('reads two signs in one column (rows a translation rewrote, rows it left)', () => {
    const result = parsePage(page((org, license, i) => `${org}${i % 2 ? '・' : ' · '}${license}`), { source: 'lmarena-text' })
    expect(result.snapshots[0]!.rows.map((r) => [r.name, r.organization, r.license])).toEqual(models)
  })

  it('takes the sign from the cells that have it, however few of the column (links elsewhere)', () => {
    const texts = ['Claude Opus 5 (High)', 'GPT 5.6 Sol (xHigh)', 'Kimi K3 (Max)', 'GLM 5.2 (Max)', 'Claude Opus 4.8', 'Deepseek V4 Flash (High) (20260731)DeepSeek・MIT', 'Muse Spark 1.1', 'Kimi K2.7 CodeMoonshot・Modified MIT', 'GLM 5.1', 'Qwen3.7 MaxAlibaba・Proprietary']
    expect(gluedSeparator(texts)).toBe('・')
  })

  it('never takes a sign of names, one cell alone, or texts that neither repeat nor follow an organization', () => {
    // ASCII signs are made of names: `claude-3.5`, `gpt-4o/mini`, `llama (405b)`.
    expect(gluedSeparator(['claude-3.5-sonnet / MIT', 'gpt-4o / MIT', 'llama-3 / MIT'])).toBeUndefined()
    expect(gluedSeparator(['claude-opus-4-6Anthropic・Proprietary', 'gpt-5OpenAI', 'gemini-3-proGoogle'])).toBeUndefined()
    expect(gluedSeparator(['alpha → beta', 'gamma → delta', 'epsilon → zeta', 'eta → theta'])).toBeUndefined()
    expect(gluedSeparator(['alpha → MIT', 'gamma → MIT', 'epsilon → MIT', 'eta → Proprietary'])).toBe('→')
  })

  // A word processor or a translation writes a name's hyphens as other dashes: a non-breaking hyphen (U+2011),
  // a hyphen (U+2010), an en dash, a minus sign. Each cell of `claude‑opus‑5‑max`, `kimi‑k3‑max` shows the sign,
  // and the last word repeats (`max`, `high`): before, the sign was taken for the one that glues a license to the
  // name (`claude‑opus‑5` with license `max`), and rows whose names then met were lost as duplicates, with no
  // diagnostic on the 16 sampled real pages but those duplicates.
  it.each([
    ['a non-breaking hyphen', '\u2011'],
    ['a hyphen', '\u2010'],
    ['an en dash', '\u2013'],
    ['a minus sign', '\u2212']
  ])('reads names whose hyphens are written as %s as whole names', (_, sign) => {
    const names = ['claude-opus-5-max', 'kimi-k3-max', 'qwen3.8-max', 'claude-opus-5-high', 'grok-4.6-high', 'gpt-5.6-sol-high'].map((n) => n.replaceAll('-', sign))
    const rows = names.map((name, i) => `| ${i + 1} | ${name} | ${1500 - i * 4} | ${(20_000 - i * 997).toLocaleString('en')} |`)
    const result = parsePage(capturedPage(['| Rank | Model | Score | Votes |', '|---:|:---|---:|---:|', ...rows]), { source: 'lmarena-text' })
    expect(result.messages).toEqual([])
    expect(result.snapshots[0]!.rows.map((r) => [r.name, r.organization, r.license])).toEqual(names.map((n) => [n, undefined, undefined]))
    expect(gluedSeparator(names)).toBeUndefined()
  })

  it('reads a dash with spaces around it as the sign before organization and license, with the same dash in the names', () => {
    const hyphened = models.map(([name, org, license]) => [name.replaceAll('-', '\u2013'), org, license.replaceAll('-', '\u2013')] as const)
    const rows = hyphened.map(([name, org, license], i) => `| ${i + 1} | ${name}${org} \u2013 ${license} | ${1500 - i * 4} | ${(20_000 - i * 997).toLocaleString('en')} |`)
    const result = parsePage(capturedPage(['| Rank | Model | Score | Votes |', '|---:|:---|---:|---:|', ...rows]), { source: 'lmarena-text' })
    expect(result.messages).toEqual([])
    expect(result.snapshots[0]!.rows.map((r) => [r.name, r.organization, r.license])).toEqual(hyphened)
  })

  it('bounds the work a hostile cell can ask: cells of many signs are no model cells, a text longer than any name is not searched for an organization', () => {
    // Each sign was cut and searched in turn: time quadratic in a cell of thousands of signs.
    const many = Array.from({ length: 4 }, (_, i) => `a${String.fromCharCode(0x2190 + i)}`).join('') + 'b'
    expect(gluedSeparator([many, many, many])).toBeUndefined()
    // The organization's search backtracks at every capital (a 9,000-character cell took 100 ms).
    expect(splitGluedOrganization(`${'aA'.repeat(MAX_GLUED_NAME)}Google`)).toEqual({ name: `${'aA'.repeat(MAX_GLUED_NAME)}Google` })
    expect(splitGluedOrganization(`${'a'.repeat(MAX_GLUED_NAME - 10)}Google`).organization).toBe('Google')
  })
})
