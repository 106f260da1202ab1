import { z } from 'zod'

/** A character that shows: not a format (bidi, zero-width) or control character, nor a space. */
const visible = /[^\p{Cf}\p{Cc}\p{Z}]/u
const rank = z.number().int().min(1).max(100_000)
const finite = z.number().refine(Number.isFinite, 'a finite number')
const nonNegative = z.number().min(0).refine(Number.isFinite, 'a finite number')

/** A footnote mark on a model name (e.g. SEAL's `*` contamination warning), kept with its text. */
export const FlagSchema = z.object({
  code: z.string().regex(/^[a-z][a-z-]*$/),
  mark: z.string().min(1),
  text: z.string()
})
export type Flag = z.infer<typeof FlagSchema>

/** A measure beside the score (the agent board has several), in the unit the source uses. */
export const MetricSchema = z.object({
  value: finite,
  ciPlus: nonNegative.optional(),
  ciMinus: nonNegative.optional(),
  unit: z.enum(['%', 'count', 'ratio']).optional()
})
export type Metric = z.infer<typeof MetricSchema>

/**
 * One row of a leaderboard, as the source states it. Fields a source does not
 * have are absent (never null). Field names are the public `parse --json` API.
 */
export const RowSchema = z
  .object({
    rank,
    rankUpper: rank.optional(),
    rankLower: rank.optional(),
    // Only invisible characters (`\u0000`, U+200B) is no name: it would be shown as an empty one.
    name: z.string().trim().min(1).max(300).regex(visible, 'a name with a visible character'),
    score: finite.optional(),
    ciPlus: nonNegative.optional(),
    ciMinus: nonNegative.optional(),
    preliminary: z.boolean().optional(),
    votes: z.number().int().min(0).optional(),
    organization: z.string().trim().min(1).regex(visible, 'an organization with a visible character').optional(),
    license: z.string().trim().min(1).regex(visible, 'a license with a visible character').optional(),
    url: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//i.test(u), 'an http(s) URL')
      .optional(),
    flags: z.array(FlagSchema).optional(),
    rankStyleControl: rank.optional(),
    knowledgeCutoff: z.string().min(1).optional(),
    priceInput: nonNegative.optional(),
    priceOutput: nonNegative.optional(),
    context: z.number().int().positive().optional(),
    metrics: z.record(z.string(), MetricSchema).optional()
  })
  .strict()
  .superRefine((row, ctx) => {
    if (row.rankUpper !== undefined && row.rankLower !== undefined && row.rankUpper > row.rankLower) {
      ctx.addIssue({
        code: 'custom',
        path: ['rankUpper'],
        message: `upper rank ${row.rankUpper} is below lower rank ${row.rankLower}`
      })
    }
  })
export type Row = z.infer<typeof RowSchema>

export { rowFields, type RowField } from './row-fields.js'
