import { compareText } from '../core/compare.js'
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { Row, RowField } from '../schema/row.js'
import type { ParsedSnapshot } from '../schema/snapshot.js'
import type { RegistryData } from './data.js'
import { Identity } from './identity.js'
import { hiddenCharacters, nameKey, safeId, withoutHidden } from './keys.js'
import { LicenseTable } from './license.js'
import { OrganizationTable } from './organization.js'
import { inferOrganizations } from './organization-inference.js'
import { currentOrganizationName, findOrganizationRenames } from './organization-renames.js'
import { originalFirst, reconcile, relabelled, repeated, replacedIds, type PlaceLink, type ReconcileResult, type Variant } from './reconcile.js'
import { findRenames, type RenameCandidate } from './renames.js'
import { repairContext, repairName } from './repair.js'
import { withSharedRows } from './shared-rows.js'
import type { BoardPresence, NormalizeResult, ReconciledSnapshot, RegistryModel, Repair } from './types.js'

/** A parsed snapshot and the store file it came from (display path). */
export interface NormalizeInput {
  file: string
  snapshot: ParsedSnapshot
}

/**
 * The normalize stage: every parsed row gets a registry id; the language
 * variants of each (board, date) become one snapshot; renames between
 * consecutive snapshots are linked; the registry lists every model with its
 * aliases, repairs and presence per board. Pure.
 */
export function normalize(inputs: readonly NormalizeInput[], data: RegistryData): NormalizeResult {
  const resolver = new Resolver(inputs, data)
  const grouped = groups(inputs)
  // Ids as the names give them, then renames linked between consecutive snapshots of a board.
  // Let go once the second pass is made (below): the rows it did not keep are 10 MiB with a year of daily data ahead.
  let first: ReconcileResult[] | undefined = reconcileAll(grouped, resolver)
  let base: ReconciledSnapshot[] | undefined = first.map((r) => r.snapshot)
  const renames = findRenames(base)
  const identity = new Identity(base, resolver.pinned)
  const linked: RenameCandidate[] = []
  const refused: RenameCandidate[] = []
  const diagnostics: Diagnostic[] = [...resolver.diagnostics]
  // One day, one row, two names (an archive and a page, or two archives): the strongest evidence, linked first.
  // The same pair of names on many days: its first day stands for it.
  const sameDay = new Map<string, RenameCandidate>()
  for (const r of first) {
    for (const l of r.archiveLinks) {
      const key = `${l.from}\u0000${l.to}`
      if (!sameDay.has(key)) sameDay.set(key, { ...l, weak: [] })
    }
  }
  for (const rename of [...sameDay.values(), ...renames.links]) {
    const result = identity.link(rename)
    if (result.linked) {
      linked.push(rename)
      continue
    }
    refused.push({ ...rename, weak: [result.reason] })
    if (!result.contradicted) continue
    // A later snapshot shows both: the numbers were wrong, and only a maintainer can say which model is which.
    const { snapshot: k, ids } = result.contradicted
    const [here, there] = ids.map((id) => rowPlace(grouped[k]!, (raw) => identity.of(resolver.baseId(raw)) === id))
    const s = base[k]!
    diagnostics.push(
      diagnostic(here!.file, 'registry-conflict', here!, {
        kind: 'contradicted',
        models: ids,
        board: rename.evidence.board,
        before: rename.evidence.before,
        after: rename.evidence.after,
        together: `\`${s.board}\` ${s.date}`,
        other: `${there!.file}:${there!.line}:${there!.column}`
      })
    )
  }
  resolver.identity = (id) => identity.of(id)

  const results = reconcileAll(grouped, resolver, first)
  first = base = undefined
  const snapshots: ReconciledSnapshot[] = []
  const disagreements: NormalizeResult['disagreements'] = []
  // The same row comes back day after day: each distinct one is counted once, with its number, where it was first
  // seen. A row a variant showed in another model's place (a link, with a diagnostic) is counted on its own.
  const tallies = new RowTallies()
  const counted: Tally[] = []
  results.forEach((result, k) => {
    snapshots.push(result.snapshot)
    disagreements.push(...result.disagreements)
    diagnostics.push(...result.diagnostics)
    // A name a variant shows in another model's place is, in this snapshot, that model.
    const links = new Map(result.links.map((l) => [l.raw, l]))
    for (const { file, snapshot } of grouped[k]!) {
      snapshot.rows.forEach((row, i) => {
        const link = links.get(row.name)
        const tally = link ? undefined : tallies.get(row)
        if (tally) tally.n++
        else {
          const first: Tally = { row, link, at: { file, place: snapshot.places[i] ?? {} }, n: 1 }
          if (!link) tallies.set(row, first)
          counted.push(first)
        }
      })
    }
  })
  for (const t of counted) resolver.count(t.row, t.link, t.at, t.n)
  for (const rename of linked) resolver.renamed(identity.of(rename.from), rename)
  snapshots.sort((a, b) => compareText(a.board, b.board) || compareText(a.date, b.date))
  diagnostics.push(...resolver.conflicts())
  const organizationRenames = findOrganizationRenames(snapshots, resolver.apart)
  const models = resolver.models(snapshots, currentOrganizationName(organizationRenames))
  // Weaker evidence, and links refused, between models still apart and never in one snapshot.
  const together = presence(snapshots)
  const suggestions = [...renames.suggestions, ...refused]
    .map((s) => ({ ...s, from: identity.of(s.from), to: identity.of(s.to) }))
    .filter((s) => s.from !== s.to && !shareSnapshot(together, s.from, s.to))
  return {
    registry: { models },
    snapshots,
    disagreements,
    diagnostics: sortDiagnostics(diagnostics),
    renames: { links: linked.map((l) => ({ ...l, model: identity.of(l.from) })), suggestions, switches: renames.switches },
    organizationRenames
  }
}

/** A distinct raw row (`rowKey`), or a linked one, where it was first seen, and how many times. */
interface Tally {
  row: Row
  link: PlaceLink | undefined
  at: RowPlace
  n: number
}

/**
 * Distinct raw rows: what of a row the registry counts (name, organization,
 * license), by value. Maps within maps: a key made of the three (a string per
 * row, 0.07 s and 67 MB a warm build) is not needed to look one up.
 */
class RowTallies {
  private readonly byName = new Map<string, Map<string | undefined, Map<string | undefined, Tally>>>()

  get(row: Row): Tally | undefined {
    return this.byName.get(row.name)?.get(row.organization)?.get(row.license)
  }

  set(row: Row, tally: Tally): void {
    let byOrganization = this.byName.get(row.name)
    if (!byOrganization) this.byName.set(row.name, (byOrganization = new Map()))
    let byLicense = byOrganization.get(row.organization)
    if (!byLicense) byOrganization.set(row.organization, (byLicense = new Map()))
    byLicense.set(row.license, tally)
  }
}

/**
 * Reconcile every (board, date) group. With `before` (the pass before renames
 * were linked), a group gives what it gave then, its ids replaced, when
 * renames replaced its ids one to one and the store knows each as it knew the
 * id it replaced (`relabelled`): `reconcile` is a pure function of (variants,
 * canon, known) that only compares ids. 403 of the 482 board-days whose ids
 * renames changed are such on the real history (0.26 s of reconciling); the
 * others (diagnostics, worded with the ids; two ids become one) are
 * reconciled again.
 */
function reconcileAll(grouped: readonly NormalizeInput[][], resolver: Resolver, before?: readonly ReconcileResult[]): ReconcileResult[] {
  // Ids a store shows as a model of their own: a variant showing one in another's place scrambled names.
  const known = new Set<string>()
  const knownBefore = new Set<string>()
  for (const group of grouped) {
    const original = [...group].sort(originalFirst)[0]!
    for (const row of original.snapshot.rows) {
      const id = resolver.baseId(row.name)
      known.add(resolver.identity(id))
      knownBefore.add(id)
    }
  }
  // The day before, of the same board or not: groups are in (board, date) order.
  let previous: { variants: Variant[]; result: ReconcileResult } | undefined
  return grouped.map((group, k) => {
    const variants = group.map((g) => resolver.variant(g))
    const ids = before && replacedIds(variants, (v, i) => resolver.baseId(v.snapshot.rows[i]!.name), (id) => known.has(id), (id) => knownBefore.has(id))
    const kept = ids && (ids.size === 0 ? before[k] : relabelled(before[k]!, ids))
    const made = kept ?? (previous && repeated(variants, previous)) ?? reconcile(variants, resolver.canon, { known: (id) => known.has(id) })
    // Rows the day before had, shared with it at once: the copies die young.
    const snapshot = withSharedRows(made.snapshot, previous?.result.snapshot)
    const result = snapshot === made.snapshot ? made : { ...made, snapshot }
    previous = { variants, result }
    return result
  })
}

/** Where the first row (original language first) whose raw name matches is. */
function rowPlace(group: readonly NormalizeInput[], match: (raw: string) => boolean): { file: string; line: number; column: number } | undefined {
  for (const input of [...group].sort(originalFirst)) {
    const i = input.snapshot.rows.findIndex((r) => match(r.name))
    if (i < 0) continue
    const [line, column] = input.snapshot.places[i]?.name ?? input.snapshot.places[i]?.row ?? [1, 1]
    return { file: input.file, line, column }
  }
  return undefined
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

function presence(snapshots: readonly ReconciledSnapshot[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>()
  snapshots.forEach((s, k) => {
    for (const row of s.rows) {
      let set = out.get(row.model)
      if (!set) out.set(row.model, (set = new Set()))
      set.add(k)
    }
  })
  return out
}

function shareSnapshot(together: ReadonlyMap<string, ReadonlySet<number>>, a: string, b: string): boolean {
  const x = together.get(a)
  const y = together.get(b)
  if (!x || !y) return false
  for (const k of x) if (y.has(k)) return true
  return false
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
  boards: Map<string, BoardPresence>
}

/** Where a raw row was read: its file and cell positions. */
interface RowPlace {
  file: string
  place: Partial<Record<RowField | 'row', [number, number]>>
}

/** The text fields of a row that may hide characters. */
const textFields = ['name', 'organization', 'license'] as const

class Resolver {
  private readonly resolved = new Map<string, Resolved>()
  private readonly dataIds = new Map<string, string>()
  private readonly organizations: OrganizationTable
  private readonly licenses: LicenseTable
  readonly canon: { organization(raw: string): string; license(raw: string): string }
  /** Ids the data file pins: rename tracking never takes them away. */
  readonly pinned: ReadonlySet<string>
  /** Organizations the data file keeps apart (`distinct`, both ways): never taken for one renamed. */
  readonly apart: (a: string, b: string) => boolean
  /** Findings about single rows: hidden characters, names that fold to a site path. */
  readonly diagnostics: Diagnostic[] = []
  /** The id a model has once renames are linked (identity until they are). */
  identity: (id: string) => string = (id) => id
  /** Raw spelling → model id → where it was first counted for that model. */
  private readonly claims = new Map<string, Map<string, string>>()

  constructor(
    inputs: readonly NormalizeInput[],
    private readonly data: RegistryData
  ) {
    const names = new Set<string>()
    const orgCounts = new Map<string, number>()
    const licenseCounts = new Map<string, number>()
    // Texts without hidden characters: the 679,000 names, organizations and licenses the real history publishes are 1,252 texts.
    const clean = new Set<string>()
    for (const { file, snapshot } of inputs) {
      snapshot.rows.forEach((row, i) => {
        names.add(row.name)
        if (row.organization) orgCounts.set(row.organization, (orgCounts.get(row.organization) ?? 0) + 1)
        if (row.license) licenseCounts.set(row.license, (licenseCounts.get(row.license) ?? 0) + 1)
        for (const field of textFields) {
          const value = row[field]
          if (value === undefined || clean.has(value)) continue
          const characters = hiddenCharacters(value)
          if (characters.length === 0) {
            clean.add(value)
            continue
          }
          const [line, column] = snapshot.places[i]?.[field] ?? snapshot.places[i]?.row ?? [1, 1]
          this.diagnostics.push(diagnostic(file, 'hidden-characters', { line, column }, { field, value, characters, shown: withoutHidden(value) }))
        }
      })
    }
    this.organizations = new OrganizationTable(data.organizations, orgCounts)
    this.licenses = new LicenseTable(data.licenses, licenseCounts)
    const orgMemo = new Map<string, string>()
    const licenseMemo = new Map<string, string>()
    const resolveOrganization = (raw: string) => this.organizations.resolve(raw)
    const resolveLicense = (raw: string) => this.licenses.resolve(raw).name
    this.canon = {
      organization: (raw) => memo(orgMemo, raw, resolveOrganization),
      license: (raw) => memo(licenseMemo, raw, resolveLicense)
    }
    const orgSpellings = [...orgCounts.keys(), ...data.organizations.flatMap((o) => [o.name, ...o.aliases])].map((o) => withoutHidden(o).replace(/[,;.]+$/, ''))
    const prefixes = [...data.providerPrefixes, ...orgSpellings, ...orgSpellings.map((o) => o.replace(/\s+/g, ''))]
    // The data file's names and aliases are known spellings too (a glued `AnthropicClaude 3.5
    // Sonnet (06/20)` is repaired even where the bare spelling is not in the store).
    const known = [...names, ...data.models.flatMap((m) => [...(m.name ? [m.name] : []), ...m.aliases])]
    const context = repairContext(known, prefixes, [...licenseCounts.keys(), ...orgSpellings])
    for (const entry of data.models) {
      for (const spelling of [entry.id, ...(entry.name ? [entry.name] : []), ...entry.aliases]) this.dataIds.set(nameKey(spelling), entry.id)
    }
    this.pinned = new Set(data.models.map((m) => m.id))
    const distinct = new Set(data.organizations.flatMap((o) => o.distinct.flatMap((d) => [pairKey(this.canon.organization(o.name), this.canon.organization(d)), pairKey(this.canon.organization(d), this.canon.organization(o.name))])))
    this.apart = (a, b) => distinct.has(pairKey(a, b))
    const reserved = new Set<string>()
    for (const raw of [...names].sort(compareText)) {
      const { name, repairs } = repairName(raw, context)
      const key = nameKey(name)
      const id = this.dataIds.get(nameKey(raw)) ?? this.dataIds.get(key) ?? safeId(key)
      if (id !== key && safeId(key) === id) reserved.add(raw)
      this.resolved.set(raw, { id, name, repairs })
    }
    if (reserved.size === 0) return
    for (const { file, snapshot } of inputs) {
      snapshot.rows.forEach((row, i) => {
        if (!reserved.has(row.name)) return
        const [line, column] = snapshot.places[i]?.name ?? snapshot.places[i]?.row ?? [1, 1]
        const r = this.resolved.get(row.name)!
        this.diagnostics.push(diagnostic(file, 'reserved-id', { line, column }, { name: row.name, id: nameKey(r.name), given: r.id }))
      })
    }
  }

  /** The id a raw name gives, before renames are linked. */
  baseId(raw: string): string {
    return this.resolved.get(raw)!.id
  }

  variant(input: NormalizeInput): Variant {
    const rows = input.snapshot.rows.map((row) => this.resolved.get(row.name)!)
    return { file: input.file, snapshot: input.snapshot, ids: rows.map((r) => this.identity(r.id)), names: rows.map((r) => r.name) }
  }

  private readonly acc = new Map<string, Accumulated>()

  private get(id: string): Accumulated {
    let a = this.acc.get(id)
    if (!a) this.acc.set(id, (a = { aliases: new Set(), names: new Map(), orgs: new Map(), licenses: new Map(), repairs: new Map(), boards: new Map() }))
    return a
  }

  /** Count one raw row towards its model; `link` when a variant showed it in another model's place. */
  count(row: Row, link: { id: string; name: string; misplaced: boolean } | undefined, at: RowPlace, times = 1): void {
    const resolved = this.resolved.get(row.name)!
    const own = this.identity(resolved.id)
    // A scrambled variant's name is another model's name: a spelling of that model, not of
    // the one whose place it took.
    if (link?.misplaced) {
      this.alias(own, row.name, at)
      return
    }
    // A row a variant showed in another model's place counts for that model, its name a repair to that model's.
    const moved = link !== undefined && link.id !== own
    const id = moved ? link.id : own
    const a = this.get(id)
    this.alias(id, row.name, at)
    if (!link) bump(a.names, resolved.name, times)
    if (row.organization) bump(a.orgs, this.canon.organization(row.organization), times)
    if (row.license) bump(a.licenses, this.canon.license(row.license), times)
    for (const repair of resolved.repairs) addRepair(a.repairs, repair)
    if (moved) addRepair(a.repairs, { from: resolved.name, to: link.name, rule: 'translated-variant' })
  }

  /** A rename linked into model `id`, with its evidence (one per board it was seen on). */
  renamed(id: string, rename: RenameCandidate): void {
    const [from, to] = rename.names
    const key = `${from}\u0000renamed\u0000${to}\u0000${rename.evidence.board}`
    const repairs = this.get(id).repairs
    if (!repairs.has(key)) repairs.set(key, { from, to, rule: 'renamed', evidence: rename.evidence })
  }

  private alias(id: string, raw: string, at: RowPlace): void {
    this.get(id).aliases.add(raw)
    let byModel = this.claims.get(raw)
    if (!byModel) this.claims.set(raw, (byModel = new Map()))
    if (!byModel.has(id)) {
      const [line, column] = at.place.name ?? at.place.row ?? [1, 1]
      byModel.set(id, `${at.file}:${line}:${column}`)
    }
  }

  /** One raw spelling counted for two models: the registry would contradict itself. */
  conflicts(): Diagnostic[] {
    const out: Diagnostic[] = []
    for (const [raw, byModel] of this.claims) {
      if (byModel.size < 2) continue
      const [first, ...others] = [...byModel].sort((a, b) => compareText(a[0], b[0]))
      for (const [id, at] of others) {
        const [file, line, column] = splitPlace(at)
        out.push(diagnostic(file, 'registry-conflict', { line, column }, { kind: 'spelling', spelling: raw, models: [first![0], id], other: first![1] }))
      }
    }
    return out
  }

  /** The registry's models; `current` names an organization as it is called now (renames followed). */
  models(snapshots: readonly ReconciledSnapshot[], current: (organization: string) => string = (o) => o): RegistryModel[] {
    const entries = new Map(this.data.models.map((m) => [m.id, m]))
    for (const s of snapshots) {
      for (const row of s.rows) {
        const a = this.get(row.model)
        const b = a.boards.get(s.board)
        if (!b) a.boards.set(s.board, { first: s.date, last: s.date, bestRank: row.rank })
        else {
          if (s.date < b.first) b.first = s.date
          if (s.date > b.last) b.last = s.date
          b.bestRank = Math.min(b.bestRank, row.rank)
        }
      }
    }
    const models: RegistryModel[] = []
    for (const [id, a] of [...this.acc].sort((x, y) => compareText(x[0], y[0]))) {
      if (a.boards.size === 0) continue
      const entry = entries.get(id)
      const given = entry?.organization ?? top(renamedCounts(a.orgs, current))
      const organization = given === undefined ? undefined : current(given)
      const licenseName = top(a.licenses)
      const license = licenseName === undefined ? undefined : this.licenses.resolve(licenseName)
      // Board ids are data: a null-prototype object takes any of them as a plain key.
      const boards: Record<string, BoardPresence> = Object.create(null) as Record<string, BoardPresence>
      for (const board of [...a.boards.keys()].sort(compareText)) boards[board] = a.boards.get(board)!
      const model: RegistryModel = {
        id,
        name: entry?.name ?? top(a.names) ?? id,
        ...(organization !== undefined ? { organization } : {}),
        ...(license ? { license: license.name } : {}),
        ...(license?.spdx ? { spdx: license.spdx } : {}),
        ...(license?.openWeights !== undefined ? { openWeights: license.openWeights } : {}),
        aliases: [...a.aliases].sort(compareText),
        boards,
        repairs: [...a.repairs.values()].sort(
          (x, y) => compareText(x.from, y.from) || compareText(x.rule, y.rule) || compareText(x.to, y.to) || compareText(x.evidence?.board ?? '', y.evidence?.board ?? '')
        )
      }
      models.push(model)
    }
    return inferOrganizations(models)
  }
}

function pairKey(a: string, b: string): string {
  return JSON.stringify([a, b])
}

function splitPlace(at: string): [string, number, number] {
  const m = /^(.*):(\d+):(\d+)$/.exec(at)!
  return [m[1]!, Number(m[2]), Number(m[3])]
}

function bump(map: Map<string, number>, key: string, times = 1): void {
  map.set(key, (map.get(key) ?? 0) + times)
}

/** Counts of organization names, each under the name it has now. */
function renamedCounts(counts: ReadonlyMap<string, number>, current: (organization: string) => string): Map<string, number> {
  const out = new Map<string, number>()
  for (const [name, n] of counts) out.set(current(name), (out.get(current(name)) ?? 0) + n)
  return out
}

/** The most frequent value; ties go to the first in code-point order. */
function top(map: ReadonlyMap<string, number>): string | undefined {
  return [...map].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0]?.[0]
}

function memo(cache: Map<string, string>, key: string, make: (key: string) => string): string {
  let value = cache.get(key)
  if (value === undefined) cache.set(key, (value = make(key)))
  return value
}

function addRepair(repairs: Map<string, Repair>, repair: Repair): void {
  repairs.set(`${repair.from}\u0000${repair.rule}\u0000${repair.to}`, repair)
}
