import { count } from '../core/text.js'
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs, promisify } from 'node:util'
import { discover } from '../store/discover.js'
import { dateIn, planImport, type Capture } from '../store/import.js'
import { archiveIds, archiveInfo } from '../core/archives.js'
import { sourceInfo, sourceIds } from '../core/sources.js'
import { isCalendarDate } from '../store/layout.js'
import { writeFileAtomic } from '../write/file.js'
import { UsageError, type Io } from './io.js'

const run = promisify(execFile)

export const usage = `Usage: leaderlog import --source ID FILE… [--snapshots DIR] [--language TAG] [--force]
       leaderlog import --source ID --git REPO --path PATH [--snapshots DIR] [--language TAG] [--force]
       CSV captures also take [--format csv|markdown] [--archive ID] [--date YYYY-MM-DD]

Copy raw captures into the store as <source>/<date>.<lang>.md, named by the
data date and language written inside them. With --git, every version of PATH
in REPO's history is a capture (PATH relative to REPO, which may be a folder
inside the repository). Of several captures of one date the best is
kept (no errors, then latest); identical content is skipped; a different
stored snapshot is never overwritten without --force.

A CSV capture (recognised by its header, or --format csv) is stored as
<source>/<date>.en-x-<archive>.csv, its archive (${archiveIds.join(', ')}) recognised
by its header or told by --archive. A file with a date column is cut into
one store file per date; an export is dated by --date, else by a date in its
file name (2024-06-19_3792cf0.csv), else (--git) by the version in its commit
message or the commit's day (UTC).`

export async function importCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      source: { type: 'string' },
      git: { type: 'string' },
      path: { type: 'string' },
      snapshots: { type: 'string', default: 'snapshots' },
      language: { type: 'string' },
      force: { type: 'boolean' },
      format: { type: 'string' },
      archive: { type: 'string' },
      date: { type: 'string' }
    }
  })
  if (!values.source) throw new UsageError('import needs --source')
  if (!sourceInfo(values.source)) throw new UsageError(`unknown source \`${values.source}\`; known: ${sourceIds.join(', ')}`)
  if (values.git && !values.path) throw new UsageError('--git needs --path (the file whose history to import)')
  if (!values.git && positionals.length === 0) throw new UsageError('import needs FILE… or --git REPO --path PATH')
  if (values.format !== undefined && values.format !== 'csv' && values.format !== 'markdown') throw new UsageError(`unknown format \`${values.format}\`; known: csv, markdown`)
  if (values.archive !== undefined && !archiveInfo(values.archive)) throw new UsageError(`unknown archive \`${values.archive}\`; known: ${archiveIds.join(', ')}`)
  if (values.date !== undefined && !isCalendarDate(values.date)) throw new UsageError(`invalid --date \`${values.date}\`: expected a date YYYY-MM-DD`)
  const captures = values.git ? await gitCaptures(path.resolve(io.cwd, values.git), values.path!) : await fileCaptures(positionals, io.cwd)
  const store = path.resolve(io.cwd, values.snapshots!)
  const decisions = planImport(captures.ok, await readExisting(store, values.source), {
    source: values.source,
    ...(values.language ? { language: values.language } : {}),
    ...(values.force ? { force: true } : {}),
    ...(values.format ? { format: values.format as 'csv' | 'markdown' } : {}),
    ...(values.archive ? { archive: values.archive } : {}),
    ...(values.date ? { date: values.date } : {})
  })
  let added = 0
  let skipped = captures.gone.length
  let refused = captures.failed.length
  for (const failure of captures.failed) io.stdout.write(`refused  ${failure.label}: ${failure.reason}\n`)
  for (const gone of captures.gone) io.stdout.write(`skipped  ${gone}: the file is deleted in this commit\n`)
  for (const d of decisions) {
    if (d.action === 'add') {
      await writeFileAtomic(path.join(store, d.target), d.content)
      added++
      io.stdout.write(`${d.overwrite ? 'replaced' : 'added   '} ${values.snapshots}/${d.target} from ${d.capture.label}${d.errors ? ` (${count(d.errors, 'error')}: see leaderlog check)` : ''}\n`)
    } else if (d.action === 'skip') {
      skipped++
      io.stdout.write(`skipped  ${d.capture.label}: ${d.reason}\n`)
    } else {
      refused++
      io.stdout.write(`refused  ${d.capture.label}${d.target ? ` → ${values.snapshots}/${d.target}` : ''}: ${d.reason}\n`)
    }
  }
  io.stdout.write(`Imported ${count(added, 'snapshot')}, skipped ${skipped}, refused ${refused}\n`)
  // A refused capture is a problem with the input, from files or from git alike: what could be stored is, and the run fails.
  return refused > 0 ? 1 : 0
}

/** The stored snapshots of `source`, by store path. */
async function readExisting(store: string, source: string): Promise<Map<string, string>> {
  const map = new Map<string, string>()
  const files = await discover(path.join(store, source)).catch(() => [] as string[])
  for (const f of files) map.set(`${source}/${f}`, await readFile(path.join(store, source, f), 'utf8'))
  return map
}

interface Captures {
  ok: Capture[]
  /** Captures that cannot be read: refused. */
  failed: { label: string; reason: string }[]
  /** Versions of a git history where the file is deleted: no capture, nothing wrong. */
  gone: string[]
}

async function fileCaptures(files: readonly string[], cwd: string): Promise<Captures> {
  const ok: Capture[] = []
  const failed: { label: string; reason: string }[] = []
  for (const [order, file] of files.entries()) {
    try {
      const date = dateIn(path.basename(file))
      ok.push({ label: file, content: await readFile(path.resolve(cwd, file), 'utf8'), order, ...(date ? { date } : {}) })
    } catch (error) {
      failed.push({ label: file, reason: `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` })
    }
  }
  return { ok, failed, gone: [] }
}

/** What git said when a command failed: the first line of its stderr (`fatal: not a git repository …`), not the command line that failed. */
function gitSaid(error: unknown): string {
  return String((error as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0] || (error as Error).message.split('\n')[0]!
}

/** Every version of `file` in the repository's history, oldest first. */
async function gitCaptures(repo: string, file: string): Promise<Captures> {
  let log: string
  try {
    log = (await run('git', ['-C', repo, 'log', '--format=%H%x09%cI%x09%s', '--reverse', '--', file], { maxBuffer: 64 * 1024 * 1024 })).stdout
  } catch (error) {
    throw new Error(`Cannot read the history of \`${file}\` in ${repo}: ${gitSaid(error)}`)
  }
  const commits = log
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'))
  if (commits.length === 0) throw new Error(`Cannot import \`${file}\` from ${repo}: no commit in its history has that path, expected a path relative to ${repo}`)
  // \`<commit>:./<path>\` is relative to REPO, as \`git log -- <path>\` is: REPO may be a folder inside the repository.
  const spec = file.startsWith('./') || file.startsWith('../') ? file : `./${file}`
  const ok: Capture[] = []
  const failed: { label: string; reason: string }[] = []
  const gone: string[] = []
  for (const [order, [sha = '', time = '', subject = '']] of commits.entries()) {
    const label = `${sha.slice(0, 7)}:${file}`
    // The version a commit names (`update csv outputs to version 2024.06.19`), else the commit's day in UTC.
    const date = dateIn(subject) ?? (Number.isNaN(Date.parse(time)) ? undefined : new Date(time).toISOString().slice(0, 10))
    try {
      const { stdout } = await run('git', ['-C', repo, 'show', `${sha}:${spec}`], { maxBuffer: 64 * 1024 * 1024 })
      ok.push({ label, content: stdout, order, ...(date ? { date } : {}) })
    } catch (error) {
      const said = gitSaid(error)
      // Deleted in this commit: git says the path does not exist in it. Anything else is a version not read.
      if (/does not exist in|exists on disk, but not in/.test(said)) gone.push(label)
      else failed.push({ label, reason: (error as { code?: unknown }).code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER' ? 'this version is larger than 64 MB' : `git could not read this version: ${said}` })
    }
  }
  return { ok, failed, gone }
}
