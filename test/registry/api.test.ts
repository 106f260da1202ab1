import { describe, expect, it } from 'vitest'
import * as registry from '../../src/registry/index.js'

describe('registry public API', () => {
  it('exports the normalize stage and its parts', () => {
    expect(Object.keys(registry).sort()).toEqual([
      'LicenseTable',
      'OrganizationTable',
      'RegistryDataSchema',
      'emptyData',
      'idPattern',
      'languageOrder',
      'licenseKey',
      'nameKey',
      'normalize',
      'parseRegistryData',
      'reconcile',
      'repairContext',
      'repairName',
      'repairRules',
      'suggest'
    ])
    expect(Object.keys(registry.repairRules)).toEqual(['hidden-characters', 'corrupted-token', 'glued-provider-prefix', 'glued-suffix', 'translated-variant', 'renamed'])
  })

  it('folds names into ids that keep dots, pluses and other scripts apart', () => {
    expect(registry.nameKey('Llama 3 70B Instruct')).toBe(registry.nameKey('Llama-3-70B-Instruct'))
    expect(registry.nameKey('GPT-4o (08/06)')).toBe('gpt-4o-08-06')
    expect(registry.nameKey('claude-3.5-sonnet')).not.toBe(registry.nameKey('claude-3-5-sonnet'))
    expect(registry.nameKey('Command R+ (08-2024)')).toBe('command-r-plus-08-2024')
    expect(registry.nameKey('Qwen3-235B思考')).not.toBe(registry.nameKey('Qwen3-235B指示'))
    expect(registry.nameKey('Qwen3-235B思考')).toMatch(registry.idPattern)
    expect(registry.nameKey('文心一言')).toMatch(/^m-[0-9a-f]{8}$/)
  })
})
