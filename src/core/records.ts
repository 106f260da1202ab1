/**
 * Plain objects made compact, for the records a build holds by the hundred
 * thousand (the reconciled rows: 50,000 more for each year of daily data).
 *
 * An object built a property at a time from `{}` keeps four properties in
 * itself and the rest in a second array, and a field that ever held a
 * fraction boxes every number of it, whole or not (16 bytes each). An object
 * literal with every key keeps them all in itself, and a field whose shape
 * held a text first boxes only the fractions. A whole number that comes as a
 * double (`smallInteger`) is stored as a small integer.
 *
 * `recordOf` makes that literal, once for each list of keys (a function per
 * list, compiled on first use), and primes its shape with texts. The result
 * is a plain object like any other: own keys in the order given,
 * `Object.prototype`, equal (`toStrictEqual`, JSON) to the one built a
 * property at a time.
 *
 * Measured on the history with a year of daily data ahead (heap after a full
 * collection): after reading the store 48 -> 40 MiB, after the site model
 * 80 -> 66 MiB (with the model's records: `lifecycle.ts`, `diffs.ts`,
 * `frontier.ts`). Without the priming, the heap after reading held 400,000
 * boxed numbers more (4 MiB).
 */

type Maker = (values: readonly unknown[]) => Record<string, unknown>

/**
 * The makers, found by their keys one at a time: a key names the next node
 * (a field name, one string the code holds, whose hash V8 keeps). Joining the
 * keys into one string to look the maker up made a new string to hash on
 * each of the 250,000 records of a warm build (250,000 records of four
 * shapes: 83 ms, against 40 found key by key).
 */
interface Shape {
  next: Map<string, Shape>
  make?: Maker
}

const shapes: Shape = { next: new Map() }
let made = 0

/**
 * Lists of keys made into a function at most: a store (a hostile one
 * included) whose rows show more combinations of fields gets the rest built
 * a property at a time. The real history shows a few dozen.
 */
export const MAX_SHAPES = 256

/** The object whose own keys are `keys`, in that order, with `values` (same length; keys distinct). */
export function recordOf(keys: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  let shape: Shape | undefined = shapes
  for (let i = 0; i < keys.length && shape !== undefined; i++) shape = shape.next.get(keys[i]!)
  const make = shape?.make ?? newMaker(keys)
  return make ? make(values) : builtByHand(keys, values)
}

/** A maker for `keys`, kept in `shapes`; undefined past `MAX_SHAPES` (nothing is kept then). */
function newMaker(keys: readonly string[]): Maker | undefined {
  // A literal naming `__proto__` would set the prototype instead.
  if (made >= MAX_SHAPES || keys.includes('__proto__')) return undefined
  // The keys are quoted as JSON strings: whatever they hold, the source is one literal.
  const literal = `{${keys.map((k, i) => `${JSON.stringify(k)}: n(v[${i}])`).join(', ')}}`
  const make = (new Function('n', `return (v) => (${literal})`) as (n: (x: unknown) => unknown) => Maker)(smallInteger)
  // Texts first: each field then takes whole numbers unboxed (see above); the primer is let go.
  make(keys.map(() => ''))
  let shape = shapes
  for (const key of keys) {
    let next = shape.next.get(key)
    if (next === undefined) shape.next.set(key, (next = { next: new Map() }))
    shape = next
  }
  shape.make = make
  made++
  return make
}

/**
 * A whole number as a small integer, anything else as it is. `JSON.parse`
 * gives every number of a field as a double once one of them is a fraction,
 * and a double kept in an object is boxed: 1,502 read back from the parse
 * cache, kept as it came, takes 16 bytes more than 1,502. Zero (and -0), NaN
 * and numbers past 32 bits stay as they are.
 */
function smallInteger(x: unknown): unknown {
  return typeof x === 'number' && (x | 0) === x && x !== 0 ? x | 0 : x
}

function builtByHand(keys: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (let i = 0; i < keys.length; i++) Object.defineProperty(out, keys[i]!, { value: values[i], enumerable: true, writable: true, configurable: true })
  return out
}
