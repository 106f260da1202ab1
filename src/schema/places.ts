import { rowFields } from './row-fields.js'
import type { CellPlaces, ParsedSnapshot } from './snapshot.js'

/**
 * Cell positions, packed. A parse result gives every cell of every row its
 * `[line, column]`: a few hundred bytes per row as objects and tuples, most of
 * the memory a store takes once parsed (a whole history: about 200 MB). Later
 * stages read few of them: the checks across files the last row's, the
 * registry those of the first row it counts of each spelling and of cells
 * where language versions disagree (a warm build of the real history reads
 * 4,620 of its 270,000 rows' places). So a loaded store keeps a snapshot's
 * places as bytes (`PlaceBytes`: per row a line, per row and key a column) and
 * builds a row's `CellPlaces` when it is read. Packed places read like the
 * array they came from: `places[i].score` is `[line, column]` or undefined,
 * `places.length`, `places.at(-1)` and JSON are as before; they cannot be
 * changed.
 */
const keys = ['row', ...rowFields] as const

/** The largest column a row's bytes hold; a cell beyond it is one of `other`. */
const MAX_COLUMN = 0xffff

/** A snapshot's places as bytes. */
interface PlaceBytes {
  /** Per present key, its index in `keys`. */
  slots: number[]
  rows: number
  /** Per row, a 32-bit line: the line of the row's first cell (0: it has none). */
  lines: Buffer
  /** Per row and present key, a 16-bit column: 0 when the cell is absent, or one of `other`. */
  columns: Buffer
  /** Cells not on their row's line, or beyond column 65,535: `[row, key index, line, column]`. */
  other: [number, number, number, number][]
}

/** The bytes of each packed array: what makes one packed, and how its rows are read. */
const bytesOf = new WeakMap<readonly CellPlaces[], PlaceBytes>()

/** A row's `CellPlaces`, its keys in the order of `keys` (as a parse gives them). */
function rowAt(b: PlaceBytes, r: number, order: readonly number[], odd: ReadonlyMap<number, PlaceBytes['other']> | undefined): CellPlaces {
  const out: CellPlaces = {}
  const m = b.slots.length
  const line = b.lines.readInt32LE(r * 4)
  const cells = odd?.get(r)
  for (const j of order) {
    const cell = cells?.find((c) => c[1] === j)
    const column = b.columns.readUInt16LE((r * m + j) * 2)
    if (cell) out[keys[b.slots[j]!]!] = [cell[2], cell[3]]
    else if (column !== 0) out[keys[b.slots[j]!]!] = [line, column]
  }
  return out
}

/** The row a property key names (a canonical array index below `rows`), else -1. */
function rowIndex(key: string | symbol, rows: number): number {
  if (typeof key !== 'string') return -1
  const i = Number(key)
  return Number.isInteger(i) && i >= 0 && i < rows && String(i) === key ? i : -1
}

/** An array that reads its rows from `b` as they are asked for. */
function packedArray(b: PlaceBytes): CellPlaces[] {
  const order = b.slots.map((_, j) => j).sort((x, y) => b.slots[x]! - b.slots[y]!)
  const odd = b.other.length === 0 ? undefined : new Map<number, PlaceBytes['other']>()
  for (const cell of b.other) odd!.set(cell[0], [...(odd!.get(cell[0]) ?? []), cell])
  const target: CellPlaces[] = []
  target.length = b.rows
  const refuse = () => false
  const array = new Proxy(target, {
    get(t, key, receiver) {
      const i = rowIndex(key, b.rows)
      return i < 0 ? Reflect.get(t, key, receiver) : rowAt(b, i, order, odd)
    },
    has: (t, key) => rowIndex(key, b.rows) >= 0 || Reflect.has(t, key),
    ownKeys: (t) => [...Array.from({ length: b.rows }, (_, i) => String(i)), ...Reflect.ownKeys(t)],
    getOwnPropertyDescriptor(t, key) {
      const i = rowIndex(key, b.rows)
      return i < 0 ? Reflect.getOwnPropertyDescriptor(t, key) : { value: rowAt(b, i, order, odd), writable: false, enumerable: true, configurable: true }
    },
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse
  })
  bytesOf.set(array, b)
  return array
}

/** The bytes of plain places. */
function placeBytes(places: readonly CellPlaces[]): PlaceBytes {
  const known = bytesOf.get(places)
  if (known) return known
  const slots = keys.flatMap((key, k) => (places.some((at) => at[key] !== undefined) ? [k] : []))
  const m = slots.length
  const lines = Buffer.alloc(places.length * 4)
  const columns = Buffer.alloc(places.length * m * 2)
  const other: PlaceBytes['other'] = []
  places.forEach((at, r) => {
    let line = 0
    slots.forEach((k, j) => {
      const cell = at[keys[k]!]
      // Line 0 is no cell.
      if (!cell || cell[0] === 0) return
      if (line === 0) line = cell[0]
      if (cell[0] === line && cell[1] >= 1 && cell[1] <= MAX_COLUMN) columns.writeUInt16LE(cell[1], (r * m + j) * 2)
      else other.push([r, j, cell[0], cell[1]])
    })
    lines.writeInt32LE(line, r * 4)
  })
  return { slots, rows: places.length, lines, columns, other }
}

/** The places of a snapshot's rows, packed (a cell on line 0 is none). */
export function packPlaces(places: readonly CellPlaces[]): CellPlaces[] {
  return bytesOf.has(places) ? (places as CellPlaces[]) : packedArray(placeBytes(places))
}

/** The same snapshot, its places packed. */
export function withPackedPlaces<T extends ParsedSnapshot>(snapshot: T): T {
  return { ...snapshot, places: packPlaces(snapshot.places) }
}

/** Plain `CellPlaces` again, in a plain array (tests compare them; JSON gives the same). */
export function unpackPlaces(places: readonly CellPlaces[]): CellPlaces[] {
  return Array.from(places, (at) => at)
}

/**
 * Cell positions as a parse-cache entry keeps them: the keys present in any
 * row; per row the line of its cells (a table row is one line: all but 200
 * of the 2.7 million cells of the real history are on their row's line); per
 * row and key the column; and the few cells that do not fit (on another line,
 * or beyond column 65,535) on their own. Lines and columns are base64 of
 * little-endian integers: reading the entry back parses two strings instead
 * of a two-number array per cell. A quarter of the bytes of one 32-bit line
 * and column per cell, which a warm build read for every file.
 */
export interface EncodedPlaces {
  keys: string[]
  rows: number
  /** Per row, a 32-bit line: the line of the row's first cell (0: it has none). */
  lines: string
  /** Per row and key, a 16-bit column: 0 when the cell is absent, or one of `other`. */
  columns: string
  /** Cells not on their row's line, or beyond column 65,535: `[row, key index, line, column]`. */
  other: [number, number, number, number][]
}

/** The encoding of places, packed or plain. */
export function encodePlaces(places: readonly CellPlaces[]): EncodedPlaces {
  const b = placeBytes(places)
  return { keys: b.slots.map((k) => keys[k]!), rows: b.rows, lines: b.lines.toString('base64'), columns: b.columns.toString('base64'), other: b.other }
}

/**
 * Packed places from their encoding; undefined when the encoding does not hold
 * together (unknown or repeated key, wrong length, a cell out of range). The
 * bytes are decoded and checked here; a row's places are built when read.
 */
export function decodePlaces(encoded: EncodedPlaces): CellPlaces[] | undefined {
  if (!encoded || !Array.isArray(encoded.keys) || !Number.isInteger(encoded.rows) || encoded.rows < 0) return undefined
  if (typeof encoded.lines !== 'string' || typeof encoded.columns !== 'string' || !Array.isArray(encoded.other)) return undefined
  const slots = encoded.keys.map((key) => keys.indexOf(key as (typeof keys)[number]))
  if (slots.some((k) => k < 0) || new Set(slots).size !== slots.length) return undefined
  const rows = encoded.rows
  const m = slots.length
  const lines = Buffer.from(encoded.lines, 'base64')
  const columns = Buffer.from(encoded.columns, 'base64')
  if (lines.length !== rows * 4 || columns.length !== rows * m * 2) return undefined
  for (const cell of encoded.other) {
    if (!Array.isArray(cell) || cell.length !== 4 || !cell.every(Number.isInteger)) return undefined
    const [r, j] = cell
    if (r < 0 || r >= rows || j < 0 || j >= m) return undefined
  }
  return packedArray({ slots, rows, lines, columns, other: encoded.other })
}
