import { z } from 'zod'
import { ruleIds, type RuleId } from './rules.js'

/**
 * The schemas of diagnostics as data (`diagnostic.ts` builds
 * them): a place, a message (place, rule, severity, text) and a diagnostic
 * (a message with its file). Apart from the builders, so that a run which
 * validates nothing (a build whose files are all cached) does not load zod.
 */
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
