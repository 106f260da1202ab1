import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectFixture, runFixture } from './fixture-run.js'

/**
 * Fixture tests: `test/fixtures/parse/<case>/input.md` (plus an optional
 * `options.json`) next to `expected.json` (rows and diagnostics). A missing
 * expectation fails the case; `UPDATE=1` writes (or rewrites) them, to be
 * reviewed by hand before they are committed.
 */
const root = path.join(import.meta.dirname, '../fixtures/parse')
const cases = readdirSync(root).filter((d) => existsSync(path.join(root, d, 'input.md'))).sort()

function run(dir: string) {
  const { parsed, snapshots, diagnostics } = runFixture(dir, 'input.md')
  return { source: parsed.source, language: parsed.language, snapshots: snapshots.map((s) => s.snapshot), diagnostics }
}

describe('parse fixtures', () => {
  it('has a case for every format and anomaly', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30)
  })
  for (const name of cases) {
    it(name, () => {
      const dir = path.join(root, name)
      expectFixture(dir, run(dir))
    })
  }
})
