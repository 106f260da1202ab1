import { stat } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { countSeverities, formatDiagnostic } from '../diagnostics/diagnostic.js'
import { blockedFiles, isBlocking } from '../validate/publishable.js'
import { buildSiteModel } from '../model/site.js'
import { loadRegistryData, normalize } from '../registry/index.js'
import { renderSite } from '../render/site.js'
import { parseBaseUrl } from '../render/urls.js'
import { isCalendarDate } from '../store/layout.js'
import { cachedParser } from '../parse/cache.js'
import { parsePage } from '../parse/index.js'
import { checkFile } from '../store/check.js'
import { discover } from '../store/discover.js'
import { displayPath, loadStore } from '../store/load.js'
import { writeSiteAtomically } from '../write/atomic.js'
import { createProgress } from './progress.js'
import { plural, seconds, UsageError, type Io } from './io.js'

export const usage = `Usage: leaderlog build [--snapshots DIR] [--out DIR] [--base-url URL] [--today DATE] [--strict] [--cache DIR]

Build the static site from the snapshot store DIR (default snapshots/) into
--out (default dist/). The site is written beside the output directory and
swapped in at the end: a failed build leaves the previous one untouched.

  --base-url URL  where the site is served: a path (/leaderlog/) or a full URL
                  (https://user.github.io/leaderlog/); the feed and the sitemap
                  need a full URL for absolute links. Default: /
  --today DATE    reference date (YYYY-MM-DD) for stale-board warnings;
                  default: the newest data date in the store
  --strict        fail (exit 1, nothing written) when a snapshot has an error;
                  by default bad snapshots are reported and left out
  --cache DIR     keep parse results in DIR and reuse them while the file and
                  the parser are unchanged (as \`leaderlog check --cache\`)

Prints one summary line: files written, snapshots, models, time taken.`

export async function buildCommand(argv: string[], io: Io, now: () => number = Date.now): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      snapshots: { type: 'string', default: 'snapshots' },
      out: { type: 'string', default: 'dist' },
      'base-url': { type: 'string' },
      today: { type: 'string' },
      strict: { type: 'boolean' },
      cache: { type: 'string' }
    }
  })
  if (positionals.length) throw new UsageError(`Unexpected argument \`${positionals[0]}\``)
  if (values.today !== undefined && !isCalendarDate(values.today)) throw new UsageError(`Invalid --today \`${values.today}\`: expected a date YYYY-MM-DD`)
  let base
  try {
    base = parseBaseUrl(values['base-url'])
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const started = now()
  const dir = values.snapshots!
  const storeDir = path.resolve(io.cwd, dir)
  // A mistyped --snapshots must not replace the site with an empty one.
  const isDir = await stat(storeDir).then(
    (s) => s.isDirectory(),
    () => false
  )
  if (!isDir) throw new Error(`Cannot read snapshots from ${dir}: no such directory`)
  const parse = values.cache ? cachedParser(path.resolve(io.cwd, values.cache)) : parsePage
  const progress = createProgress(io.stderr, now)
  const total = await discover(storeDir).then(
    (files) => files.length,
    () => 0
  )
  let read = 0
  const store = await loadStore(storeDir, dir, (relative, content) => {
    progress.update(++read, total, 'snapshots read')
    return checkFile(relative, content, parse)
  }).catch((error: Error) => {
    throw new Error(`Cannot read snapshots from ${dir}: ${error.message}`)
  })
  const registryData = await loadRegistryData(storeDir, dir)
  const blocked = blockedFiles(store.diagnostics)
  const normalized = normalize(
    store.snapshots.filter((s) => !blocked.has(s.file)),
    registryData.data
  )
  const registryDiagnostics = [...registryData.diagnostics, ...normalized.diagnostics]
  const all = [...store.diagnostics, ...registryDiagnostics]
  const { errors, warnings } = countSeverities(all)

  if (values.strict && errors > 0) {
    progress.finish()
    for (const d of all) if (d.severity === 'error') io.stderr.write(formatDiagnostic(d) + '\n')
    io.stderr.write(`leaderlog build: ${plural(errors, 'error')} (--strict): nothing written, ${values.out} left as it was\n`)
    return 1
  }
  progress.finish()
  for (const file of [...blocked].sort()) {
    const first = store.diagnostics.find((d) => d.file === file && isBlocking(d))!
    io.stderr.write(`${formatDiagnostic(first)}\n  → not published\n`)
  }
  if (errors || warnings) {
    io.stderr.write(`Found ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in the snapshots (\`leaderlog check\` lists them; the site's data-quality page shows them)${blocked.size ? `; ${plural(blocked.size, 'file')} not published` : ''}\n`)
  }

  const site = buildSiteModel({
    normalized: { ...normalized, diagnostics: registryDiagnostics },
    diagnostics: store.diagnostics,
    files: store.files.map((f) => ({
      file: displayPath(dir, f.path),
      snapshots: f.result.snapshots.filter((s) => s.date).map((s) => ({ board: s.board, date: s.date }))
    })),
    blocked,
    today: values.today
  })
  const files = renderSite(site, { base, registry: normalized.registry, onProgress: (done, all) => progress.update(done, all, 'pages rendered') })
  await writeSiteAtomically(path.resolve(io.cwd, values.out!), files, [io.cwd, storeDir], (done, all) => progress.update(done, all, 'files written')).finally(() =>
    progress.finish()
  )
  const snapshots = site.boards.reduce((n, b) => n + b.snapshots.length, 0)
  io.stdout.write(`Wrote ${plural(files.length, 'file')} (${plural(snapshots, 'snapshot')}, ${plural(site.models.length, 'model')}) in ${seconds(now() - started)} s\n`)
  return 0
}
