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

const MAX_COLUMN = 0xffff

export function encodePlaces(places: readonly CellPlaces[]): EncodedPlaces {
  const present = keys.filter((key) => places.some((at) => at[key] !== undefined))
  const m = present.length
  const lines = Buffer.alloc(places.length * 4)
  const columns = Buffer.alloc(places.length * m * 2)
  const other: EncodedPlaces['other'] = []
  places.forEach((at, r) => {
    let line = 0
    present.forEach((key, j) => {
      const cell = at[key]
      // Line 0 is no cell (`packPlaces`).
      if (!cell || cell[0] === 0) return
      if (line === 0) line = cell[0]
      if (cell[0] === line && cell[1] >= 1 && cell[1] <= MAX_COLUMN) columns.writeUInt16LE(cell[1], (r * m + j) * 2)
      else other.push([r, j, cell[0], cell[1]])
    })
    lines.writeInt32LE(line, r * 4)
  })
  return { keys: present, rows: places.length, lines: lines.toString('base64'), columns: columns.toString('base64'), other }
}

/** Packed places from their encoding; undefined when the encoding does not hold together (unknown key, wrong length, a cell out of range). */
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
  const packed = new Int32Array(rows * width)
  for (let r = 0; r < rows; r++) {
    const line = lines.readInt32LE(r * 4)
    for (let j = 0; j < m; j++) {
      const column = columns.readUInt16LE((r * m + j) * 2)
      if (column === 0) continue
      const at = r * width + 2 * slots[j]!
      packed[at] = line
      packed[at + 1] = column
    }
  }
  for (const cell of encoded.other) {
    if (!Array.isArray(cell) || cell.length !== 4 || !cell.every(Number.isInteger)) return undefined
    const [r, j, line, column] = cell
    if (r < 0 || r >= rows || j < 0 || j >= m) return undefined
    const at = r * width + 2 * slots[j]!
    packed[at] = line
    packed[at + 1] = column
  }
  return packedRows(packed, rows)
}
