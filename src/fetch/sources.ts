import { z } from 'zod'
import { readDataFile } from '../diagnostics/data-file.js'
import { message, type Message } from '../diagnostics/diagnostic.js'
import { placeOf } from '../diagnostics/json-places.js'
import { LanguageSchema } from '../schema/snapshot.js'
import { sourceIds } from '../core/sources.js'

/**
 * The sources file: which upstream URL to fetch for each source and language.
 * Maintainers edit it; `leaderlog fetch` reads it. Pure: text in, data and
 * positioned messages out.
 */
export const SourceEntrySchema = z
  .object({
    source: z.string().refine((id) => sourceIds.includes(id), { message: `a known source (${sourceIds.join(', ')})` }),
    language: LanguageSchema,
    url: z
      .string()
      .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), { message: 'an absolute http(s) URL' }),
    /** Free text for maintainers (why the entry is there, since when). */
    note: z.string().optional()
  })
  .strict()
export type SourceEntry = z.infer<typeof SourceEntrySchema>

export const SourcesFileSchema = z
  .object({
    sources: z.array(SourceEntrySchema).min(1, { message: 'at least one source' })
  })
  .strict()
export type SourcesFile = z.infer<typeof SourcesFileSchema>

export interface SourcesResult {
  sources: SourceEntry[]
  messages: Message[]
}

/** Parse and validate a sources file; every problem is a message at the offending value. */
export function parseSources(text: string): SourcesResult {
  const { data, json, messages } = readDataFile(text, SourcesFileSchema, 'invalid-sources')
  if (!data || !json) return { sources: [], messages }
  const seen = new Map<string, number>()
  for (const [index, entry] of data.sources.entries()) {
    const key = `${entry.source} ${entry.language} ${entry.url}`
    const first = seen.get(key)
    if (first !== undefined) messages.push(message('invalid-sources', placeOf(json, ['sources', index]), { kind: 'repeated', entry: key, first }))
    else seen.set(key, index)
  }
  return { sources: messages.length ? [] : data.sources, messages }
}
