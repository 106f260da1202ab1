import { count } from '../core/text.js'
import { statuses, type Outcome, type Status } from './decide.js'

/**
 * The fetch report: one line per source, then one summary line. Pure.
 *
 *   stored      lmarena-text en 2025-11-21 (270 rows) → snapshots/lmarena-text/2025-11-21.en.md
 *   unchanged   lmarena-text fr 2025-11-20 (266 rows, already stored)
 *   older       lmarena-text ja 2025-11-02: the store already has 2025-11-18; not stored
 *   broken      lmarena-text es: 1:1 Unexpected page `Project Introduction`, … [not-leaderboard]
 *   unreachable lmarena-text pt: HTTP 500 Internal Server Error after 3 attempts (https://…)
 */
const width = Math.max(...statuses.map((s) => s.length))

export function formatOutcome(outcome: Outcome, storeShownAs: string): string {
  const who = `${outcome.entry.source} ${outcome.entry.language}`
  const head = `${outcome.status.padEnd(width)} ${who}`
  switch (outcome.status) {
    case 'stored': {
      const notes = [count(outcome.rows, 'row'), ...(outcome.warnings ? [count(outcome.warnings, 'warning')] : [])]
      return `${head} ${outcome.date} (${notes.join(', ')}) → ${joinPosix(storeShownAs, outcome.target)}`
    }
    case 'unchanged':
      return `${head} ${outcome.date} (${count(outcome.rows, 'row')}, already stored${outcome.differs ? '; the page differs from the stored copy, which is kept' : ''})`
    case 'older':
      return `${head} ${outcome.date}: the store already has ${outcome.newest}; not stored`
    case 'broken': {
      const more = outcome.errors > 1 ? ` (+${count(outcome.errors - 1, 'more error')})` : ''
      return `${head}${outcome.date ? ' ' + outcome.date : ''}: ${outcome.problem.line}:${outcome.problem.column} ${outcome.problem.message} [${outcome.problem.rule}]${more}`
    }
    case 'unreachable':
      return `${head}: ${outcome.reason} (${outcome.entry.url})`
  }
}

export function countStatuses(outcomes: readonly Outcome[]): Record<Status, number> {
  const counts = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<Status, number>
  for (const o of outcomes) counts[o.status]++
  return counts
}

/** `Fetched 15 pages in 3.20 s: 2 stored, 11 unchanged, 1 older, 1 broken, 0 unreachable` */
export function formatSummary(outcomes: readonly Outcome[], seconds: string): string {
  const counts = countStatuses(outcomes)
  return `Fetched ${count(outcomes.length, 'page')} in ${seconds} s: ${statuses.map((s) => `${counts[s]} ${s}`).join(', ')}`
}

/** Every page was reached and either stored, unchanged or older. */
export function allReached(outcomes: readonly Outcome[]): boolean {
  return outcomes.every((o) => o.status !== 'broken' && o.status !== 'unreachable')
}

function joinPosix(dir: string, relative: string): string {
  const base = dir.split('\\').join('/').replace(/\/+$/, '')
  return base ? `${base}/${relative}` : relative
}
