import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodePlaces, encodePlaces, packPlaces, unpackPlaces, type EncodedPlaces } from '../../src/schema/places.js'
import { rowFields } from '../../src/schema/row.js'
import type { CellPlaces } from '../../src/schema/snapshot.js'

const rowKeys = ['row', ...rowFields] as string[]
const order = (key: string) => rowKeys.indexOf(key)

/** An encoding's columns with its keys listed in the reverse order. */
function reversedColumns(encoded: EncodedPlaces): string {
  const m = encoded.keys.length
  const from = Buffer.from(encoded.columns, 'base64')
  const to = Buffer.alloc(from.length)
  for (let r = 0; r < encoded.rows; r++) for (let j = 0; j < m; j++) to.writeUInt16LE(from.readUInt16LE((r * m + j) * 2), (r * m + (m - 1 - j)) * 2)
  return to.toString('base64')
}

describe('packed cell positions', () => {
  const places: CellPlaces[] = [
    { row: [12, 1], rank: [12, 3], name: [12, 11], score: [12, 40], rankUpper: [12, 20], rankLower: [12, 20] },
    { row: [13, 1], rank: [13, 3] },
    {},
    { row: [100_000, 1], metrics: [100_000, 250], context: [100_000, 2_000_000] }
  ]

  it('reads every cell back as [line, column], absent cells as undefined', () => {
    const packed = packPlaces(places)
    expect(packed).toHaveLength(4)
    expect(packed[0]!.score).toEqual([12, 40])
    expect(packed[0]!.rankLower).toEqual([12, 20])
    expect(packed[1]!.score).toBeUndefined()
    expect(packed[2]!.row).toBeUndefined()
    expect(packed.at(-1)?.row).toEqual([100_000, 1])
    expect(packed[3]!.context).toEqual([100_000, 2_000_000])
    expect(unpackPlaces(packed)).toEqual(places)
    expect(JSON.parse(JSON.stringify(packed))).toEqual(places)
  })

  it('reads like a plain array, and cannot be changed', () => {
    const packed = packPlaces(places)
    expect(Array.isArray(packed)).toBe(true)
    expect(Object.keys(packed)).toEqual(['0', '1', '2', '3'])
    expect(3 in packed).toBe(true)
    expect(4 in packed).toBe(false)
    expect(packed[4]).toBeUndefined()
    expect(packed[-1 as number]).toBeUndefined()
    expect([...packed].map((at) => at.row?.[0])).toEqual([12, 13, undefined, 100_000])
    expect(packed.map((at) => Object.keys(at).length)).toEqual([6, 2, 0, 3])
    // A row's keys come in the order a parse gives them, whatever order the entry lists them in.
    expect(Object.keys(packed[0]!)).toEqual(Object.keys(places[0]!).sort((a, b) => order(a) - order(b)))
    const reordered = encodePlaces(places)
    expect(Object.keys(decodePlaces({ ...reordered, keys: [...reordered.keys].reverse(), columns: reversedColumns(reordered) })![0]!)).toEqual(Object.keys(packed[0]!))
    expect(() => {
      ;(packed as CellPlaces[])[0] = {}
    }).toThrow(TypeError)
    expect(() => (packed as CellPlaces[]).push({})).toThrow(TypeError)
    expect(packed[0]!.row).toEqual([12, 1])
    expect(packed).toHaveLength(4)
  })

  it('packs once: packing packed places gives them back', () => {
    const packed = packPlaces(places)
    expect(packPlaces(packed)).toBe(packed)
    expect(packPlaces([])).toEqual([])
  })

  it('encodes for the parse cache: the keys present, a line per row and a column per cell, decoded packed', () => {
    const encoded = encodePlaces(places)
    expect(encoded.keys).toEqual(['row', 'rank', 'rankUpper', 'rankLower', 'name', 'score', 'context', 'metrics'])
    expect(encoded.rows).toBe(4)
    expect(Buffer.from(encoded.lines, 'base64').length).toBe(4 * 4)
    expect(Buffer.from(encoded.columns, 'base64').length).toBe(4 * 8 * 2)
    // Only the column beyond 65,535 is a cell of its own.
    expect(encoded.other).toEqual([[3, 6, 100_000, 2_000_000]])
    const decoded = decodePlaces(JSON.parse(JSON.stringify(encoded)))!
    expect(unpackPlaces(decoded)).toEqual(places)
    expect(decoded[3]!.context).toEqual([100_000, 2_000_000])
    expect(packPlaces(decoded)).toBe(decoded)
    // Packed places encode the same.
    expect(encodePlaces(packPlaces(places))).toEqual(encoded)
    expect(unpackPlaces(decodePlaces(encodePlaces([]))!)).toEqual([])
  })

  it('keeps a cell on another line than its row, and a row whose first cell is not its start', () => {
    const odd: CellPlaces[] = [
      { row: [7, 1], name: [8, 3], score: [7, 65_535] },
      { name: [9, 5], score: [9, 30] },
      { row: [10, 1], rank: [10, 70_000], votes: [11, 2] }
    ]
    const encoded = encodePlaces(odd)
    expect(encoded.other).toEqual([
      [0, 2, 8, 3],
      [2, 1, 10, 70_000],
      [2, 4, 11, 2]
    ])
    expect(unpackPlaces(decodePlaces(JSON.parse(JSON.stringify(encoded)))!)).toEqual(odd)
    // A cell on line 0 is none, packed or encoded.
    const zero: CellPlaces[] = [{ row: [0, 1], rank: [5, 2] }]
    expect(unpackPlaces(decodePlaces(encodePlaces(zero))!)).toEqual(unpackPlaces(packPlaces(zero)))
    expect(unpackPlaces(packPlaces(zero))).toEqual([{ rank: [5, 2] }])
  })

  it('gives back through the cache whatever packing gives back', () => {
    const key = fc.constantFrom('row', 'rank', 'name', 'score', 'votes', 'license', 'metrics')
    const cell = fc.tuple(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: -2, max: 2_000_000 })), fc.oneof(fc.integer({ min: 1, max: 400 }), fc.integer({ min: -1, max: 3_000_000 })))
    const row = fc.dictionary(key, cell) as fc.Arbitrary<CellPlaces>
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), (list) => {
        const decoded = decodePlaces(JSON.parse(JSON.stringify(encodePlaces(list))) as EncodedPlaces)!
        expect(unpackPlaces(decoded)).toEqual(unpackPlaces(packPlaces(list)))
      })
    )
  })

  it('refuses an encoding that does not hold together', () => {
    const encoded = encodePlaces(places)
    expect(decodePlaces({ ...encoded, keys: [...encoded.keys.slice(0, -1), 'nope'] })).toBeUndefined()
    expect(decodePlaces({ ...encoded, keys: [...encoded.keys.slice(0, -1), 'row'] })).toBeUndefined()
    expect(decodePlaces({ ...encoded, rows: 5 })).toBeUndefined()
    expect(decodePlaces({ ...encoded, lines: encoded.lines.slice(8) })).toBeUndefined()
    expect(decodePlaces({ ...encoded, columns: encoded.columns.slice(8) })).toBeUndefined()
    expect(decodePlaces({ ...encoded, other: [[4, 0, 1, 1]] })).toBeUndefined()
    expect(decodePlaces({ ...encoded, other: [[0, 8, 1, 1]] })).toBeUndefined()
    expect(decodePlaces({ ...encoded, other: [[0, 0, 1]] as never })).toBeUndefined()
    expect(decodePlaces({ ...encoded, other: undefined as never })).toBeUndefined()
    expect(decodePlaces({ ...encoded, rows: -1 })).toBeUndefined()
    expect(decodePlaces(null as never)).toBeUndefined()
  })
})
