import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli.js'
import { emptyData, parseRegistryData } from '../../src/registry/data.js'
import { normalize } from '../../src/registry/normalize.js'
import { captureIo, copySeeds, tempDir } from '../helpers.js'
import { input } from './fixtures.js'

const messages = (text: string) => parseRegistryData(text).messages.map((m) => [m.rule, m.line, m.column, m.message])

describe('conflicts in the data file', () => {
  it('an id pinned twice: an error naming both places, and only the first entry is used', () => {
    const text = '{"models":[\n{"id":"gpt-4o","aliases":["GPT-4o"],"note":"a"},\n{"id":"gpt-4o","aliases":["GPT 4o (May)"],"note":"b"}\n]}'
    expect(messages(text)).toEqual([['registry-conflict', 3, 7, 'Unexpected id `gpt-4o` pinned a second time, expected each id once (also at 2:7, models.0.id); neither entry is used']])
    expect(parseRegistryData(text).data.models.map((m) => m.aliases)).toEqual([['GPT-4o']])
  })

  it('an alias cycle: an error, and the two models are kept apart (never merged)', () => {
    const text = '{"models":[\n{"id":"alpha","aliases":["beta"]},\n{"id":"beta","aliases":["alpha"]}\n]}'
    expect(messages(text)).toEqual([['registry-conflict', 3, 25, 'Unexpected alias cycle `alpha` → `beta` → `alpha` (also at 2:26, models.0.aliases.0), expected each entry to name spellings of its own model only; the models are kept apart']])
    const { data } = parseRegistryData(text)
    const r = normalize([input('2025-01-01', [{ name: 'alpha', score: 1300, votes: 100 }, { name: 'beta', score: 1290, votes: 100 }])], data)
    expect(r.snapshots[0]!.rows.map((row) => row.model)).toEqual(['alpha', 'beta'])
  })

  it('a spelling two entries claim (an alias that is another entry’s id): an error, the alias is not used', () => {
    const text = '{"models":[\n{"id":"gpt-4o-2024-05-13","aliases":["GPT-4o"]},\n{"id":"gpt-4o","aliases":[]}\n]}'
    expect(messages(text)).toEqual([['registry-conflict', 2, 38, 'Unexpected `GPT-4o` claimed by `gpt-4o` and `gpt-4o-2024-05-13` (also at 3:7, models.1.id), expected one model per spelling; neither claim is used']])
    expect(parseRegistryData(text).data.models.map((m) => m.aliases)).toEqual([[], []])
  })

  it('a spelling two entries claim in different forms (case, spacing fold to one key)', () => {
    const text = '{"models":[{"id":"a","aliases":["Model X"]},{"id":"b","aliases":["model-x"]}]}'
    expect(messages(text).map((m) => m[0])).toEqual(['registry-conflict'])
  })

  it('an id that is a path the site uses cannot be pinned', () => {
    expect(messages('{"models":[{"id":"index.html","aliases":["Index"]}]}')).toEqual([
      ['invalid-registry-data', 1, 18, 'Invalid `models.0.id`: expected an id that is no path the site uses (not `index.html`), found `"index.html"`']
    ])
  })
})

describe('a raw spelling the registry counts for two models', () => {
  it('is a conflict naming both places', () => {
    // The French page shows `X-Model` in the place of `alpha` one day and of `beta` another day.
    const day1 = [input('2025-01-01', [{ name: 'alpha', score: 1300, votes: 100 }, { name: 'beta', score: 1290, votes: 90 }]), input('2025-01-01', [{ name: 'X-Model', score: 1300, votes: 100 }, { name: 'beta', score: 1290, votes: 90 }], { language: 'fr' })]
    const day2 = [input('2025-01-02', [{ name: 'alpha', score: 1301, votes: 101 }, { name: 'beta', score: 1291, votes: 91 }]), input('2025-01-02', [{ name: 'alpha', score: 1301, votes: 101 }, { name: 'X-Model', score: 1291, votes: 91 }], { language: 'fr' })]
    const r = normalize([...day1, ...day2], emptyData)
    expect(r.diagnostics.filter((d) => d.rule === 'registry-conflict').map((d) => [d.file, d.line, d.column, d.message])).toEqual([
      [
        'snapshots/lmarena-text/2025-01-02.fr.md',
        11,
        9,
        'Unexpected `X-Model` counted for `alpha` and for `beta` (also at snapshots/lmarena-text/2025-01-01.fr.md:10:9), expected one model per spelling; say which in `registry.json`'
      ]
    ])
  })
})

describe('check and build refuse a broken data file', () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"models": [', /invalid-registry-data/],
    ['wrong types', '{"models": [{"id": "x", "aliases": "Claude"}]}', /invalid-registry-data/],
    ['an id pinned twice', '{"models": [{"id": "gpt-4o-2024-05-13", "aliases": []}, {"id": "gpt-4o-2024-05-13", "aliases": []}]}', /registry-conflict/],
    ['an alias cycle', '{"models": [{"id": "grok-4.1", "aliases": ["grok-4.1-thinking"]}, {"id": "grok-4.1-thinking", "aliases": ["grok-4.1"]}]}', /registry-conflict/]
  ]
  it.each(cases)('%s: check exits 1 and reports it', async (_, content, rule) => {
    const dir = await copySeeds()
    await writeFile(path.join(dir, 'registry.json'), content)
    const c = captureIo(dir)
    expect(await main(['check', '--snapshots', '.'], c.io)).toBe(1)
    expect(c.out()).toMatch(rule)
  })
  it.each(cases)('%s: build exits 1 and writes nothing', async (_, content, rule) => {
    const dir = await copySeeds()
    await writeFile(path.join(dir, 'registry.json'), content)
    const out = path.join(await tempDir(), 'site')
    const c = captureIo(dir)
    expect(await main(['build', '--snapshots', '.', '--out', out], c.io)).toBe(1)
    expect(c.err()).toMatch(rule)
    expect(c.err()).toMatch(/nothing written/)
    expect(existsSync(out)).toBe(false)
  })
})
