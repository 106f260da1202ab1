import { isCalendarDate } from '../core/dates.js'
import { z } from 'zod'
import { RowSchema, type Row } from './row.js'
import { rowFields, type RowField } from './row-fields.js'
import { MessageSchema } from '../diagnostics/schemas.js'
import type { CsvLayout } from '../core/archives.js'

export const DateSchema = z.string().refine(isCalendarDate, 'a date YYYY-MM-DD')
/** A BCP 47 tag; a private-use part (`en-x-exports`) names the archive a CSV capture comes from. */
export const LanguageSchema = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*(-x(-[A-Za-z0-9]{1,8})+)?$/, 'a BCP 47 language tag')
export const SourceIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a source id')

/**
 * Where a snapshot that is not upstream's own page came from, and what its
 * `rank` means (the pages can say which rank is shown):
 *  - `upstream`: upstream's rank as the archive copied it (LMArena's rank
 *    with intervals, ties shared);
 *  - `position`: the row's position in the archive's file (1, 2, 3, …);
 *  - `derived`: the archive has no rank; leaderlog ranked the rows by score,
 *    equal scores sharing a rank (1, 2, 2, 4).
 * Markdown captures have none.
 */
export const ProvenanceSchema = z
  .object({
    archive: z.string().regex(/^[a-z0-9]{1,8}$/, 'an archive id'),
    rank: z.enum(['upstream', 'position', 'derived'])
  })
  .strict()
export type Provenance = z.infer<typeof ProvenanceSchema>

export const SnapshotSchema = z
  .object({
    board: SourceIdSchema,
    date: DateSchema,
    updatedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/).nullable(),
    language: LanguageSchema,
    source: SourceIdSchema,
    provenance: ProvenanceSchema.optional(),
    rows: z.array(RowSchema)
  })
  .strict()
export type Snapshot = z.infer<typeof SnapshotSchema>

/** Where each field of a row was found: `[line, column]` of its cell. */
export const CellPlacesSchema = z.record(z.string(), z.tuple([z.number().int(), z.number().int()]))
export type CellPlaces = Partial<Record<RowField | 'row', [number, number]>>

/**
 * What the parse stage hands on: the snapshot plus the positions of every row's
 * cells (so later stages can point at them) and what the page announced.
 */
export interface ParsedSnapshot extends Snapshot {
  /** Parallel to `rows`. */
  places: CellPlaces[]
  /** "Top 30" pages announce how many rows they show. */
  declaredRows?: number
}

export const ParseResultSchema = z.object({
  parser: z.string(),
  source: SourceIdSchema.nullable(),
  language: LanguageSchema.nullable(),
  detectedLanguage: LanguageSchema.optional(),
  layout: z.enum(['export', 'ratings']).optional(),
  snapshots: z.array(
    SnapshotSchema.extend({
      places: z.array(CellPlacesSchema),
      declaredRows: z.number().int().positive().optional()
    })
  ),
  messages: z.array(MessageSchema)
})

export interface ParseResult {
  /** Parser version: part of any cache key. */
  parser: string
  source: string | null
  language: string | null
  /** The language the page's prose reads as, whatever it was said to be (undefined when it has no prose). */
  detectedLanguage?: string
  /** A CSV capture: the layout its header has (an archive's daily `export`, or `ratings` with a `date` column). */
  layout?: CsvLayout
  snapshots: ParsedSnapshot[]
  messages: z.infer<typeof MessageSchema>[]
}

/** A row with its keys in the public order, absent fields left out. */
export function orderRow(row: Row): Row {
  const out: Record<string, unknown> = {}
  for (const field of rowFields) {
    if (row[field] !== undefined) out[field] = row[field]
  }
  return out as Row
}

/** The public shape of a snapshot (drops positions). */
export function publicSnapshot(s: Snapshot): Snapshot {
  return {
    board: s.board,
    date: s.date,
    updatedAt: s.updatedAt,
    language: s.language,
    source: s.source,
    ...(s.provenance ? { provenance: { archive: s.provenance.archive, rank: s.provenance.rank } } : {}),
    rows: s.rows.map(orderRow)
  }
}
