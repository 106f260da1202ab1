import { cp, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli.js'
import { captureIo, copySeeds, seedStore, tempDir } from '../helpers.js'

describe('leaderlog registry', () => {
  it('prints the registry as JSON with the public keys in order', async () => {
    const c = captureIo(await seedStore())
    expect(await main(['registry', '--snapshots', '.', '--json'], c.io)).toBe(0)
    const json = JSON.parse(c.out()) as { models: Record<string, unknown>[] }
    expect(Object.keys(json)).toEqual(['models'])
    const opus = json.models.find((m) => m.id === 'claude-opus-4-1-20250805')!
    expect(Object.keys(opus)).toEqual(['id', 'name', 'organization', 'license', 'openWeights', 'aliases', 'boards', 'repairs'])
    expect(opus).toEqual({
      id: 'claude-opus-4-1-20250805',
      name: 'claude-opus-4-1-20250805',
      organization: 'Anthropic',
      license: 'Proprietary',
      openWeights: false,
      aliases: ['Anthropicclaude-opus-4-1-20250805'],
      boards: { 'lmarena-text': { first: '2025-11-18', last: '2025-11-20', bestRank: opus.boards && (opus.boards as Record<string, { bestRank: number }>)['lmarena-text']!.bestRank } },
      repairs: [{ from: 'Anthropicclaude-opus-4-1-20250805', to: 'claude-opus-4-1-20250805', rule: 'glued-provider-prefix' }]
    })
    expect(c.err()).toBe('')
  })

  it('prints a summary line in text mode', async () => {
    const c = captureIo(await seedStore())
    expect(await main(['registry', '--snapshots', '.'], c.io)).toBe(0)
    expect(c.out()).toMatch(/^claude-opus-4-1-20250805 {2}claude-opus-4-1-20250805 \(Anthropic, Proprietary\) {2}lmarena-text$/m)
    expect(c.out()).toMatch(/\nRegistry: \d+ models, \d+ aliases, \d+ repairs from 6 snapshots \(3 files\); 0 disagreements between language variants in \d+\.\d\d s\n$/)
  })

  it('lists suggestions with their evidence', async () => {
    const c = captureIo(await seedStore())
    expect(await main(['registry', 'suggest', '--snapshots', '.', '--json'], c.io)).toBe(0)
    const { suggestions } = JSON.parse(c.out()) as { suggestions: { ids: string[]; evidence: string[] }[] }
    expect(suggestions.length).toBeGreaterThan(0)
    for (const s of suggestions) expect(s.evidence).toContain('never in one snapshot')
    // SEAL's `Llama 3.1 405B Instruct` and LMArena's two precisions of it: for a maintainer to decide.
    expect(suggestions.find((s) => s.ids.join(' ') === 'llama-3.1-405b-instruct llama-3.1-405b-instruct-bf16')?.evidence).toEqual([
      'organization unknown for one',
      'similar names (0.83)',
      'never in one snapshot',
      // SEAL 2024-05-13, LMArena 2025-11: the dates do not overlap, and the evidence says nothing about them.
      'on different boards (seal-coding, seal-instruction-following, seal-math, seal-spanish / lmarena-text)'
    ])
    // Linked in the data file (the Mistral Large of May 2024), so not suggested.
    expect(suggestions.some((s) => s.ids.includes('mistral-large-2402'))).toBe(false)
  })

  it('reports a broken data file with its position and exits 1', async () => {
    const dir = await tempDir()
    await copySeeds(dir)
    await writeFile(path.join(dir, 'registry.json'), '{\n  "models": [{ "id": "x", "aliases": "Claude" }]\n}\n')
    const c = captureIo(dir)
    expect(await main(['registry', '--snapshots', '.', '--json'], c.io)).toBe(1)
    expect(c.err()).toBe('registry.json\n2:38 error Invalid `models.0.aliases`: expected an array, found `"Claude"` invalid-registry-data leaderlog\n\n✖ 1 error\n')
    expect(JSON.parse(c.out()).models.length).toBeGreaterThan(0)
  })

  it('rejects an unknown subcommand with exit 2', async () => {
    const c = captureIo(await seedStore())
    expect(await main(['registry', 'merge'], c.io)).toBe(2)
    expect(c.err()).toMatch(/the only subcommand is `suggest`/)
  })
})
