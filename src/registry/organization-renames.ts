import { compareText } from '../core/compare.js'
import type { ReconciledSnapshot } from './types.js'

/**
 * Organizations upstream renamed, as the cells show it: the boards credit a
 * model to one organization up to a day and to another from a later day on
 * (`xAI` → `SpaceXAI`, `Zhipu AI` → `Z.ai`). One organization is taken for
 * another's new name when
 *  - at least `MIN_RENAMED_MODELS` models carry both names, the old before
 *    the new: the same models changed names, and
 *  - no row credits the old name from the first day one of those models is
 *    credited to the new one: the old name is no longer used once they
 *    switched. (The new name may be older: `Z.ai` credited GLM-4.5 from
 *    2025-08 while the GLM-4 models stayed `Zhipu AI` until 2026-05-14, then
 *    became `Z.ai` too.)
 * Spellings are compared as the registry reconciled them (`OrganizationTable`:
 * glitches, translations and the data file's aliases already merged). Renames
 * chain (A → B → C); the newest name stands for the organization in the
 * registry. A snapshot's rows keep the name they were published with.
 */
export const MIN_RENAMED_MODELS = 2

export interface OrganizationRename {
  /** The name used before, and the one used from `since` on. */
  from: string
  to: string
  /** The last date a row credits `from`, and the first a row credits one of `models` to `to`. */
  until: string
  since: string
  /** Models credited to `from` and then to `to` (sorted). */
  models: string[]
  /** Every model a row credits to `from` (sorted). */
  credited: string[]
}

interface Span {
  first: string
  last: string
}

/** `apart(a, b)`: the data file says `a` and `b` are two organizations (`distinct`), whatever the rows show. */
export function findOrganizationRenames(snapshots: readonly ReconciledSnapshot[], apart: (a: string, b: string) => boolean = () => false): OrganizationRename[] {
  const byOrg = new Map<string, Span>()
  const byModel = new Map<string, Map<string, Span>>()
  for (const s of snapshots) {
    for (const row of s.rows) {
      const org = row.organization
      if (!org) continue
      widen(byOrg, org, s.date)
      let orgs = byModel.get(row.model)
      if (!orgs) byModel.set(row.model, (orgs = new Map()))
      widen(orgs, org, s.date)
    }
  }
  // Pairs of names one model carried: the old one's last day before the new one's first.
  const shared: { from: string; to: string; since: string; models: string[] }[] = []
  const pairs = new Map<string, Map<string, (typeof shared)[number]>>()
  for (const [model, orgs] of byModel) {
    if (orgs.size < 2) continue
    for (const [from, a] of orgs) {
      for (const [to, b] of orgs) {
        if (from === to || a.last >= b.first || apart(from, to)) continue
        let byTo = pairs.get(from)
        if (!byTo) pairs.set(from, (byTo = new Map()))
        let pair = byTo.get(to)
        if (!pair) {
          byTo.set(to, (pair = { from, to, since: b.first, models: [] }))
          shared.push(pair)
        }
        pair.models.push(model)
        if (b.first < pair.since) pair.since = b.first
      }
    }
  }
  // A name renamed twice (A → B → C) shows A before C too: only its next name, the first, is its rename.
  const next = new Map<string, OrganizationRename>()
  for (const { from, to, since, models } of shared) {
    const until = byOrg.get(from)!.last
    if (models.length < MIN_RENAMED_MODELS || until >= since) continue
    const held = next.get(from)
    if (held && (held.since < since || (held.since === since && compareText(held.to, to) <= 0))) continue
    const credited = [...byModel].filter(([, orgs]) => orgs.has(from)).map(([model]) => model)
    next.set(from, { from, to, until, since, models: models.sort(compareText), credited: credited.sort(compareText) })
  }
  return [...next.values()].sort((x, y) => compareText(x.since, y.since) || compareText(x.from, y.from))
}

/** The name each organization has now, renames followed (A → B → C: C). */
export function currentOrganizationName(renames: readonly OrganizationRename[]): (name: string) => string {
  const next = new Map(renames.map((r) => [r.from, r.to]))
  const memo = new Map<string, string>()
  return (name) => {
    let current = memo.get(name)
    if (current !== undefined) return current
    const seen = new Set<string>([name])
    current = name
    for (let to = next.get(current); to !== undefined && !seen.has(to); to = next.get(current)) {
      current = to
      seen.add(to)
    }
    memo.set(name, current)
    return current
  }
}

function widen(spans: Map<string, Span>, key: string, date: string): void {
  const span = spans.get(key)
  if (!span) spans.set(key, { first: date, last: date })
  else {
    if (date < span.first) span.first = date
    if (date > span.last) span.last = date
  }
}
