import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectFixture, runFixture } from '../parse/fixture-run.js'

/**
 * CSV fixtures: `test/fixtures/csv/<case>/input.csv` (plus an optional
 * `options.json`: the parse options a store name or `import` would give)
 * next to `expected.json`: snapshots (with each row's cell positions) and
 * diagnostics. A case without `expected.json` fails: run `UPDATE=1 npx
 * vitest run test/csv/fixtures.test.ts` to write it, then review it.
 */
const root = path.join(import.meta.dirname, '../fixtures/csv')
const cases = readdirSync(root)
  .filter((d) => existsSync(path.join(root, d, 'input.csv')))
  .sort()

function run(dir: string) {
  const { parsed, snapshots, diagnostics } = runFixture(dir, 'input.csv')
  return { source: parsed.source, language: parsed.language, layout: parsed.layout ?? null, snapshots: snapshots.map((s) => ({ ...s.snapshot, places: s.places })), diagnostics }
}

describe('CSV fixtures', () => {
  it('has a case for both layouts and every fault', () => {
    expect(cases).toEqual(
      expect.arrayContaining(['export-lmsys-upstream-ranks', 'export-stylectrl-row-positions', 'ratings-many-dates', 'missing-columns', 'bad-numbers', 'ragged-rows', 'formula-cells'])
    )
  })
  for (const name of cases) {
    it(name, () => {
      const dir = path.join(root, name)
      expectFixture(dir, run(dir))
    })
  }
})
