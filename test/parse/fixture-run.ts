import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { expect } from 'vitest'
import path from 'node:path'
import { sortDiagnostics } from '../../src/diagnostics/diagnostic.js'
import { parsePage, type ParseOptions } from '../../src/parse/index.js'
import { publicSnapshot } from '../../src/schema/snapshot.js'
import { validateSnapshot } from '../../src/validate/snapshot.js'

/**
 * A fixture case parsed and validated as the store would: `<dir>/<input>` with
 * the parse options of `<dir>/options.json` when there is one; each snapshot
 * in its public shape beside its cells' positions, and every diagnostic of
 * both stages, sorted.
 */
export function runFixture(dir: string, input: string) {
  const optionsFile = path.join(dir, 'options.json')
  const options: ParseOptions = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {}
  const parsed = parsePage(readFileSync(path.join(dir, input), 'utf8'), options)
  const messages = [...parsed.messages]
  const snapshots = parsed.snapshots.map((s) => {
    const checked = validateSnapshot(s)
    messages.push(...checked.messages)
    return { snapshot: publicSnapshot(checked.snapshot), places: checked.snapshot.places }
  })
  return { parsed, snapshots, diagnostics: sortDiagnostics(messages) }
}

/**
 * `actual` against the case's `expected.json`. A missing expectation fails the
 * case; `UPDATE=1` writes (or rewrites) it, to be reviewed by hand before it is
 * committed.
 */
export function expectFixture(dir: string, actual: unknown): void {
  const expectedFile = path.join(dir, 'expected.json')
  if (process.env.UPDATE) writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n')
  expect(existsSync(expectedFile), `${path.basename(dir)}/expected.json is missing: write it with UPDATE=1 and review it`).toBe(true)
  expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')))
}
