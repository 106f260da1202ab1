import { z } from 'zod'
import { message, quote, type Message } from '../diagnostics/diagnostic.js'
import { JsonSyntaxError, parseJsonWithPlaces, placeOf } from '../diagnostics/json-places.js'
import { LanguageSchema } from '../schema/snapshot.js'
import { sourceIds } from '../store/sources.js'

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
  let json
  try {
    json = parseJsonWithPlaces(text)
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { sources: [], messages: [message('invalid-sources', error.place, `Invalid JSON: ${error.message}`)] }
    throw error
  }
  const parsed = SourcesFileSchema.safeParse(json.value)
  if (!parsed.success) {
    const messages = parsed.error.issues.map((issue) => {
      const field = issue.path.map(String).join('.')
      const found = valueAt(json.value, issue.path)
      const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : []
      if (unknownKeys.length) {
        const key = unknownKeys[0]!
        const place = json.keys.get([...issue.path.map(String), key].join('.')) ?? placeOf(json, issue.path)
        return message('invalid-sources', place, `Unexpected field ${quote(key)} ${issue.path.length ? `in ${field}` : 'at the top level'}, expected only ${issue.path.length ? 'source, language, url, note' : 'sources'}`)
      }
      const where = issue.path.length ? `in \`${field}\`` : 'at the top level'
      return message('invalid-sources', placeOf(json, issue.path), `Unexpected ${describe(found)} ${where}, expected ${expectation(issue)}`)
    })
    return { sources: [], messages }
  }
  const messages: Message[] = []
  const seen = new Map<string, number>()
  for (const [index, entry] of parsed.data.sources.entries()) {
    const key = `${entry.source} ${entry.language} ${entry.url}`
    const first = seen.get(key)
    if (first !== undefined) {
      messages.push(message('invalid-sources', placeOf(json, ['sources', index]), `Unexpected repeated entry ${quote(key, 120)}, expected each source, language and URL once (first at sources.${first})`))
    } else seen.set(key, index)
  }
  return { sources: messages.length ? [] : parsed.data.sources, messages }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key as string]
  }
  return value
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing value'
  if (typeof value === 'string') return quote(value, 60)
  if (Array.isArray(value)) return 'array'
  if (value === null) return '`null`'
  if (typeof value === 'object') return 'object'
  return '`' + String(value) + '`'
}

function expectation(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return issue.expected === 'array' ? 'an array' : issue.expected === 'object' ? 'an object' : `a ${issue.expected}`
  // Custom refinements and regex checks carry what they expect as their message.
  return issue.message.replace(/^Invalid (?:string: must match pattern .*|input)$/, 'a valid value')
}
