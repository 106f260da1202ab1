import path from 'node:path'
import { parseArgs } from 'node:util'
import { countSeverities, formatDiagnostic } from '../diagnostics/diagnostic.js'
import { cachedParser } from '../parse/cache.js'
import { parsePage } from '../parse/index.js'
import { checkFile } from '../store/check.js'
import { loadStore } from '../store/load.js'
import { plural, seconds, type Io } from './io.js'

export const usage = `Usage: leaderlog check [--snapshots DIR] [--strict] [--cache DIR]

Parse and validate every snapshot under DIR (default snapshots/). Prints one
line per problem (path:line:column: severity message [rule]) and a summary.
Exits 1 when there is an error (with --strict, also a warning), else 0.
With --cache, parse results are kept in DIR and reused while the file and
the parser are unchanged.`

export async function checkCommand(argv: string[], io: Io, now: () => number = Date.now): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { snapshots: { type: 'string', default: 'snapshots' }, strict: { type: 'boolean' }, cache: { type: 'string' } } })
  const started = now()
  const dir = values.snapshots!
  const parse = values.cache ? cachedParser(path.resolve(io.cwd, values.cache)) : parsePage
  const store = await loadStore(path.resolve(io.cwd, dir), dir, (relative, content) => checkFile(relative, content, parse)).catch((error: Error) => {
    throw new Error(`Cannot read snapshots from ${dir}: ${error.message}`)
  })
  for (const d of store.diagnostics) io.stdout.write(formatDiagnostic(d) + '\n')
  const { errors, warnings } = countSeverities(store.diagnostics)
  const rows = store.snapshots.reduce((n, s) => n + s.snapshot.rows.length, 0)
  io.stdout.write(
    `Checked ${plural(store.files.length, 'file')} (${plural(store.snapshots.length, 'snapshot')}, ${plural(rows, 'row')}): ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${seconds(now() - started)} s\n`
  )
  return errors > 0 || (values.strict && warnings > 0) ? 1 : 0
}
