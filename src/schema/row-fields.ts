import type { Row } from './row.js'

/**
 * Public field order of a row (used for stable JSON and CSV). Apart from the
 * row's schema (`row.ts`), so that the stages after validation read it
 * without loading zod.
 */
export const rowFields = [
  'rank',
  'rankUpper',
  'rankLower',
  'name',
  'score',
  'ciPlus',
  'ciMinus',
  'preliminary',
  'votes',
  'organization',
  'license',
  'url',
  'flags',
  'rankStyleControl',
  'knowledgeCutoff',
  'priceInput',
  'priceOutput',
  'context',
  'metrics'
] as const satisfies readonly (keyof Row)[]
export type RowField = (typeof rowFields)[number]
