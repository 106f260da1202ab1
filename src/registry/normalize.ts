import { compareText } from '../core/compare.js'
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { Row } from '../schema/row.js'
import type { ParsedSnapshot } from '../schema/snapshot.js'
import type { RegistryData } from './data.js'
import { nameKey } from './keys.js'
import { LicenseTable } from './license.js'
import { OrganizationTable } from './organization.js'
import { reconcile, type Variant } from './reconcile.js'
import { repairContext, repairName } from './repair.js'
import type { BoardPresence, NormalizeResult, ReconciledSnapshot, RegistryModel, Repair } from './types.js'

/** A parsed snapshot and the store file it came from (display path). */
export interface NormalizeInput {
  file: string
  snapshot: ParsedSnapshot
}

/**
 * The normalize stage: every parsed row gets a registry id; the language
 * variants of each (board, date) become one snapshot; the registry lists
 * every model with its aliases, repairs and presence per board. Pure.
 */
export function normalize(inputs: readonly NormalizeInput[], data: RegistryData): NormalizeResult {
  const resolver = new Resolver(inputs, data)
  const snapshots: ReconciledSnapshot[] = []
  const disagreements: NormalizeResult['disagreements'] = []
  const diagnostics: Diagnostic[] = []
  for (const group of groups(inputs)) {
    const result = reconcile(group.map((g) => resolver.variant(g)), resolver.canon)
    snapshots.push(result.snapshot)
    disagreements.push(...result.disagreements)
    diagnostics.push(...result.diagnostics)
    // A name a variant shows in another model's place is, in this snapshot, that model.
    const links = new Map(result.links.map((l) => [l.raw, l]))
    for (const { snapshot } of group) {
      for (const row of snapshot.rows) resolver.count(row, links.get(row.name))
    }
  }
  snapshots.sort((a, b) => compareText(a.board, b.board) || compareText(a.date, b.date))
  return { registry: { models: resolver.models(snapshots) }, snapshots, disagreements, diagnostics: sortDiagnostics(diagnostics) }
}

/** Snapshots grouped by (board, date), in a stable order. */
function groups(inputs: readonly NormalizeInput[]): NormalizeInput[][] {
  const map = new Map<string, NormalizeInput[]>()
  for (const input of inputs) {
    if (input.snapshot.rows.length === 0) continue
    const key = `${input.snapshot.board}\u0000${input.snapshot.date}`
    const list = map.get(key) ?? []
    list.push(input)
    map.set(key, list)
  }
  return [...map.entries()].sort((a, b) => compareText(a[0], b[0])).map(([, list]) => list)
}

interface Resolved {
  id: string
  name: string
  repairs: Repair[]
}

interface Accumulated {
  aliases: Set<string>
  names: Map<string, number>
  orgs: Map<string, number>
  licenses: Map<string, number>
  repairs: Map<string, Repair>
  boards: Record<string, BoardPresence>
}

class Resolver {
  private readonly resolved = new Map<string, Resolved>()
  private readonly dataIds = new Map<string, string>()
  private readonly organizations: OrganizationTable
  private readonly licenses: LicenseTable
  readonly canon: { organization(raw: string): string; license(raw: string): string }

  constructor(
    inputs: readonly NormalizeInput[],
    private readonly data: RegistryData
  ) {
    const names = new Set<string>()
    const orgCounts = new Map<string, number>()
    const licenseCounts = new Map<string, number>()
    for (const { snapshot } of inputs) {
      for (const row of snapshot.rows) {
        names.add(row.name)
        if (row.organization) orgCounts.set(row.organization, (orgCounts.get(row.organization) ?? 0) + 1)
        if (row.license) licenseCounts.set(row.license, (licenseCounts.get(row.license) ?? 0) + 1)
      }
    }
    this.organizations = new OrganizationTable(data.organizations, orgCounts)
    this.licenses = new LicenseTable(data.licenses, licenseCounts)
    const orgMemo = new Map<string, string>()
    const licenseMemo = new Map<string, string>()
    this.canon = {
      organization: (raw) => memo(orgMemo, raw, () => this.organizations.resolve(raw)),
      license: (raw) => memo(licenseMemo, raw, () => this.licenses.resolve(raw).name)
    }
    const orgSpellings = [...orgCounts.keys(), ...data.organizations.flatMap((o) => [o.name, ...o.aliases])].map((o) => o.trim().replace(/[,;.]+$/, ''))
    const prefixes = [...data.providerPrefixes, ...orgSpellings, ...orgSpellings.map((o) => o.replace(/\s+/g, ''))]
    // The data file's names and aliases are known spellings too (a glued `AnthropicClaude 3.5
    // Sonnet (06/20)` is repaired even where the bare spelling is not in the store).
    const known = [...names, ...data.models.flatMap((m) => [...(m.name ? [m.name] : []), ...m.aliases])]
    const context = repairContext(known, prefixes, [...licenseCounts.keys(), ...orgSpellings])
    for (const entry of data.models) {
      for (const spelling of [entry.id, ...(entry.name ? [entry.name] : []), ...entry.aliases]) this.dataIds.set(nameKey(spelling), entry.id)
    }
    for (const raw of [...names].sort(compareText)) {
      const { name, repairs } = repairName(raw, context)
      const id = this.dataIds.get(nameKey(raw)) ?? this.dataIds.get(nameKey(name)) ?? nameKey(name)
      this.resolved.set(raw, { id, name, repairs })
    }
  }

  variant(input: NormalizeInput): Variant {
    const rows = input.snapshot.rows.map((row) => this.resolved.get(row.name)!)
    return { file: input.file, snapshot: input.snapshot, ids: rows.map((r) => r.id), names: rows.map((r) => r.name) }
  }

  private readonly acc = new Map<string, Accumulated>()

  private get(id: string): Accumulated {
    let a = this.acc.get(id)
    if (!a) this.acc.set(id, (a = { aliases: new Set(), names: new Map(), orgs: new Map(), licenses: new Map(), repairs: new Map(), boards: {} }))
    return a
  }

  /** Count one raw row towards its model; `link` when a variant showed it in another model's place. */
  count(row: Row, link?: { id: string; name: string; misplaced: boolean }): void {
    const resolved = this.resolved.get(row.name)!
    // A scrambled variant's name is another model's name: a spelling of that model, not of
    // the one whose place it took.
    if (link?.misplaced) {
      this.get(resolved.id).aliases.add(row.name)
      return
    }
    const r: Resolved = link && link.id !== resolved.id ? { id: link.id, name: link.name, repairs: [...resolved.repairs, { from: resolved.name, to: link.name, rule: 'translated-variant' }] } : resolved
    const a = this.get(r.id)
    a.aliases.add(row.name)
    if (!link) bump(a.names, r.name)
    if (row.organization) bump(a.orgs, this.canon.organization(row.organization))
    if (row.license) bump(a.licenses, this.canon.license(row.license))
    for (const repair of r.repairs) a.repairs.set(`${repair.from}\u0000${repair.rule}\u0000${repair.to}`, repair)
  }

  models(snapshots: readonly ReconciledSnapshot[]): RegistryModel[] {
    const entries = new Map(this.data.models.map((m) => [m.id, m]))
    const acc = this.acc
    const get = (id: string) => this.get(id)
    for (const s of snapshots) {
      for (const row of s.rows) {
        const a = get(row.model)
        const b = a.boards[s.board]
        if (!b) a.boards[s.board] = { first: s.date, last: s.date, bestRank: row.rank }
        else {
          if (s.date < b.first) b.first = s.date
          if (s.date > b.last) b.last = s.date
          b.bestRank = Math.min(b.bestRank, row.rank)
        }
      }
    }
    const models: RegistryModel[] = []
    for (const [id, a] of [...acc].sort((x, y) => compareText(x[0], y[0]))) {
      if (Object.keys(a.boards).length === 0) continue
      const entry = entries.get(id)
      const organization = entry?.organization ?? top(a.orgs)
      const licenseName = top(a.licenses)
      const license = licenseName === undefined ? undefined : this.licenses.resolve(licenseName)
      const boards: Record<string, BoardPresence> = {}
      for (const board of Object.keys(a.boards).sort(compareText)) boards[board] = a.boards[board]!
      const model: RegistryModel = {
        id,
        name: entry?.name ?? top(a.names) ?? id,
        ...(organization !== undefined ? { organization } : {}),
        ...(license ? { license: license.name } : {}),
        ...(license?.spdx ? { spdx: license.spdx } : {}),
        ...(license?.openWeights !== undefined ? { openWeights: license.openWeights } : {}),
        aliases: [...a.aliases].sort(compareText),
        boards,
        repairs: [...a.repairs.values()].sort((x, y) => compareText(x.from, y.from) || compareText(x.rule, y.rule) || compareText(x.to, y.to))
      }
      models.push(model)
    }
    return models
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1)
}

/** The most frequent value; ties go to the first in code-point order. */
function top(map: ReadonlyMap<string, number>): string | undefined {
  return [...map].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0]?.[0]
}

function memo(cache: Map<string, string>, key: string, make: () => string): string {
  let value = cache.get(key)
  if (value === undefined) cache.set(key, (value = make()))
  return value
}
