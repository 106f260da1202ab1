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
  private readonly seen = new Map<string, Set<number>>()

  /** `snapshots`: every snapshot, rows carrying the ids their names give them. */
  constructor(
    private readonly snapshots: readonly ReconciledSnapshot[],
    private readonly pinned: ReadonlySet<string>
  ) {
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
      const s = this.snapshots[shared]!
      const reason = `\`${a}\` and \`${b}\` are both in \`${s.board}\` ${s.date}`
      return s.date > rename.evidence.after ? { linked: false, reason, contradicted: { snapshot: shared, ids: [a, b] } } : { linked: false, reason }
    }
    this.parent.set(absorbed, kept)
    for (const k of this.seen.get(absorbed) ?? []) this.add(kept, k)
    this.seen.delete(absorbed)
    return { linked: true }
  }

  /** The first snapshot (by date) both models are in. */
  private shared(a: string, b: string): number | undefined {
    const sa = this.seen.get(a) ?? new Set<number>()
    const sb = this.seen.get(b) ?? new Set<number>()
    const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa]
    let found: number | undefined
    for (const k of small) if (large.has(k) && (found === undefined || this.snapshots[k]!.date < this.snapshots[found]!.date)) found = k
    return found
  }

  private add(id: string, k: number): void {
    let set = this.seen.get(id)
    if (!set) this.seen.set(id, (set = new Set()))
    set.add(k)
  }
}
