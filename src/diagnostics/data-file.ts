import type { z } from 'zod'
import { message, type Message } from './diagnostic.js'
import { JsonSyntaxError, parseJsonWithPlaces, placeOf, type PlacedJson } from './json-places.js'
import { schemaIssue } from './zod.js'

/** Rules of the maintainer-edited JSON data files. */
export type DataFileRule = 'invalid-sources' | 'invalid-registry-data' | 'invalid-events'

/**
 * Read a maintainer-edited JSON file against its schema. Every problem is a
 * message at the offending value (an unknown field at its key), worded by the
 * file's rule; `data` is undefined when there is any.
 */
export function readDataFile<S extends z.ZodType>(text: string, schema: S, rule: DataFileRule): { data?: z.infer<S>; json?: PlacedJson; messages: Message[] } {
  let json: PlacedJson
  try {
    json = parseJsonWithPlaces(text)
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { messages: [message(rule, error.place, { kind: 'json', reason: error.message })] }
    throw error
  }
  const result = schema.safeParse(json.value)
  if (result.success) return { data: result.data, json, messages: [] }
  const messages = result.error.issues.map((issue) => {
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined
    const place = (key !== undefined ? json.keys.get([...issue.path.map(String), key].join('.')) : undefined) ?? placeOf(json, issue.path)
    return message(rule, place, { kind: 'schema', ...schemaIssue(issue, json.value, schema) })
  })
  return { json, messages }
}
