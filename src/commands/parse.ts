import { count } from '../core/text.js'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { inFile, message, sortDiagnostics, START, type Diagnostic } from '../diagnostics/diagnostic.js'
import { report } from '../diagnostics/report.js'
import { publicSnapshot, type Snapshot } from '../schema/snapshot.js'
import { checkStoreFile } from '../pipeline/check-file.js'
import { parseStorePath } from '../store/layout.js'
import { sourceInfo, sourceIds } from '../core/sources.js'
import { parsePage } from '../parse/index.js'
import { looksLikeCsv } from '../parse/csv/index.js'
import { dateIn } from '../store/import.js'
import { validateSnapshot } from '../validate/snapshot.js'
import { UsageError, type Io } from './io.js'

export const usage = `Usage: leaderlog parse FILE… [--source ID] [--json] [--snapshots DIR]

Parse captured pages and print what was understood. A file inside the store
(DIR, default snapshots/) is read under the store convention; any other file is
recognised by its content, or by --source (${sourceIds.join(', ')}). A CSV
export outside the store is dated by a date in its file name.
Exits 0 whenever every file could be read.`

export interface FileReport {
  file: string
  snapshots: Snapshot[]
  diagnostics: Diagnostic[]
}

export async function parseCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { source: { type: 'string' }, json: { type: 'boolean' }, snapshots: { type: 'string', default: 'snapshots' } }
  })
  if (positionals.length === 0) throw new UsageError('parse needs at least one FILE')
  if (values.source && !sourceInfo(values.source)) throw new UsageError(`unknown source \`${values.source}\`; known: ${sourceIds.join(', ')}`)
  const store = path.resolve(io.cwd, values.snapshots!)
  const reports: FileReport[] = []
  let unreadable = 0
  for (const file of positionals) {
    const absolute = path.resolve(io.cwd, file)
    let content: string
    try {
      content = await readFile(absolute, 'utf8')
    } catch (error) {
      unreadable++
      reports.push({ file, snapshots: [], diagnostics: inFile(file, [message('unreadable-file', START, { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message })]) })
      continue
    }
    const relative = path.relative(store, absolute).split(path.sep).join('/')
    const inStore = !relative.startsWith('..') && !path.isAbsolute(relative) && parseStorePath(relative) !== undefined
    let snapshots: Snapshot[]
    let messages
    if (inStore && !values.source) {
      const checked = checkStoreFile(relative, content)
      snapshots = checked.result.snapshots
      messages = checked.result.messages
    } else {
      // A CSV export holds no date: outside the store it is known by a date in its file name.
      const date = looksLikeCsv(content) ? dateIn(path.basename(file)) : undefined
      const parsed = parsePage(content, { ...(values.source ? { source: values.source } : {}), ...(date ? { fallbackDate: date } : {}) })
      messages = [...parsed.messages]
      snapshots = []
      for (const s of parsed.snapshots) {
        const checked = validateSnapshot(s)
        messages.push(...checked.messages)
        snapshots.push(checked.snapshot)
      }
    }
    reports.push({ file, snapshots: snapshots.map(publicSnapshot), diagnostics: sortDiagnostics(inFile(file, messages)) })
  }
  if (values.json) {
    io.stdout.write(JSON.stringify({ files: reports }, null, 2) + '\n')
  } else {
    for (const file of reports) {
      io.stdout.write(`${file.file}\n`)
      for (const s of file.snapshots) {
        io.stdout.write(`  ${s.board} ${s.date}${s.updatedAt && s.updatedAt.length > 10 ? ` (${s.updatedAt})` : ''} [${s.language}]: ${count(s.rows.length, 'row')}\n`)
        for (const row of s.rows.slice(0, 3)) io.stdout.write(`    ${row.rank}. ${row.name}${row.score !== undefined ? ` ${row.score}` : ''}${row.preliminary ? ' (preliminary)' : ''}\n`)
        if (s.rows.length > 3) io.stdout.write(`    …\n`)
      }
      if (file.snapshots.length === 0) io.stdout.write('  no snapshot\n')
    }
    const all = reports.flatMap((r) => r.diagnostics)
    if (all.length) io.stdout.write('\n' + report(all, { color: !!io.stdout.isTTY }))
  }
  return unreadable > 0 ? 1 : 0
}
