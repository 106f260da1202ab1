import { z } from 'zod'
import { rules, ruleIds, type RuleId, type Severity } from './rules.js'

/** A diagnostic as produced by a pure stage: no file yet (the edge adds it). */
export const PlaceSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1)
})
export type Place = z.infer<typeof PlaceSchema>

export const MessageSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  severity: z.enum(['error', 'warning']),
  rule: z.enum(ruleIds as [RuleId, ...RuleId[]]),
  message: z.string()
})
export type Message = z.infer<typeof MessageSchema>

export const DiagnosticSchema = MessageSchema.extend({ file: z.string() })
export type Diagnostic = z.infer<typeof DiagnosticSchema>

export const START: Place = { line: 1, column: 1 }

/** Make a message for `rule` at `place`, with the rule's default severity unless told. */
export function message(rule: RuleId, place: Place | undefined, text: string, severity?: Severity): Message {
  const at = place ?? START
  return { line: at.line, column: at.column, severity: severity ?? rules[rule].severity, rule, message: text }
}

export function inFile(file: string, messages: readonly Message[]): Diagnostic[] {
  return messages.map((m) => ({ file, line: m.line, column: m.column, severity: m.severity, rule: m.rule, message: m.message }))
}

/** Sort by file, then line, then column, then rule: output order never depends on discovery order. */
export function sortDiagnostics<T extends Message & { file?: string }>(list: readonly T[]): T[] {
  return [...list].sort(
    (a, b) =>
      compare(a.file ?? '', b.file ?? '') ||
      a.line - b.line ||
      a.column - b.column ||
      compare(a.rule, b.rule) ||
      compare(a.message, b.message)
  )
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** `path:line:column: severity message [rule]` */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.message} [${d.rule}]`
}

export function countSeverities(list: readonly Message[]): { errors: number; warnings: number } {
  let errors = 0
  let warnings = 0
  for (const d of list) {
    if (d.severity === 'error') errors++
    else warnings++
  }
  return { errors, warnings }
}

/** Show a value in a message the way the unified collective does: in backticks, shortened. */
export function quote(value: string, max = 40): string {
  const flat = value.replace(/\s+/g, ' ').trim()
  const short = flat.length > max ? flat.slice(0, max - 1) + '…' : flat
  return '`' + short.replace(/`/g, "'") + '`'
}
