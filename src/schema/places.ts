import { rowFields } from './row.js'
import type { CellPlaces, ParsedSnapshot } from './snapshot.js'

/**
 * Cell positions, packed. A parse result gives every cell of every row its
 * `[line, column]`: a few hundred bytes per row as objects and tuples, most of
 * the memory a store takes once parsed (a whole history: about 200 MB). Later
 * stages only read a few of them (the checks across files the last row's, the
 * registry those of cells where language versions disagree), so a loaded
 * store keeps them in one `Int32Array` per snapshot and builds the tuple of a
 * cell when it is read. A packed row reads like the `CellPlaces` it came from:
 * `places[i].score` is `[line, column]` or undefined.
 */
const keys = ['row', ...rowFields] as const
const width = keys.length * 2

/** A row's places, read from the snapshot's packed array. */
class PackedPlaces {
  constructor(
    readonly packed: Int32Array,
    readonly offset: number
  ) {}

  /** The plain `CellPlaces` (what `JSON.stringify` writes). */
  toJSON(): CellPlaces {
    const out: CellPlaces = {}
    for (const key of keys) {
      const cell = (this as unknown as CellPlaces)[key]
      if (cell) out[key] = cell
    }
    return out
  }
}

keys.forEach((key, k) => {
  Object.defineProperty(PackedPlaces.prototype, key, {
    enumerable: false,
    get(this: PackedPlaces): [number, number] | undefined {
      const line = this.packed[this.offset + 2 * k]!
      return line === 0 ? undefined : [line, this.packed[this.offset + 2 * k + 1]!]
    }
  })
})

/** The places of a snapshot's rows, packed (lines are ≥ 1, so 0 means absent). */
export function packPlaces(places: readonly CellPlaces[]): CellPlaces[] {
  if (places.length > 0 && places[0] instanceof PackedPlaces) return places as CellPlaces[]
  const packed = new Int32Array(places.length * width)
  places.forEach((at, i) => {
    keys.forEach((key, k) => {
      const cell = at[key]
      if (cell) {
        packed[i * width + 2 * k] = cell[0]
        packed[i * width + 2 * k + 1] = cell[1]
      }
    })
  })
  return packedRows(packed, places.length)
}

/** One `PackedPlaces` per row of a full-width packed array. */
function packedRows(packed: Int32Array, rows: number): CellPlaces[] {
  return Array.from({ length: rows }, (_, r) => new PackedPlaces(packed, r * width) as unknown as CellPlaces)
}

/** The same snapshot, its places packed. */
export function withPackedPlaces<T extends ParsedSnapshot>(snapshot: T): T {
  return { ...snapshot, places: packPlaces(snapshot.places) }
}

/** Plain `CellPlaces` again (tests compare them; JSON gives the same). */
export function unpackPlaces(places: readonly CellPlaces[]): CellPlaces[] {
  return places.map((at) => (at instanceof PackedPlaces ? at.toJSON() : at))
}

/**
 * Cell positions as a parse-cache entry keeps them: the keys present in any
 * row, and per row and key the `[line, column]` pair (0, 0 when absent), as
 * base64 of little-endian 32-bit integers. Reading the entry back parses one
 * string instead of a two-number array per cell (half an entry's JSON, and two
 * thirds of the time a warm build took to read the cache).
 */
export interface EncodedPlaces {
  keys: string[]
  rows: number
  data: string
}

export function encodePlaces(places: readonly CellPlaces[]): EncodedPlaces {
  const present = keys.filter((key) => places.some((at) => at[key] !== undefined))
  const ints = Buffer.alloc(places.length * present.length * 8)
  let offset = 0
  for (const at of places) {
    for (const key of present) {
      const cell = at[key]
      ints.writeInt32LE(cell ? cell[0] : 0, offset)
      ints.writeInt32LE(cell ? cell[1] : 0, offset + 4)
      offset += 8
    }
  }
  return { keys: present, rows: places.length, data: ints.toString('base64') }
}

/** Packed places from their encoding; undefined when the encoding does not hold together (unknown key, wrong length). */
export function decodePlaces(encoded: EncodedPlaces): CellPlaces[] | undefined {
  if (!encoded || !Array.isArray(encoded.keys) || !Number.isInteger(encoded.rows) || encoded.rows < 0 || typeof encoded.data !== 'string') return undefined
  const slots = encoded.keys.map((key) => keys.indexOf(key as (typeof keys)[number]))
  if (slots.some((k) => k < 0) || new Set(slots).size !== slots.length) return undefined
  const bytes = Buffer.from(encoded.data, 'base64')
  const m = slots.length
  if (bytes.length !== encoded.rows * m * 8) return undefined
  const packed = new Int32Array(encoded.rows * width)
  let offset = 0
  for (let r = 0; r < encoded.rows; r++) {
    for (let j = 0; j < m; j++) {
      const at = r * width + 2 * slots[j]!
      packed[at] = bytes.readInt32LE(offset)
      packed[at + 1] = bytes.readInt32LE(offset + 4)
      offset += 8
    }
  }
  return packedRows(packed, encoded.rows)
}
