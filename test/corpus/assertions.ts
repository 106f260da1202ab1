import { expect } from 'vitest'
import { countSeverities } from '../../src/diagnostics/diagnostic.js'
import type { VersionResult } from './run.js'

/** Every version yields rows or a named anomaly (an error with a rule id), and nothing crashes. */
export function expectRowsOrAnomaly(results: readonly VersionResult[]): void {
  const crashes = results.filter((r) => r.crash).map((r) => `${r.file}: ${r.crash}`)
  expect(crashes).toEqual([])
  const silent = results.filter((r) => r.rows === 0 && countSeverities(r.messages).errors === 0).map((r) => r.file)
  expect(silent).toEqual([])
  for (const r of results) for (const m of r.messages) expect(m.rule).toMatch(/^[a-z]+(-[a-z]+)*$/)
}
