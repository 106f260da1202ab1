import { z } from 'zod'
import { readDataFile } from '../diagnostics/data-file.js'
import { message, type Message } from '../diagnostics/diagnostic.js'
import { placeOf, type PlacedJson } from '../diagnostics/json-places.js'
import { idPattern, maxIdLength, nameKey, reservedIds, withoutHidden } from './keys.js'
import { MIN_PREFIX_LENGTH } from './repair.js'

/**
 * The registry data file (`snapshots/registry.json`): what rules cannot know,
 * edited by maintainers. Every entry says why it holds (`note`).
 */
const text = z.string().trim().min(1)

const prefix = text.refine((p) => [...withoutHidden(p)].length >= MIN_PREFIX_LENGTH, `a prefix of at least ${MIN_PREFIX_LENGTH} visible characters (a shorter one would cut the start off real names, and is not used)`)

export const ModelEntrySchema = z
  .object({
    /** The published id; pinned here it never changes, whatever the spellings. */
    id: z
      .string()
      .regex(idPattern, 'an id `[a-z0-9][a-z0-9.-]*`')
      .max(maxIdLength, `an id of at most ${maxIdLength} characters`)
      .refine((id) => !reservedIds.has(id), `an id that is no path the site uses (not ${[...reservedIds].map((r) => `\`${r}\``).join(', ')})`),
    name: text.optional(),
    organization: text.optional(),
    /** Raw spellings that are this model (on any board). */
    aliases: z.array(text).default([]),
    note: z.string().optional()
  })
  .strict()
export type ModelEntry = z.infer<typeof ModelEntrySchema>

export const OrganizationEntrySchema = z
  .object({
    name: text,
    aliases: z.array(text).default([]),
    /** Organizations that are not this one, whatever the rows show: a rename the cells seem to show (`findOrganizationRenames`) is not followed. */
    distinct: z.array(text).default([]),
    note: z.string().optional()
  })
  .strict()
export type OrganizationEntry = z.infer<typeof OrganizationEntrySchema>

export const LicenseEntrySchema = z
  .object({
    name: text,
    spdx: z.string().regex(/^[A-Za-z0-9.+-]+$/, 'an SPDX id').optional(),
    openWeights: z.boolean().optional(),
    aliases: z.array(text).default([]),
    note: z.string().optional()
  })
  .strict()
export type LicenseEntry = z.infer<typeof LicenseEntrySchema>

export const RegistryDataSchema = z
  .object({
    $comment: z.string().optional(),
    /** Logo texts upstream's scraper glues before model ids, besides organization names. */
    providerPrefixes: z.array(prefix).default([]),
    models: z.array(ModelEntrySchema).default([]),
    organizations: z.array(OrganizationEntrySchema).default([]),
    licenses: z.array(LicenseEntrySchema).default([])
  })
  .strict()
export type RegistryData = z.infer<typeof RegistryDataSchema>

export const emptyData: RegistryData = { providerPrefixes: [], models: [], organizations: [], licenses: [] }

/**
 * Parse the data file; errors are positioned messages. A file that is not
 * JSON or breaks the schema leaves the empty data in place; claims that
 * contradict each other (`registry-conflict`) are left out, the rest is used.
 */
export function parseRegistryData(content: string): { data: RegistryData; messages: Message[] } {
  const { data, json, messages } = readDataFile(content, RegistryDataSchema, 'invalid-registry-data')
  if (!data || !json) return { data: emptyData, messages }
  const claims = settleClaims(data, json)
  return { data: claims.data, messages: [...messages, ...claims.messages] }
}

interface Claim {
  entry: number
  kind: 'id' | 'name' | 'alias'
  path: (string | number)[]
  key: string
}

/**
 * One spelling, one model; one id, one entry. An id pinned twice drops the
 * later entry; an alias cycle (entries claiming each other's ids) and a
 * spelling two entries claim (by id, name or alias, compared as keys) drop
 * the names and aliases involved, so nothing is merged that the file does
 * not say plainly. Each is a `registry-conflict` naming both places.
 */
function settleClaims(data: RegistryData, json: PlacedJson): { data: RegistryData; messages: Message[] } {
  const messages: Message[] = []
  const at = (path: (string | number)[]) => placeOf(json, path)
  const where = (claim: Claim) => {
    const place = at(claim.path)
    return `${place.line}:${place.column}, ${claim.path.join('.')}`
  }
  const claims: Claim[] = data.models.flatMap((m, entry) => [
    { entry, kind: 'id' as const, path: ['models', entry, 'id'], key: nameKey(m.id) },
    ...(m.name ? [{ entry, kind: 'name' as const, path: ['models', entry, 'name'], key: nameKey(m.name) }] : []),
    ...m.aliases.map((a, j) => ({ entry, kind: 'alias' as const, path: ['models', entry, 'aliases', j], key: nameKey(a) }))
  ])
  const dropped = new Set<number>()
  const unused = new Set<Claim>()

  // An id pinned twice: the later entry is left out.
  const ids = new Map<string, Claim>()
  for (const claim of claims.filter((c) => c.kind === 'id')) {
    const first = ids.get(claim.key)
    if (!first) {
      ids.set(claim.key, claim)
      continue
    }
    dropped.add(claim.entry)
    messages.push(message('registry-conflict', at(claim.path), { kind: 'pinned-twice', id: data.models[claim.entry]!.id, other: where(first) }))
  }
  const live = claims.filter((c) => !dropped.has(c.entry))

  // Entries that claim each other's ids, in a cycle: each such alias is left out.
  const edges = new Map<number, Claim[]>()
  for (const claim of live) {
    const target = ids.get(claim.key)
    if (claim.kind === 'id' || !target || target.entry === claim.entry || dropped.has(target.entry)) continue
    edges.set(claim.entry, [...(edges.get(claim.entry) ?? []), claim])
  }
  for (const cycle of cycles(edges, (c) => ids.get(c.key)!.entry)) {
    for (const claim of cycle) unused.add(claim)
    const last = cycle.at(-1)!
    messages.push(
      message('registry-conflict', at(last.path), {
        kind: 'cycle',
        ids: [...cycle.map((c) => data.models[c.entry]!.id), data.models[cycle[0]!.entry]!.id],
        other: where(cycle[0]!)
      })
    )
  }

  // Any other spelling two entries claim: the names and aliases among the claims are left out.
  const byKey = new Map<string, Claim[]>()
  for (const claim of live) if (!unused.has(claim)) byKey.set(claim.key, [...(byKey.get(claim.key) ?? []), claim])
  for (const list of byKey.values()) {
    if (new Set(list.map((c) => c.entry)).size < 2) continue
    const first = list.find((c) => c.kind === 'id') ?? list[0]!
    for (const claim of list) {
      if (claim.kind === 'id' || claim.entry === first.entry) {
        if (claim.kind !== 'id' && first.kind !== 'id') unused.add(claim)
        continue
      }
      unused.add(claim)
      const spelling = claim.kind === 'name' ? data.models[claim.entry]!.name! : data.models[claim.entry]!.aliases[claim.path[3] as number]!
      messages.push(
        message('registry-conflict', at(claim.path), { kind: 'claimed-twice', spelling, models: [data.models[first.entry]!.id, data.models[claim.entry]!.id], other: where(first) })
      )
    }
  }
  if (messages.length === 0) return { data, messages }
  const models = data.models.flatMap((m, entry) => {
    if (dropped.has(entry)) return []
    const mine = claims.filter((c) => c.entry === entry && unused.has(c))
    const { name, ...rest } = m
    return [
      {
        ...rest,
        ...(name !== undefined && !mine.some((c) => c.kind === 'name') ? { name } : {}),
        aliases: m.aliases.filter((_, j) => !mine.some((c) => c.kind === 'alias' && c.path[3] === j))
      }
    ]
  })
  return { data: { ...data, models }, messages }
}

/** Simple cycles of a claim graph (entry → the entries whose ids it claims), each once, from its smallest entry. */
function cycles(edges: ReadonlyMap<number, Claim[]>, target: (claim: Claim) => number): Claim[][] {
  const out: Claim[][] = []
  const starts = [...edges.keys()].sort((a, b) => a - b)
  for (const start of starts) {
    const walk = (entry: number, path: Claim[], visited: Set<number>): void => {
      for (const claim of edges.get(entry) ?? []) {
        const next = target(claim)
        if (next === start) out.push([...path, claim])
        else if (next > start && !visited.has(next)) walk(next, [...path, claim], new Set([...visited, next]))
      }
    }
    walk(start, [], new Set([start]))
  }
  return out
}
