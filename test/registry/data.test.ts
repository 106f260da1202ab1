import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseRegistryData } from '../../src/registry/data.js'
import { licenseKey, LicenseTable } from '../../src/registry/license.js'
import { OrganizationTable } from '../../src/registry/organization.js'
import { snapshotsDir } from '../helpers.js'

const shipped = readFileSync(path.join(snapshotsDir, 'registry.json'), 'utf8')

describe('registry data file', () => {
  it('the shipped file is valid and every entry says why it holds', () => {
    const { data, messages } = parseRegistryData(shipped)
    expect(messages).toEqual([])
    expect(data.models.length).toBeGreaterThan(0)
    for (const m of data.models) expect(m.note, m.id).toBeTruthy()
    for (const o of data.organizations) expect(o.note, o.name).toBeTruthy()
  })

  it('reports a schema error at the offending value, naming field, expectation and what was found', () => {
    const text = '{\n  "models": [\n    { "id": "Claude 3", "aliases": [] }\n  ]\n}\n'
    const { messages } = parseRegistryData(text)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ line: 3, column: 13, severity: 'error', rule: 'invalid-registry-data' })
    expect(messages[0]!.message).toBe('Invalid `models.0.id`: expected an id `[a-z0-9][a-z0-9.-]*`, found `"Claude 3"`')
  })

  it('refuses a provider prefix the repair rules would ignore: under 3 visible characters', () => {
    const { messages, data } = parseRegistryData('{"providerPrefixes": ["AI", "\u200b", "Zhipu"]}')
    expect(messages.map((m) => [m.rule, m.line, m.column, m.message])).toEqual([
      ['invalid-registry-data', 1, 23, 'Invalid `providerPrefixes.0`: expected a prefix of at least 3 visible characters (a shorter one would cut the start off real names, and is not used), found `"AI"`'],
      ['invalid-registry-data', 1, 29, 'Invalid `providerPrefixes.1`: expected a prefix of at least 3 visible characters (a shorter one would cut the start off real names, and is not used), found `"\\u{200b}"`']
    ])
    expect(data.providerPrefixes).toEqual([])
  })

  it('reports a JSON syntax error at its place and an alias listed twice', () => {
    expect(parseRegistryData('{\n  "models": [,]\n}').messages[0]).toMatchObject({ line: 2, column: 14, rule: 'invalid-registry-data' })
    const twice = parseRegistryData('{"models":[{"id":"a","aliases":["X"]},{"id":"b","aliases":["X"]}]}')
    expect(twice.messages.map((m) => [m.rule, m.line, m.column, m.message])).toEqual([
      ['registry-conflict', 1, 60, 'Unexpected `X` claimed by `a` and `b` (also at 1:33, models.0.aliases.0), expected one model per spelling; neither claim is used']
    ])
    expect(twice.data.models.map((m) => m.aliases)).toEqual([[], []])
    expect(parseRegistryData('{"licences":[]}').messages[0]!.message).toBe(
      'Unexpected field `licences` at the top level, expected only `$comment`, `providerPrefixes`, `models`, `organizations`, `licenses`'
    )
  })
})

describe('licenses', () => {
  const table = new LicenseTable(parseRegistryData(shipped).data.licenses)
  it.each([
    ['Propretary', 'Proprietary'],
    ['Propriétaire', 'Proprietary'],
    ['Propietaria', 'Proprietary'],
    ['Propietariaia', 'Proprietary'],
    ['独自', 'Proprietary'],
    ['独自ライセンス', 'Proprietary'],
    ['プロプライエタリー', 'Proprietary'],
    ['Проприетарная', 'Proprietary'],
    ['Ιδιόκτητο', 'Proprietary'],
    ['專有', 'Proprietary'],
    ['Apache-2.0', 'Apache 2.0'],
    ['Apache 2.0 ライセンス', 'Apache 2.0'],
    ['MITライセンス', 'MIT'],
    ['MIT modifiée', 'Modified MIT'],
    ['変更版 MIT', 'Modified MIT'],
    ['Comunidad Llama 2', 'Llama 2 Community'],
    ['Licence Communauté Llama 3.1', 'Llama 3.1 Community'],
    ['Modelo abierto de Nvidia', 'NVIDIA Open Model'],
    ['Sin fines comerciales', 'Non-commercial'],
    ['非営利利用', 'Non-commercial'],
    ['IA2 ImpACT Faible Risque', 'AI2 ImpACT Low-risk'],
    ['Licencia Gemma', 'Gemma'],
    ['Otros', 'Other']
  ])('%s is %s', (raw, name) => {
    expect(table.resolve(raw).name).toBe(name)
  })

  it('keeps licenses apart that are apart', () => {
    for (const [a, b] of [
      ['Llama 3.1 Community', 'Llama 3.2'],
      ['CC-BY-NC-4.0', 'CC-BY-NC-SA-4.0'],
      ['MIT', 'Modified MIT'],
      ['Proprietary', 'Non-commercial']
    ]) expect(licenseKey(a!)).not.toBe(licenseKey(b!))
  })

  it('groups an unknown license with its spellings under the most used one', () => {
    const t = new LicenseTable([], new Map([['Kimi K3 license', 1], ['Licencia Kimi K3', 3]]))
    expect(t.resolve('Kimi K3 license')).toEqual({ name: 'Licencia Kimi K3', known: false })
  })
})

describe('organizations', () => {
  it('folds case and punctuation by rule and joins what the data file joins', () => {
    const t = new OrganizationTable(parseRegistryData(shipped).data.organizations, new Map([['NexusFlow', 1534], ['Nexusflow', 745], ['Anthropic', 100], ['Anthropic,', 2], ['DeepSeek AI', 2363], ['DeepSeek', 7999]]))
    expect(t.resolve('Nexusflow')).toBe('NexusFlow')
    expect(t.resolve('Anthropic,')).toBe('Anthropic')
    expect(t.resolve('DeepSeek AI')).toBe('DeepSeek')
    expect(t.resolve('Zhipu')).toBe('Zhipu AI')
    expect(t.resolve('Microsoft AI')).toBe('Microsoft AI')
  })
})
