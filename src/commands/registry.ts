import { parseArgs } from 'node:util'
import { count, seconds } from '../core/text.js'
import { countSeverities } from '../diagnostics/diagnostic.js'
import { report } from '../diagnostics/report.js'
import { loadSite } from '../pipeline/load-site.js'
import { suggest } from '../registry/suggest.js'
import { modelsJson } from '../render/data.js'
import { isFatal } from '../validate/publishable.js'
import { cacheOption, storeOf, todayOf, UsageError, type Io } from './io.js'

export const usage = `Usage: leaderlog registry [--snapshots DIR] [--json] [--cache DIR]
       leaderlog registry suggest [--snapshots DIR] [--json] [--min SIMILARITY] [--cache DIR]

Reconcile every snapshot under DIR (default snapshots/) into one model
registry, using DIR/registry.json (the maintainers' data file) when present.
With --json, prints {"models":[…]}: the same data as dist/data/models.json.

\`registry suggest\` lists likely-same models that are not linked yet (similar
names, same organization, never in one snapshot), with the evidence, for a
maintainer to add to DIR/registry.json. --min sets the name similarity
(0–1, default 0.6).

Reads the store through the same pipeline as \`leaderlog check\` and \`build\`.
Exits 1 when the data file is broken, else 0.`

export async function registryCommand(argv: string[], io: Io, now: () => number = Date.now): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { snapshots: { type: 'string', default: 'snapshots' }, json: { type: 'boolean' }, min: { type: 'string' }, cache: { type: 'string' } }
  })
  const [sub, ...extra] = positionals
  if (extra.length > 0 || (sub !== undefined && sub !== 'suggest')) throw new UsageError(`unexpected \`${positionals.join(' ')}\`; the only subcommand is \`suggest\``)
  if (values.min !== undefined && sub !== 'suggest') throw new UsageError('--min goes with `registry suggest`')
  const minimum = values.min === undefined ? 0.6 : Number(values.min)
  if (!(minimum > 0 && minimum <= 1)) throw new UsageError(`--min expects a similarity between 0 and 1, found \`${values.min}\``)

  const started = now()
  const site = await loadSite(storeOf(io, values.snapshots!), { ...cacheOption(io, values.cache), today: todayOf(undefined, now) })
  const { registry, snapshots, disagreements } = site.normalized
  const fatal = site.diagnostics.filter(isFatal)
  io.stderr.write(report(fatal, { color: !!io.stderr.isTTY }))
  const { errors, warnings } = countSeverities(site.diagnostics)
  if (!values.json && errors + warnings > fatal.length) {
    io.stderr.write(`Found ${count(errors, 'error')} and ${count(warnings, 'warning')} in the store (\`leaderlog check\` lists them)\n`)
  }
  const code = fatal.length > 0 ? 1 : 0

  if (sub === 'suggest') {
    const suggestions = suggest(site.normalized, minimum)
    if (values.json) {
      io.stdout.write(JSON.stringify({ suggestions }, null, 2) + '\n')
      return code
    }
    for (const s of suggestions) {
      io.stdout.write(`${s.ids[0]}  ~  ${s.ids[1]}\n  ${JSON.stringify(s.names[0])} / ${JSON.stringify(s.names[1])}\n  ${s.evidence.join('; ')}\n`)
    }
    io.stdout.write(`${count(suggestions.length, 'suggestion')} among ${count(registry.models.length, 'model')} in ${seconds(now() - started)} s\n`)
    return code
  }

  if (values.json) {
    io.stdout.write(modelsJson(registry))
    return code
  }
  for (const m of registry.models) {
    const facts = [m.organization, m.license].filter(Boolean).join(', ')
    io.stdout.write(`${m.id}  ${m.name}${facts ? ` (${facts})` : ''}  ${Object.keys(m.boards).join(' ')}\n`)
    for (const r of m.repairs) io.stdout.write(`  repaired ${JSON.stringify(r.from)} → ${JSON.stringify(r.to)} [${r.rule}]\n`)
  }
  for (const r of site.normalized.organizationRenames) {
    io.stdout.write(`organization ${JSON.stringify(r.from)} → ${JSON.stringify(r.to)}: ${count(r.models.length, 'model')} credited to ${r.from} until ${r.until}, to ${r.to} from ${r.since} on [renamed]\n`)
  }
  const aliases = registry.models.reduce((n, m) => n + m.aliases.length, 0)
  const repairs = registry.models.reduce((n, m) => n + m.repairs.length, 0)
  io.stdout.write(
    `Registry: ${count(registry.models.length, 'model')}, ${count(aliases, 'alias', 'aliases')}, ${count(repairs, 'repair')} from ${count(snapshots.length, 'snapshot')} (${count(site.checked.length, 'file')}); ${count(disagreements.length, 'disagreement')} between language variants in ${seconds(now() - started)} s\n`
  )
  return code
}
