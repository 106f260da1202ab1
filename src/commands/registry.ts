import path from 'node:path'
import { parseArgs } from 'node:util'
import { countSeverities, formatDiagnostic } from '../diagnostics/diagnostic.js'
import { loadRegistry } from '../registry/load.js'
import { suggest } from '../registry/suggest.js'
import type { RegistryModel } from '../registry/types.js'
import { UsageError, plural, seconds, type Io } from './io.js'

export const usage = `Usage: leaderlog registry [--snapshots DIR] [--json]
       leaderlog registry suggest [--snapshots DIR] [--json] [--min SIMILARITY]

Reconcile every snapshot under DIR (default snapshots/) into one model
registry, using DIR/registry.json (the maintainers' data file) when present.
With --json, prints {"models":[…]}: the same data as dist/data/models.json.

\`registry suggest\` lists likely-same models that are not linked yet (similar
names, same organization, never in one snapshot), with the evidence, for a
maintainer to add to DIR/registry.json. --min sets the name similarity
(0–1, default 0.6).

Exits 1 when the data file is broken, else 0.`

export async function registryCommand(argv: string[], io: Io, now: () => number = Date.now): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { snapshots: { type: 'string', default: 'snapshots' }, json: { type: 'boolean' }, min: { type: 'string' } }
  })
  const [sub, ...extra] = positionals
  if (extra.length > 0 || (sub !== undefined && sub !== 'suggest')) throw new UsageError(`unexpected \`${positionals.join(' ')}\`; the only subcommand is \`suggest\``)
  if (values.min !== undefined && sub !== 'suggest') throw new UsageError('--min goes with `registry suggest`')
  const minimum = values.min === undefined ? 0.6 : Number(values.min)
  if (!(minimum > 0 && minimum <= 1)) throw new UsageError(`--min expects a similarity between 0 and 1, found \`${values.min}\``)

  const started = now()
  const dir = values.snapshots!
  const { store, result } = await loadRegistry(path.resolve(io.cwd, dir), dir).catch((error: Error) => {
    throw new Error(`Cannot read snapshots from ${dir}: ${error.message}`)
  })
  const dataProblems = result.diagnostics.filter((d) => d.rule === 'invalid-registry-data')
  for (const d of dataProblems) io.stderr.write(formatDiagnostic(d) + '\n')
  const code = countSeverities(dataProblems).errors > 0 ? 1 : 0

  if (sub === 'suggest') {
    const suggestions = suggest(result, minimum)
    if (values.json) {
      io.stdout.write(JSON.stringify({ suggestions }, null, 2) + '\n')
      return code
    }
    for (const s of suggestions) {
      io.stdout.write(`${s.ids[0]}  ~  ${s.ids[1]}\n  ${JSON.stringify(s.names[0])} / ${JSON.stringify(s.names[1])}\n  ${s.evidence.join('; ')}\n`)
    }
    io.stdout.write(`${plural(suggestions.length, 'suggestion')} among ${plural(result.registry.models.length, 'model')} in ${seconds(now() - started)} s\n`)
    return code
  }

  if (values.json) {
    io.stdout.write(JSON.stringify({ models: result.registry.models.map(publicModel) }, null, 2) + '\n')
    return code
  }
  for (const m of result.registry.models) {
    const facts = [m.organization, m.license].filter(Boolean).join(', ')
    io.stdout.write(`${m.id}  ${m.name}${facts ? ` (${facts})` : ''}  ${Object.keys(m.boards).join(' ')}\n`)
    for (const r of m.repairs) io.stdout.write(`  repaired ${JSON.stringify(r.from)} → ${JSON.stringify(r.to)} [${r.rule}]\n`)
  }
  const aliases = result.registry.models.reduce((n, m) => n + m.aliases.length, 0)
  const repairs = result.registry.models.reduce((n, m) => n + m.repairs.length, 0)
  io.stdout.write(
    `Registry: ${plural(result.registry.models.length, 'model')}, ${plural(aliases, 'alias', 'aliases')}, ${plural(repairs, 'repair')} from ${plural(result.snapshots.length, 'snapshot')} (${plural(store.files.length, 'file')}); ${plural(result.disagreements.length, 'disagreement')} between language variants in ${seconds(now() - started)} s\n`
  )
  return code
}

/** The public shape, keys in a fixed order (the contract of dist/data/models.json). */
export function publicModel(m: RegistryModel): RegistryModel {
  return {
    id: m.id,
    name: m.name,
    ...(m.organization !== undefined ? { organization: m.organization } : {}),
    ...(m.license !== undefined ? { license: m.license } : {}),
    ...(m.spdx !== undefined ? { spdx: m.spdx } : {}),
    ...(m.openWeights !== undefined ? { openWeights: m.openWeights } : {}),
    aliases: m.aliases,
    boards: Object.fromEntries(Object.entries(m.boards).map(([board, p]) => [board, { first: p.first, last: p.last, bestRank: p.bestRank }])),
    repairs: m.repairs.map((r) => ({ from: r.from, to: r.to, rule: r.rule }))
  }
}
