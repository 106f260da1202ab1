import { parseArgs } from 'node:util'
import { count, seconds } from '../core/text.js'
import { countSeverities } from '../diagnostics/diagnostic.js'
import { report } from '../diagnostics/report.js'
import { loadSite } from '../pipeline/load-site.js'
import { cacheOption, storeOf, todayOf, type Io } from './io.js'

export const usage = `Usage: leaderlog check [--snapshots DIR] [--strict] [--cache DIR] [--today DATE]

Parse and validate every snapshot under DIR (default snapshots/), with the
checks across files and the registry, exactly as \`leaderlog build\` does.
Prints every problem by file (line:column, severity, message, rule) and a
summary. Exits 1 when there is an error (with --strict, also a warning), else 0.
With --cache, parse results are kept in DIR and reused while the file and
the parser are unchanged. A data date after --today (default: the day of the
run, UTC) plus one day is an error.`

export async function checkCommand(argv: string[], io: Io, now: () => number = Date.now): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { snapshots: { type: 'string', default: 'snapshots' }, strict: { type: 'boolean' }, cache: { type: 'string' }, today: { type: 'string' } } })
  const started = now()
  const site = await loadSite(storeOf(io, values.snapshots!), { ...cacheOption(io, values.cache), today: todayOf(values.today, now) })
  io.stdout.write(report(site.diagnostics, { color: !!io.stdout.isTTY }))
  const { errors, warnings } = countSeverities(site.diagnostics)
  const snapshots = site.checked.flatMap((f) => f.result.snapshots.filter((s) => s.date))
  const rows = snapshots.reduce((n, s) => n + s.rows.length, 0)
  io.stdout.write(
    `Checked ${count(site.checked.length, 'file')} (${count(snapshots.length, 'snapshot')}, ${count(rows, 'row')}): ${count(errors, 'error')}, ${count(warnings, 'warning')} in ${seconds(now() - started)} s\n`
  )
  return errors > 0 || (values.strict && warnings > 0) ? 1 : 0
}
