import { rowFields } from '../schema/row.js'
import type { CellPlaces, ParsedSnapshot } from '../schema/snapshot.js'

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
  return places.map((_, i) => new PackedPlaces(packed, i * width) as unknown as CellPlaces)
}

/** The same snapshot, its places packed. */
export function withPackedPlaces<T extends ParsedSnapshot>(snapshot: T): T {
  return { ...snapshot, places: packPlaces(snapshot.places) }
}

/** Plain `CellPlaces` again (tests compare them; JSON gives the same). */
export function unpackPlaces(places: readonly CellPlaces[]): CellPlaces[] {
  return places.map((at) => (at instanceof PackedPlaces ? at.toJSON() : at))
}
