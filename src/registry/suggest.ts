import { compareText } from '../core/compare.js'
import { nameKey } from './keys.js'
import type { NormalizeResult, RegistryModel } from './types.js'

/**
 * Likely-same models not linked yet, with the evidence, for a maintainer to
 * confirm in the data file. Two models are suggested when their names are
 * similar (shared words, dates read either as `20240620` or `06/20`), their
 * organizations do not differ, and they never appear in one snapshot (two
 * rows of one table are two models).
 */
export interface Suggestion {
  ids: [string, string]
  names: [string, string]
  /** Similarity of the names, 0–1 (shared words over all words). */
  similarity: number
  evidence: string[]
}

export function suggest(result: Pick<NormalizeResult, 'registry' | 'snapshots'>, minimum = 0.6): Suggestion[] {
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
        a.organization && a.organization === b.organization ? `same organization \`${a.organization}\`` : a.organization || b.organization ? 'organization unknown for one' : 'organization unknown',
        `similar names (${similarity.toFixed(2)})`,
        'never in one snapshot',
        ...dates(a, b)
      ]
      out.push({ ids: [a.id, b.id], names: [a.name, b.name], similarity: round(similarity), evidence })
    }
  }
  return out.sort((x, y) => y.similarity - x.similarity || compareText(x.ids[0], y.ids[0]) || compareText(x.ids[1], y.ids[1]))
}

/** Words of a model's name and aliases; dates also as month and day. */
export function tokens(model: Pick<RegistryModel, 'name'>): Set<string> {
  const set = new Set<string>()
  for (const word of nameKey(model.name).replace(/(\d)\.(\d)/g, '$1-$2').split(/[-.]+/)) {
    if (!word) continue
    const date = /^(20\d\d)(\d\d)(\d\d)$/.exec(word)
    if (date) {
      set.add(date[2]!)
      set.add(date[3]!)
      continue
    }
    const short = /^(\d\d)(\d\d)$/.exec(word)
    if (short && Number(short[1]) <= 12) {
      set.add(short[1]!)
      set.add(short[2]!)
      continue
    }
    set.add(word)
  }
  return set
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0
  for (const w of a) if (b.has(w)) shared++
  const all = a.size + b.size - shared
  return all === 0 ? 0 : shared / all
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

function round(n: number): number {
  return Math.round(n * 100) / 100
}
