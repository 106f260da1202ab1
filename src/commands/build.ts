import path from 'node:path'
import { parseArgs } from 'node:util'
import { count, formatNumber, seconds } from '../core/text.js'
import { countSeverities, type Diagnostic } from '../diagnostics/diagnostic.js'
import { formatDiagnostic } from '../diagnostics/line.js'
import { buildSiteModel } from '../model/site.js'
import { UNUSED_ENTRY_DAYS } from '../parse/cache.js'
import { analyseStore } from '../pipeline/load-site.js'
import { renderSite } from '../render/site.js'
import { parseBaseUrl, type BaseUrl } from '../render/urls.js'
import { displayPath, isCalendarDate, respell } from '../store/layout.js'
import { isBlocking, isFatal } from '../validate/publishable.js'
import { writeSiteAtomically } from '../write/atomic.js'
import { cacheOption, storeOf, todayOf, UsageError, type Io } from './io.js'
import { boundHeapGrowth, heapWarning, watchHeap } from './heap.js'
import { createProgress } from './progress.js'

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
                  the parser are unchanged (as \`leaderlog check --cache\`; a
                  file whose size, times and inode are those it had when a run
                  read it is not read again); entries no build used for
                  ${UNUSED_ENTRY_DAYS} days are removed

Prints one summary line: files written, snapshots, models, time taken, store files parsed.`

/** The command line, read (its options' types are the ones `build` is given). */
function readArgs(argv: string[]) {
  return parseArgs({
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
}

export async function buildCommand(argv: string[], io: Io, now: () => number = Date.now): Promise<number> {
  const { values, positionals } = readArgs(argv)
  if (positionals.length) throw new UsageError(`Unexpected argument \`${positionals[0]}\``)
  if (values.today !== undefined && !isCalendarDate(values.today)) throw new UsageError(`Invalid --today \`${values.today}\`: expected a date YYYY-MM-DD`)
  let base
  try {
    base = parseBaseUrl(values['base-url'])
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const started = now()
  boundHeapGrowth()
  const heap = watchHeap()
  try {
    return await build(values, base, io, now, started)
  } finally {
    const warning = heapWarning(heap.stop())
    if (warning) io.stderr.write(`${warning}\n`)
  }
}

async function build(values: ReturnType<typeof readArgs>['values'], base: BaseUrl, io: Io, now: () => number, started: number): Promise<number> {
  const store = storeOf(io, values.snapshots)
  const progress = createProgress(io.stderr, now)
  // Pages name store files `snapshots/<file>` however the directory was spelled: two builds
  // of one store are byte-identical from any working directory.
  const site = await analyseStore(store, {
    ...cacheOption(io, values.cache),
    prune: true,
    today: todayOf(values.today, now),
    display: (relative) => displayPath('snapshots', relative),
    onProgress: (done, total) => progress.update(done, total, 'snapshots read')
  })
  const { errors, warnings } = countSeverities(site.diagnostics)
  progress.finish()
  const shown = (d: Diagnostic): Diagnostic => ({ ...d, file: respell(d.file, store.shownAs) })
  const fatal = site.diagnostics.filter(isFatal)
  if (fatal.length) {
    // A broken registry data file, or a registry that contradicts itself, would publish other ids: other URLs.
    io.stderr.write(await fullReport(fatal.map(shown), !!io.stderr.isTTY))
    io.stderr.write(`leaderlog build: ${count(fatal.length, 'error')} in the registry (its data file, or models it cannot tell apart): nothing written, ${values.out} left as it was\n`)
    return 1
  }
  if (values.strict && errors > 0) {
    io.stderr.write(await fullReport(site.diagnostics.filter((d) => d.severity === 'error').map(shown), !!io.stderr.isTTY))
    io.stderr.write(`leaderlog build: ${count(errors, 'error')} (--strict): nothing written, ${values.out} left as it was\n`)
    return 1
  }
  for (const file of [...site.blocked].sort()) {
    const first = site.diagnostics.find((d) => d.file === file && isBlocking(d))!
    io.stderr.write(`${formatDiagnostic(shown(first))}\n  → not published\n`)
  }
  if (errors || warnings) {
    io.stderr.write(`Found ${count(errors, 'error')} and ${count(warnings, 'warning')} in the snapshots (\`leaderlog check\` lists them; the site's data-quality page shows them)${site.blocked.size ? `; ${count(site.blocked.size, 'file')} not published` : ''}\n`)
  }

  const model = buildSiteModel({ ...site, today: values.today })
  const rendered = renderSite(model, { base, registry: site.normalized.registry })
  const written = await writeSiteAtomically(path.resolve(io.cwd, values.out), rendered.files, {
    protect: [io.cwd, store.dir],
    total: rendered.total,
    onProgress: (done, all) => progress.update(done, all, 'files written')
  }).finally(() => progress.finish())
  const snapshots = model.boards.reduce((n, b) => n + b.snapshots.length, 0)
  // Files already there (kept by key, or their bytes unchanged): how much of the site this build did not write again.
  const unchanged = written.unchanged ? `; ${formatNumber(written.unchanged)} unchanged` : ''
  // How many store files this build parsed: the others' results came from the cache (a daily log shows it was restored).
  const parsed = `${formatNumber(site.read.parsed)} of ${count(site.read.files, 'store file')} parsed`
  io.stdout.write(`Wrote ${count(written.files, 'file')} (${count(snapshots, 'snapshot')}, ${count(model.models.length, 'model')}${unchanged}) in ${seconds(now() - started)} s, ${parsed}\n`)
  return 0
}

/** The terminal report of `diagnostics` (`report.ts`), its reporter loaded only when a build stops on errors. */
async function fullReport(diagnostics: readonly Diagnostic[], color: boolean): Promise<string> {
  const { report } = await import('../diagnostics/report.js')
  return report(diagnostics, { color })
}
