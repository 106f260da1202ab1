import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { RuleId } from '../diagnostics/rules.js'

/**
 * Errors that make a whole file untrustworthy: its snapshots are reported and
 * not published (a cut table would show fake departures in every diff). Other
 * errors concern one cell or row, which the rest of the snapshot survives.
 * The registry and the site both read the store through this rule, so
 * `leaderlog registry --json` and `dist/data/models.json` are the same data.
 */
export const blockingRules: readonly RuleId[] = [
  'not-leaderboard',
  'unknown-source',
  'missing-date',
  'future-date',
  'missing-table',
  'truncated-table',
  'invalid-snapshot',
  'unreadable-file',
  'parser-crash'
]

export function isBlocking(d: Diagnostic): boolean {
  return d.severity === 'error' && blockingRules.includes(d.rule)
}

/** Files whose snapshots must not be published. */
export function blockedFiles(diagnostics: readonly Diagnostic[]): Set<string> {
  return new Set(diagnostics.filter(isBlocking).map((d) => d.file))
}

/** The snapshots of a loaded store that may be published. */
export function publishable<T extends { file: string }>(snapshots: readonly T[], diagnostics: readonly Diagnostic[]): T[] {
  const blocked = blockedFiles(diagnostics)
  return snapshots.filter((s) => !blocked.has(s.file))
}

/**
 * Errors that make any output wrong, not just one file's: a broken registry
 * data file would change published ids (a broken events file, the
 * annotations of every chart), and a registry that contradicts
 * itself (one spelling, two models; an id pinned twice; an alias cycle) would
 * publish one model's history under another's URL. `check`, `build` and
 * `registry` fail on them.
 */
export const fatalRules: readonly RuleId[] = ['invalid-registry-data', 'invalid-events', 'registry-conflict']

export function isFatal(d: Diagnostic): boolean {
  return d.severity === 'error' && fatalRules.includes(d.rule)
}
