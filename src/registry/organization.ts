import { compareText } from '../core/compare.js'
import type { OrganizationEntry } from './data.js'
import { looseKey, withoutHidden } from './keys.js'

/**
 * Organization spellings → one name. By rule, spellings that differ only in
 * case, spacing or punctuation are one organization (`NexusFlow` /
 * `Nexusflow`, `Anthropic,`), spelled as most rows spell it; the data file
 * joins spellings rules cannot (`DeepSeek AI` → `DeepSeek`) and may fix the
 * spelling.
 */
export class OrganizationTable {
  private readonly byKey = new Map<string, string>()

  /** `seen`: every raw spelling with how many rows carry it. */
  constructor(entries: readonly OrganizationEntry[], seen: ReadonlyMap<string, number>) {
    const counts = new Map<string, Map<string, number>>()
    for (const [raw, n] of seen) {
      const spelling = clean(raw)
      const key = looseKey(spelling)
      if (!key) continue
      const m = counts.get(key) ?? new Map<string, number>()
      m.set(spelling, (m.get(spelling) ?? 0) + n)
      counts.set(key, m)
    }
    for (const [key, m] of counts) {
      const best = [...m].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0]![0]
      this.byKey.set(key, best)
    }
    for (const entry of entries) {
      for (const spelling of [entry.name, ...entry.aliases]) this.byKey.set(looseKey(spelling), entry.name)
    }
  }

  resolve(raw: string): string {
    const spelling = clean(raw)
    return this.byKey.get(looseKey(spelling)) ?? spelling
  }
}

/** The spelling as shown: invisible characters removed, trailing punctuation dropped (unless it is all there is: `..`). */
function clean(raw: string): string {
  const shown = withoutHidden(raw)
  return shown.replace(/[\s,;.]+$/u, '').trim() || shown
}
