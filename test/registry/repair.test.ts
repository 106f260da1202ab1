import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePage } from '../../src/parse/index.js'
import { parseRegistryData } from '../../src/registry/data.js'
import { repairContext, repairName, type RepairContext } from '../../src/registry/repair.js'
import { snapshotsDir } from '../helpers.js'

/** Names, organizations and licenses of the real seed rows. */
function seedRows() {
  const files = ['lmarena-text/2025-11-18.en.md', 'lmarena-text/2025-11-20.fr.md', 'seal/2024-05-13.en.md']
  return files.flatMap((f) => parsePage(readFileSync(path.join(snapshotsDir, f), 'utf8'), { source: f.split('/')[0]! }).snapshots.flatMap((s) => s.rows))
}

function context(extraNames: string[] = []): RepairContext {
  const rows = seedRows()
  const data = parseRegistryData(readFileSync(path.join(snapshotsDir, 'registry.json'), 'utf8')).data
  const orgs = rows.flatMap((r) => (r.organization ? [r.organization] : []))
  return repairContext(
    [...rows.map((r) => r.name), ...extraNames],
    [...data.providerPrefixes, ...orgs, ...orgs.map((o) => o.replace(/\s+/g, ''))],
    [...rows.flatMap((r) => (r.license ? [r.license] : [])), ...orgs]
  )
}

describe('glued-provider-prefix', () => {
  const ctx = context()
  it.each([
    ['Anthropicclaude-opus-4-1-20250805', 'claude-opus-4-1-20250805'],
    ['Metallama-3.1-405b-instruct-bf16', 'llama-3.1-405b-instruct-bf16'],
    ['Tencenthunyuan-turbos-20250416', 'hunyuan-turbos-20250416'],
    ['Azurephi-4', 'phi-4'],
    ['Coherec4ai-aya-expanse-8b', 'c4ai-aya-expanse-8b'],
    ['HuggingFacezephyr-7b-beta', 'zephyr-7b-beta'],
    ['Nvidiallama-3.1-nemotron-70b-instruct', 'llama-3.1-nemotron-70b-instruct'],
    ['Stabilitystablelm-tuned-alpha-7b', 'stablelm-tuned-alpha-7b'],
    ['01.AIyi-lightning', 'yi-lightning']
  ])('removes the prefix of the seed name %s (the rest is spelled like a model id)', (raw, repaired) => {
    const { name, repairs } = repairName(raw, ctx)
    expect(name).toBe(repaired)
    expect(repairs).toEqual([{ from: raw, to: repaired, rule: 'glued-provider-prefix' }])
  })

  it('removes a prefix glued to a name seen bare elsewhere, even when the rest is not an id (seed: AnthropicClaude 3.5 …)', () => {
    const withBare = context(['Claude 3.5 Sonnet (06/20)'])
    expect(repairName('AnthropicClaude 3.5 Sonnet (06/20)', withBare).name).toBe('Claude 3.5 Sonnet (06/20)')
    // Without the bare spelling, the rest does not look like an id: no repair.
    expect(repairName('AnthropicClaude 3.5 Sonnet (06/20)', ctx).repairs).toEqual([])
  })

  it('removes a provider name written twice (seeds: MetaMeta-…, RWKVRWKV-…)', () => {
    expect(repairName('MetaMeta-Llama-3.1-70B-Instruct', ctx).name).toBe('Meta-Llama-3.1-70B-Instruct')
    expect(repairName('RWKVRWKV-4-Raven-14B', ctx).name).toBe('RWKV-4-Raven-14B')
  })

  it('makes no false repair: every clean seed name that is not glued stays as it is', () => {
    const untouched = seedRows()
      .map((r) => r.name)
      .filter((n) => /^(gemini-|gpt-|Gemini-|GPT-|chatgpt-|o\d|claude-|grok-|qwen|deepseek|Llama|Meta-Llama|Mistral|Minimax-|InternLM2|RWKV-|Nvidia-|Amazon|amazon)/.test(n))
    expect(untouched.length).toBeGreaterThan(60)
    for (const name of [...untouched, 'Gemini-1.5-Pro-002', 'GPT-4o (08/06)', 'gemini-2.5-pro', 'gpt-4.1-2025-04-14', 'Minimax-M1', 'InternLM2.5-20B-chat', 'RWKV-4-Raven-14B', 'Nvidia-Llama-3.3-Nemotron-Super-49B-v1.5']) {
      expect(repairName(name, ctx), name).toEqual({ name, repairs: [] })
    }
  })
})

describe('glued-suffix', () => {
  it('removes a license or organization glued after a name seen bare (corpus zh 2025-05 rows)', () => {
    const ctx = context(['alpaca-13b', 'chatglm2-6b', 'athene-v2-chat', 'RWKV-4-Raven-14B'])
    expect(repairName('alpaca-13bNon-commercial', ctx)).toEqual({ name: 'alpaca-13b', repairs: [{ from: 'alpaca-13bNon-commercial', to: 'alpaca-13b', rule: 'glued-suffix' }] })
    expect(repairName('chatglm2-6bApache-2.0', ctx).name).toBe('chatglm2-6b')
    expect(repairName('athene-v2-chatNexusFlow', ctx).name).toBe('athene-v2-chat')
    expect(repairName('RWKV-4-Raven-14BApache 2.0', ctx).name).toBe('RWKV-4-Raven-14B')
  })
  it('leaves a name alone when the rest is not seen bare', () => {
    const ctx = context()
    // Corpus zh row; `intellect-3` is not in the seeds.
    expect(repairName('intellect-3MIT', ctx).repairs).toEqual([])
    expect(repairName('intellect-3MIT', context(['intellect-3'])).name).toBe('intellect-3')
  })
})

describe('corrupted-token', () => {
  const ctx = context(['Claude-Instant-1', 'Amazon Nova Lite 1.0', 'Athene-v2-Chat-72B', 'Gemma-3-4B-it', 'Gemma-3-4B|t', 'Gemini-2.5-Flash', 'Qwen3-235B-A22B'])
  it.each([
    ['Claud极-Instant-1', 'Claude-Instant-1'],
    ['Amazon Nova Lite 1.0 极', 'Amazon Nova Lite 1.0'],
    ['Athene-极耗电-Chat-72B', 'Athene-v2-Chat-72B'],
    ['Athene-v2-Chat-72极', 'Athene-v2-Chat-72B'],
    ['Gemma-3-4B-极t', 'Gemma-3-4B-it']
  ])('repairs the corpus name %s to the one known name it matches', (raw, repaired) => {
    expect(repairName(raw, ctx)).toEqual({ name: repaired, repairs: [{ from: raw, to: repaired, rule: 'corrupted-token' }] })
  })
  it('does not take a translated word for junk (ja corpus names)', () => {
    for (const name of ['Gemini-2.5-Flashプレビュー', 'Qwen3-235B思考', 'Claude Opus 4 (思考)', 'Claude 极客赞助']) expect(repairName(name, ctx).repairs, name).toEqual([])
  })
  it('repairs to a name as it is shown: a known name with a hidden character gives its visible spelling (property test, seed 171503004)', () => {
    // One file spelled the model `\u0000nul`; micromark reads the same NUL in a markdown cell as U+FFFD.
    const withNul = context(['\u0000nul'])
    expect(repairName('\uFFFDnul', withNul)).toEqual({ name: 'nul', repairs: [{ from: '\uFFFDnul', to: 'nul', rule: 'corrupted-token' }] })
    expect(repairName('Claud\u200b极-Instant-1', context(['Claude-\u202eInstant-1'])).name).toBe('Claude-Instant-1')
  })
})
