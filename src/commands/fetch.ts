import { seconds } from '../core/text.js'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { utcDate } from '../core/dates.js'
import { inFile } from '../diagnostics/diagnostic.js'
import { report } from '../diagnostics/report.js'
import { decide, type History, type Outcome, type StoredFile } from '../fetch/decide.js'
import { download, type DownloadOptions } from '../fetch/download.js'
import { allReached, formatOutcome, formatSummary } from '../fetch/report.js'
import { parseSources } from '../fetch/sources.js'
import { readStore, StoreError } from '../pipeline/load-site.js'
import { parseRegistryData } from '../registry/data.js'
import { eventsFile, registryFile } from '../store/layout.js'
import { digest } from '../core/digest.js'
import { normaliseContent } from '../store/import.js'
import { cacheOption, UsageError, type Io } from './io.js'
import { writeFileAtomic } from '../write/file.js'

export const usage = `Usage: leaderlog fetch [--sources FILE] [--snapshots DIR] [--timeout MS] [--retries N] [--backoff MS] [--cache DIR] [--dry-run]

Download every page listed in the sources file (default DIR/sources.json),
check it as \`leaderlog check\` would, and store it in DIR (default snapshots/)
when its data date is newer than the newest stored snapshot of its source and
language and it has no errors. Prints one line per page (stored, unchanged,
older, broken, unreachable) and a summary.

  --timeout MS   per attempt, headers and body (default 30000)
  --retries N    extra attempts on network errors, timeouts, truncated bodies
                 and HTTP 5xx, never on 4xx (default 2)
  --backoff MS   wait before the first retry, doubled for each next (default 1000)
  --cache DIR    reuse parse results of the stored history kept in DIR (as
                 \`leaderlog check --cache\`)
  --dry-run      download and check, store nothing

Exits 0 when every page was reached and stored, unchanged or older; 1 when a
page was unreachable or broken (the others are still stored); 2 when the
command cannot run (bad options, unreadable or invalid sources file).`

/** Pages downloaded at the same time. */
const parallel = 4

export async function fetchCommand(argv: string[], io: Io, now: () => number = Date.now): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sources: { type: 'string' },
      snapshots: { type: 'string', default: 'snapshots' },
      timeout: { type: 'string', default: '30000' },
      retries: { type: 'string', default: '2' },
      backoff: { type: 'string', default: '1000' },
      cache: { type: 'string' },
      'dry-run': { type: 'boolean' }
    }
  })
  const options: DownloadOptions = {
    timeout: integer('--timeout', values.timeout!, 1),
    retries: integer('--retries', values.retries!, 0),
    backoff: integer('--backoff', values.backoff!, 0)
  }
  const started = now()
  const today = utcDate(started)
  const sourcesFile = values.sources ?? path.posix.join(values.snapshots!.split(path.sep).join('/'), 'sources.json')
  let text: string
  try {
    text = await readFile(path.resolve(io.cwd, sourcesFile), 'utf8')
  } catch (error) {
    io.stderr.write(`leaderlog fetch: cannot read the sources file ${sourcesFile} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`)
    return 2
  }
  const { sources, messages } = parseSources(text)
  if (messages.length) {
    io.stderr.write(report(inFile(sourcesFile.split(path.sep).join('/'), messages), { color: !!io.stderr.isTTY }))
    return 2
  }

  const storeShownAs = values.snapshots!
  const store = path.resolve(io.cwd, storeShownAs)
  const downloads = await inParallel(sources, parallel, (entry) => download(entry.url, options))
  const storedBySource = new Map<string, History>()
  const outcomes: Outcome[] = []
  for (const [index, entry] of sources.entries()) {
    const got = downloads[index]!
    // The stored history is read (and parsed) once per source, and only for pages that arrived.
    let stored = storedBySource.get(entry.source)
    if (!stored && got.ok) {
      stored = await readSource(store, entry.source, cacheOption(io, values.cache))
      storedBySource.set(entry.source, stored)
    }
    const outcome = decide(entry, got, stored ?? emptyHistory(), today)
    if (outcome.status === 'stored') {
      if (!values['dry-run']) await writeFileAtomic(path.join(store, outcome.target), outcome.content)
      // Later entries of the same source and language see it as stored.
      stored!.files.push(outcome.file)
    }
    outcomes.push(outcome)
    io.stdout.write(formatOutcome(outcome, storeShownAs) + '\n')
  }
  io.stdout.write(formatSummary(outcomes, seconds(now() - started)) + (values['dry-run'] ? ' (dry run: nothing written)' : '') + '\n')
  return allReached(outcomes) ? 0 : 1
}

function integer(flag: string, raw: string, min: number): number {
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new UsageError(`${flag} needs a whole number ≥ ${min}, got \`${raw}\``)
  return Number(raw)
}

/** The stored history of one source, read and checked by the pipeline, with each file's digest. */
async function readSource(store: string, source: string, options: { cache?: string }): Promise<History> {
  const contents = await readStore({ dir: store, shownAs: store }, { sources: [source], ...options }).catch((error) => {
    if (error instanceof StoreError) return undefined
    throw error
  })
  if (!contents) return emptyHistory()
  const files: StoredFile[] = []
  for (const f of contents.files) files.push({ ...f, digest: digest(normaliseContent(await readFile(path.join(store, f.path), 'utf8'))) })
  return { ...contents, files }
}

/** The history of a source the store has no file of. */
function emptyHistory(): History {
  return { files: [], unreadable: [], registry: { path: registryFile, ...parseRegistryData('{}') }, events: { path: eventsFile, events: [], messages: [] } }
}

/** Map with at most `limit` calls in flight; results in input order. */
async function inParallel<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++
      results[index] = await run(items[index]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
