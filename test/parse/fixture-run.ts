import { existsSync, readFileSync } from 'node:fs'
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
