import path from 'node:path'
import { utcDate } from '../core/dates.js'
import { isCalendarDate } from '../store/layout.js'
import type { Store } from '../pipeline/load-site.js'

/** What a command may touch: its streams and working directory. Tests pass their own. */
export interface Io {
  stdout: { write(chunk: string): unknown; isTTY?: boolean }
  stderr: { write(chunk: string): unknown; isTTY?: boolean }
  cwd: string
}

/** A usage error: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

/** The store a command reads: `--snapshots DIR` resolved against the working directory, named as typed. */
export function storeOf(io: Io, dir: string): Store {
  return { dir: path.resolve(io.cwd, dir), shownAs: dir }
}

/** `--cache DIR` resolved against the working directory, as `loadSite` takes it. */
export function cacheOption(io: Io, cache: string | undefined): { cache?: string } {
  return cache ? { cache: path.resolve(io.cwd, cache) } : {}
}

/** "Today" of a run: `--today DATE` when given (checked), else the clock's UTC date. Only edges read the clock. */
export function todayOf(given: string | undefined, now: () => number): string {
  if (given === undefined) return utcDate(now())
  if (!isCalendarDate(given)) throw new UsageError(`Invalid --today \`${given}\`: expected a date YYYY-MM-DD`)
  return given
}
