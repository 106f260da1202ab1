import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js'
import { buildQuality } from '../../src/model/quality.js'

const diagnostic = (file: string, rule: string, severity: 'error' | 'warning' = 'warning'): Diagnostic => ({ file, line: 2, column: 1, severity, rule, message: `${rule} in ${file}` }) as Diagnostic

describe('the data-quality report', () => {
  const quality = buildQuality({
    diagnostics: [diagnostic('snapshots/lmarena-text/2024-07-31.en-x-exports.csv', 'duplicate-model'), diagnostic('snapshots/lmarena-text/2025-07-10.en.md', 'ragged-row', 'error')],
    files: [
      { file: 'snapshots/lmarena-text/2024-07-31.en-x-exports.csv', snapshots: [{ board: 'lmarena-text', date: '2024-07-31' }] },
      { file: 'snapshots/lmarena-text/2025-07-10.en.md', snapshots: [{ board: 'lmarena-text', date: '2025-07-10' }] }
    ],
    blocked: new Set(),
    models: [],
    disagreements: [],
    registryDiagnostics: [
      diagnostic('snapshots/lmarena-text/2025-07-10.en.md', 'variant-column-disagreement', 'error'),
      diagnostic('snapshots/lmarena-text/2024-07-31.en-x-ratings.csv', 'variant-disagreement'),
      diagnostic('snapshots/registry.json', 'registry-conflict', 'error')
    ]
  })
  const part = (month: string) => quality.parts.find((p) => p.source === 'lmarena-text' && p.month === month)!

  it('files archive captures (.csv) under their source and month, like pages', () => {
    expect(quality.parts.map((p) => `${p.source} ${p.month}`)).toEqual(['lmarena-text 2024-07', 'lmarena-text 2025-07'])
    expect(part('2024-07').files.map((f) => f.file)).toEqual(['snapshots/lmarena-text/2024-07-31.en-x-exports.csv'])
  })

  it('puts findings across files on their part page; only what belongs to no file stays on the index', () => {
    expect(part('2025-07').registry.map((d) => d.rule)).toEqual(['variant-column-disagreement'])
    expect(part('2025-07').counts.errors).toBe(2)
    // A variant disagreement is listed as a disagreement, not twice.
    expect(part('2024-07').registry).toEqual([])
    expect(quality.registryDiagnostics.map((d) => d.rule)).toEqual(['registry-conflict'])
    expect(quality.counts.errors).toBe(3)
  })

  it('counts what its parts and its own registry list show: the parts and the index add up to the totals', () => {
    const sum = (key: 'errors' | 'warnings') => quality.parts.reduce((n, p) => n + p.counts[key], 0) + quality.registryDiagnostics.filter((d) => d.severity === key.slice(0, -1)).length
    expect([quality.counts.errors, quality.counts.warnings]).toEqual([sum('errors'), sum('warnings')])
    // The variant disagreement is not a warning counted beside the disagreement it is.
    expect(quality.counts.warnings).toBe(1)
  })
})
