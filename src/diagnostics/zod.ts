import { z } from 'zod'
import type { SchemaIssue } from './rules.js'

/**
 * Zod issues in words, in one place: which field, what the schema expects and
 * what was found. Each rule's catalogue entry words the sentence; data files,
 * rows and snapshots all report through here.
 */
export function schemaIssue(issue: z.core.$ZodIssue, root: unknown, schema?: z.ZodType): SchemaIssue {
  const found = valueAt(root, issue.path)
  const allowed = issue.code === 'unrecognized_keys' && schema ? fieldsAt(schema, issue.path) : undefined
  return {
    field: issue.path.map(String).join('.'),
    expected: allowed ? `only ${allowed.map((k) => `\`${k}\``).join(', ')}` : expectation(issue),
    found: found === undefined ? undefined : JSON.stringify(found),
    ...(issue.code === 'unrecognized_keys' ? { keys: issue.keys } : {})
  }
}

/** The fields an object schema allows at `path` (for "expected only …"). */
export function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let at: z.ZodType = schema
  for (let i = 0; ; i++) {
    while (at instanceof z.ZodOptional || at instanceof z.ZodDefault || at instanceof z.ZodNullable) at = at.unwrap() as z.ZodType
    if (i === path.length) return at instanceof z.ZodObject ? Object.keys(at.shape) : undefined
    const key = path[i]!
    if (at instanceof z.ZodArray && typeof key === 'number') at = at.element as z.ZodType
    else if (at instanceof z.ZodObject && typeof key === 'string' && key in at.shape) at = at.shape[key] as z.ZodType
    else return undefined
  }
}

/** The value at a path inside plain data; undefined when the path leads nowhere. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

const article = (word: string): string => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`)

/** What a schema expects, as a phrase that follows "expected". */
export function expectation(issue: z.core.$ZodIssue): string {
  // A schema that says what it expects (`a date YYYY-MM-DD`, `at least one source`) is taken at its word.
  if (!/^(?:Invalid|Too (?:small|big)|Unrecognized)/i.test(issue.message)) return issue.message
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'a whole number' : article(issue.expected)
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum
      const sign = issue.code === 'too_small' ? (issue.inclusive === false ? '>' : '≥') : issue.inclusive === false ? '<' : '≤'
      if (issue.origin === 'string') return `${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)} character${Number(bound) === 1 ? '' : 's'}`
      if (issue.origin === 'array' || issue.origin === 'set') return `${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)} item${Number(bound) === 1 ? '' : 's'}`
      return `a number ${sign} ${String(bound)}`
    }
    case 'invalid_value':
      return issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'unrecognized_keys':
      return 'no other fields'
    default:
      return 'a valid value'
  }
}
