import type { Place } from './diagnostic.js'
import { placeFinder } from '../core/places.js'

/**
 * JSON with positions: parses a JSON text and records where every value (and
 * every object key) starts, so a schema error on `sources[2].url` can point
 * at `line:column` of that value in the file. Pure; no dependency.
 */
export interface PlacedJson {
  value: unknown
  /** Start of each value, by path (`''` is the root, then `sources`, `sources.2`, `sources.2.url`). */
  places: Map<string, Place>
  /** Start of each object key, by the path of the member it names. */
  keys: Map<string, Place>
}

/** A JSON syntax error at a place. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly place: Place
  ) {
    super(message)
  }
}

/** The path of a value inside a document, as used in `PlacedJson.places`. */
export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.')
}

/**
 * The place to report for a (schema) issue at `path`: the value itself when it
 * exists, else the closest enclosing value that does (a missing field is
 * reported at its object).
 */
export function placeOf(json: PlacedJson, path: readonly PropertyKey[]): Place {
  for (let n = path.length; n >= 0; n--) {
    const place = json.places.get(pathKey(path.slice(0, n)))
    if (place) return place
  }
  return { line: 1, column: 1 }
}

/** Deeper documents are refused (a data file is a few levels deep; recursion must not overflow the stack). */
export const MAX_DEPTH = 64

export function parseJsonWithPlaces(text: string): PlacedJson {
  const places = new Map<string, Place>()
  const keys = new Map<string, Place>()
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const placeAt: (index: number) => Place = placeFinder(text)

  function fail(expected: string): never {
    const found = i >= text.length ? 'the end of the file' : `\`${text[i]}\``
    throw new JsonSyntaxError(`Unexpected ${found}, expected ${expected}`, placeAt(i))
  }

  function space(): void {
    while (i < text.length && /[ \t\n\r]/.test(text[i]!)) i++
  }

  function string(): string {
    const start = i
    i++ // opening quote
    let out = ''
    while (i < text.length) {
      const ch = text[i]!
      if (ch === '"') {
        i++
        return out
      }
      if (ch === '\\') {
        const esc = text[i + 1]
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
        if (esc !== undefined && simple[esc] !== undefined) {
          out += simple[esc]
          i += 2
          continue
        }
        if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16))
          i += 6
          continue
        }
        i++
        fail('an escape sequence')
      }
      if (ch.charCodeAt(0) < 0x20) fail('`"` to close the string')
      out += ch
      i++
    }
    i = start
    fail('a closed string')
  }

  let depth = 0

  function value(path: string): unknown {
    space()
    places.set(path, placeAt(i))
    const ch = text[i]
    if ((ch === '{' || ch === '[') && ++depth > MAX_DEPTH) fail(`at most ${MAX_DEPTH} nested objects and arrays`)
    if (ch === '{') return object(path)
    if (ch === '[') return array(path)
    if (ch === '"') return string()
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64))
    if (!literal) fail('a JSON value')
    i += literal[0].length
    return literal[0] === 'true' ? true : literal[0] === 'false' ? false : literal[0] === 'null' ? null : Number(literal[0])
  }

  /** Consume `ch` when it is next. */
  function take(ch: string): boolean {
    if (text[i] !== ch) return false
    i++
    return true
  }

  /**
   * The members of an object or the items of an array, up to `close`: `read`
   * reads one; after each comes `,` or `close`.
   */
  function members(close: '}' | ']', read: () => void): void {
    i++
    space()
    if (!take(close)) {
      for (;;) {
        read()
        space()
        if (take(',')) continue
        if (take(close)) break
        fail(`\`,\` or \`${close}\``)
      }
    }
    depth--
  }

  function object(path: string): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    members('}', () => {
      space()
      if (text[i] !== '"') fail('a `"`-quoted key')
      const keyPlace = placeAt(i)
      const key = string()
      const child = path === '' ? key : `${path}.${key}`
      if (Object.hasOwn(out, key)) throw new JsonSyntaxError(`Unexpected duplicate key \`${key}\`, expected each key once`, keyPlace)
      keys.set(child, keyPlace)
      space()
      if (!take(':')) fail('`:`')
      // An own property even for `__proto__` (as JSON.parse does): data never sets a prototype.
      Object.defineProperty(out, key, { value: value(child), enumerable: true, writable: true, configurable: true })
    })
    return out
  }

  function array(path: string): unknown[] {
    const out: unknown[] = []
    members(']', () => out.push(value(path === '' ? String(out.length) : `${path}.${out.length}`)))
    return out
  }

  const root = value('')
  space()
  if (i < text.length) fail('the end of the file')
  return { value: root, places, keys }
}
