import { compareText } from '../core/compare.js'
import type { RenameCandidate } from './renames.js'
import type { ReconciledSnapshot } from './types.js'

/**
 * Which ids are one model, once renames are linked. A link joins two models
 * under the id published first (the one seen on the earliest date; the URL
 * stays, the new name becomes an alias), so adding later snapshots never
 * moves an id. A link is refused when it would take away an id the data file
 * pins, or when the two models are in one snapshot (two rows of one table are
 * two models): before the rename, that is weaker evidence; after it, later
 * data contradicts what the numbers showed, which a maintainer must settle in
 * the data file (otherwise replaying the history would move ids).
 */
export type LinkResult = { linked: true } | { linked: false; reason: string; contradicted?: { snapshot: number; ids: [string, string] } }

export class Identity {
  private readonly parent = new Map<string, string>()
  private readonly first = new Map<string, string>()
  /**
   * Per id, the snapshots it is in (indices), as runs of consecutive indices:
   * `[from, to, from, to, …]`, ascending and apart. A model is in most of a
   * board's days, one after the other: a set of them took 6 MiB with a year of
   * daily data ahead, the runs a few hundred KB.
   */
  private readonly seen = new Map<string, number[]>()
  /** Each snapshot's board and date: the snapshots themselves (their rows) are not kept. */
  private readonly days: readonly { board: string; date: string }[]

  /** `snapshots`: every snapshot, rows carrying the ids their names give them. */
  constructor(
    snapshots: readonly ReconciledSnapshot[],
    private readonly pinned: ReadonlySet<string>
  ) {
    this.days = snapshots.map((s) => ({ board: s.board, date: s.date }))
    snapshots.forEach((s, k) => {
      for (const row of s.rows) {
        const date = this.first.get(row.model)
        if (date === undefined || s.date < date) this.first.set(row.model, s.date)
        this.add(row.model, k)
      }
    })
  }

  /** The id a model has once linked. */
  of(id: string): string {
    let root = id
    for (let up = this.parent.get(root); up !== undefined; up = this.parent.get(root)) root = up
    // Shorten the path for the next call.
    for (let at = id, up = this.parent.get(at); up !== undefined && up !== root; at = up, up = this.parent.get(at)) this.parent.set(at, root)
    return root
  }

  /** Link a rename; says why not when it may not be. */
  link(rename: Pick<RenameCandidate, 'from' | 'to' | 'evidence'>): LinkResult {
    const a = this.of(rename.from)
    const b = this.of(rename.to)
    if (a === b) return { linked: true }
    const fa = this.first.get(a) ?? ''
    const fb = this.first.get(b) ?? ''
    const [kept, absorbed] = fa < fb || (fa === fb && compareText(a, b) <= 0) ? [a, b] : [b, a]
    // A pinned id is never absorbed, so it stays a root.
    if (this.pinned.has(absorbed)) return { linked: false, reason: `the data file pins \`${absorbed}\`` }
    const shared = this.shared(a, b)
    if (shared !== undefined) {
      const s = this.days[shared]!
      const reason = `\`${a}\` and \`${b}\` are both in \`${s.board}\` ${s.date}`
      return s.date > rename.evidence.after ? { linked: false, reason, contradicted: { snapshot: shared, ids: [a, b] } } : { linked: false, reason }
    }
    this.parent.set(absorbed, kept)
    this.seen.set(kept, union(this.seen.get(kept) ?? [], this.seen.get(absorbed) ?? []))
    this.seen.delete(absorbed)
    return { linked: true }
  }

  /** The first snapshot (by date; of two on one date, the first in order) both models are in. */
  private shared(a: string, b: string): number | undefined {
    const ra = this.seen.get(a) ?? []
    const rb = this.seen.get(b) ?? []
    let found: number | undefined
    for (let i = 0, j = 0; i < ra.length && j < rb.length; ) {
      const to = Math.min(ra[i + 1]!, rb[j + 1]!)
      for (let k = Math.max(ra[i]!, rb[j]!); k <= to; k++) if (found === undefined || this.days[k]!.date < this.days[found]!.date) found = k
      if (ra[i + 1]! < rb[j + 1]!) i += 2
      else j += 2
    }
    return found
  }

  /** A model is in snapshot `k`: the constructor tells them in ascending order. */
  private add(id: string, k: number): void {
    const runs = this.seen.get(id)
    if (!runs) return void this.seen.set(id, [k, k])
    const last = runs.length - 1
    if (k <= runs[last]!) return
    if (k === runs[last]! + 1) runs[last] = k
    else runs.push(k, k)
  }
}

/** Two lists of runs (`Identity.seen`) as one. */
export function union(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = []
  for (let i = 0, j = 0; i < a.length || j < b.length; ) {
    const fromA = i < a.length && (j >= b.length || a[i]! <= b[j]!)
    const from = fromA ? a[i]! : b[j]!
    const to = fromA ? a[i + 1]! : b[j + 1]!
    if (fromA) i += 2
    else j += 2
    const last = out.length - 1
    if (out.length > 0 && from <= out[last]! + 1) out[last] = Math.max(out[last]!, to)
    else out.push(from, to)
  }
  return out
}
