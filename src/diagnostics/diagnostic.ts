import { compareText } from '../core/compare.js'
import type { Diagnostic, Message, Place } from './schemas.js'
import { rules, type Rule, type RuleArgs, type RuleId } from './rules.js'

export { quote, visible } from './quote.js'

/**
 * Diagnostics as data: what a pure stage found (a `Message`: place, rule,
 * severity, text), and, once an edge knows the file, a `Diagnostic`. Plain
 * objects, so parse results can be cached and sent between threads; the CLI
 * turns them into `vfile-message`s for `vfile-reporter` (`report.ts`). Their
 * schemas are in `schemas.ts`.
 */
export type { Place, Message, Diagnostic } from './schemas.js'

/** The start of a file: where a finding about the whole file is reported. */
export const START: Place = Object.freeze({ line: 1, column: 1 })

/** A cell position as stored in `CellPlaces` (`[line, column]`) as a place. */
export function placeAt(cell: readonly [number, number] | undefined, fallback: Place = START): Place {
  return cell ? { line: cell[0], column: cell[1] } : fallback
}

type Args<R extends RuleId> = RuleArgs<R> extends void ? [] : [args: RuleArgs<R>]

/** A message for `rule` at `place`, worded by the rule's catalogue entry from `args`. */
export function message<R extends RuleId>(rule: R, place: Place, ...args: Args<R>): Message {
  const entry = rules[rule] as Rule<unknown>
  const values = args[0]
  return { line: place.line, column: place.column, severity: entry.severityOf?.(values) ?? entry.severity, rule, message: entry.message(values) }
}

/** A message with its file: the diagnostic an edge reports. */
export function diagnostic<R extends RuleId>(file: string, rule: R, place: Place, ...args: Args<R>): Diagnostic {
  return { file, ...message(rule, place, ...args) }
}

export function inFile(file: string, messages: readonly Message[]): Diagnostic[] {
  return messages.map((m) => ({ file, line: m.line, column: m.column, severity: m.severity, rule: m.rule, message: m.message }))
}

/** Sort by file, then line, then column, then rule: output order never depends on discovery order. */
export function sortDiagnostics<T extends Message & { file?: string }>(list: readonly T[]): T[] {
  return [...list].sort(
    (a, b) =>
      compareText(a.file ?? '', b.file ?? '') ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.rule, b.rule) ||
      compareText(a.message, b.message)
  )
}

export function countSeverities(list: readonly Pick<Message, 'severity'>[]): { errors: number; warnings: number } {
  let errors = 0
  let warnings = 0
  for (const d of list) {
    if (d.severity === 'error') errors++
    else warnings++
  }
  return { errors, warnings }
}
