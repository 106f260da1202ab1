import { compareText } from '../core/compare.js'
import { jaccard, nameWords } from './similarity.js'
import type { RenameCandidate } from './renames.js'
import type { NormalizeResult, RegistryModel } from './types.js'

/**
 * Likely-same models not linked yet, with the evidence, for a maintainer to
 * confirm in the data file. Two models are suggested when they never appear
 * in one snapshot (two rows of one table are two models) and either their
 * names are similar (shared words, dates read either as `20240620` or
 * `06/20`) and their organizations do not differ, or rename tracking found
 * weaker evidence of a rename between them (its numbers are given).
 */
export interface Suggestion {
  ids: [string, string]
  names: [string, string]
  /** Similarity of the names, 0–1 (shared words over all words). */
  similarity: number
  evidence: string[]
}

export function suggest(result: Pick<NormalizeResult, 'registry' | 'snapshots'> & Partial<Pick<NormalizeResult, 'renames'>>, minimum = 0.6): Suggestion[] {
  const models = result.registry.models
  const together = new Map<string, Set<string>>()
  for (const s of result.snapshots) {
    for (const row of s.rows) {
      const set = together.get(row.model) ?? new Set<string>()
      set.add(`${s.board} ${s.date}`)
      together.set(row.model, set)
    }
  }
  const words = models.map((m) => tokens(m))
  const out: Suggestion[] = []
  for (let i = 0; i < models.length; i++) {
    for (let j = i + 1; j < models.length; j++) {
      const a = models[i]!
      const b = models[j]!
      if (a.organization && b.organization && a.organization !== b.organization) continue
      const similarity = jaccard(words[i]!, words[j]!)
      if (similarity < minimum) continue
      if (intersects(together.get(a.id), together.get(b.id))) continue
      const evidence = [
        organizations(a, b),
        `similar names (${similarity.toFixed(2)})`,
        'never in one snapshot',
        ...dates(a, b)
      ]
      out.push({ ids: [a.id, b.id], names: [a.name, b.name], similarity: round(similarity), evidence })
    }
  }
  // Renames with weaker evidence: added to the pair's evidence, or a pair of their own.
  const byId = new Map(models.map((m, i) => [m.id, i]))
  const pairs = new Map(out.map((x) => [x.ids.join('\u0000'), x]))
  for (const r of result.renames?.suggestions ?? []) {
    const [i, j] = [byId.get(r.from), byId.get(r.to)].sort((x, y) => (x ?? 0) - (y ?? 0))
    if (i === undefined || j === undefined || i === j || intersects(together.get(models[i]!.id), together.get(models[j]!.id))) continue
    const a = models[i]!
    const b = models[j]!
    const line = renameEvidence(r)
    const known = pairs.get(`${a.id}\u0000${b.id}`)
    if (known) {
      if (!known.evidence.includes(line)) known.evidence.push(line)
      continue
    }
    const similarity = jaccard(words[i]!, words[j]!)
    const suggestion: Suggestion = { ids: [a.id, b.id], names: [a.name, b.name], similarity: round(similarity), evidence: [organizations(a, b), `similar names (${similarity.toFixed(2)})`, 'never in one snapshot', line] }
    pairs.set(`${a.id}\u0000${b.id}`, suggestion)
    out.push(suggestion)
  }
  return out.sort((x, y) => y.similarity - x.similarity || compareText(x.ids[0], y.ids[0]) || compareText(x.ids[1], y.ids[1]))
}

function organizations(a: RegistryModel, b: RegistryModel): string {
  if (a.organization && b.organization) return a.organization === b.organization ? `same organization \`${a.organization}\`` : `organizations \`${a.organization}\` and \`${b.organization}\``
  return a.organization || b.organization ? 'organization unknown for one' : 'organization unknown'
}

/** Words of a model's name; dates also as month and day. */
export function tokens(model: Pick<RegistryModel, 'name'>): Set<string> {
  return nameWords(model.name)
}

function intersects(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  if (!a || !b) return false
  for (const x of a) if (b.has(x)) return true
  return false
}

function dates(a: RegistryModel, b: RegistryModel): string[] {
  const out: string[] = []
  const span = (m: RegistryModel) => {
    const list = Object.values(m.boards)
    return { first: list.map((p) => p.first).sort()[0]!, last: list.map((p) => p.last).sort().at(-1)! }
  }
  for (const board of Object.keys(a.boards).filter((k) => k in b.boards).sort(compareText)) {
    const x = a.boards[board]!
    const y = b.boards[board]!
    if (x.last < y.first) out.push(`on \`${board}\` \`${b.id}\` follows \`${a.id}\` (${x.last} → ${y.first})`)
    else if (y.last < x.first) out.push(`on \`${board}\` \`${a.id}\` follows \`${b.id}\` (${y.last} → ${x.first})`)
    else out.push(`on \`${board}\` over overlapping dates (${x.first}…${x.last} and ${y.first}…${y.last})`)
  }
  if (out.length === 0) {
    const x = span(a)
    const y = span(b)
    const overlap = x.first <= y.last && y.first <= x.last
    out.push(`on different boards (${Object.keys(a.boards).join(', ')} / ${Object.keys(b.boards).join(', ')})${overlap ? ' over overlapping dates' : ''}`)
  }
  return out
}

/** `on `lmarena-text` `a` left and `b` appeared between 2025-10-01 and 2025-10-09 (rank 71 → 41, …): score outside the interval` */
function renameEvidence(r: RenameCandidate): string {
  const e = r.evidence
  const numbers = [`rank ${e.rank[0]} → ${e.rank[1]}`, ...(e.score ? [`score ${e.score[0]} → ${e.score[1]}`] : []), ...(e.votes ? [`votes ${e.votes[0]} → ${e.votes[1]}`] : [])]
  return `on \`${e.board}\` \`${r.names[0]}\` left and \`${r.names[1]}\` appeared between ${e.before} and ${e.after} (${numbers.join(', ')}): a rename, but ${r.weak.join(', ')}`
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}
