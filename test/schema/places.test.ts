import { describe, expect, it } from 'vitest'
import { decodePlaces, encodePlaces, packPlaces, unpackPlaces } from '../../src/schema/places.js'
import type { CellPlaces } from '../../src/schema/snapshot.js'

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

  it('packs once: packing packed places gives them back', () => {
    const packed = packPlaces(places)
    expect(packPlaces(packed)).toBe(packed)
    expect(packPlaces([])).toEqual([])
  })

  it('encodes for the parse cache: the keys present and one base64 string, decoded packed', () => {
    const encoded = encodePlaces(places)
    expect(encoded.keys).toEqual(['row', 'rank', 'rankUpper', 'rankLower', 'name', 'score', 'context', 'metrics'])
    expect(encoded.rows).toBe(4)
    expect(Buffer.from(encoded.data, 'base64').length).toBe(4 * 8 * 8)
    const decoded = decodePlaces(JSON.parse(JSON.stringify(encoded)))!
    expect(unpackPlaces(decoded)).toEqual(places)
    expect(decoded[3]!.context).toEqual([100_000, 2_000_000])
    expect(packPlaces(decoded)).toBe(decoded)
    // Packed places encode the same.
    expect(encodePlaces(packPlaces(places))).toEqual(encoded)
    expect(unpackPlaces(decodePlaces(encodePlaces([]))!)).toEqual([])
  })

  it('refuses an encoding that does not hold together', () => {
    const encoded = encodePlaces(places)
    expect(decodePlaces({ ...encoded, keys: [...encoded.keys.slice(0, -1), 'nope'] })).toBeUndefined()
    expect(decodePlaces({ ...encoded, keys: [...encoded.keys.slice(0, -1), 'row'] })).toBeUndefined()
    expect(decodePlaces({ ...encoded, rows: 5 })).toBeUndefined()
    expect(decodePlaces({ ...encoded, data: encoded.data.slice(8) })).toBeUndefined()
    expect(decodePlaces({ ...encoded, rows: -1 })).toBeUndefined()
    expect(decodePlaces(null as never)).toBeUndefined()
  })
})
