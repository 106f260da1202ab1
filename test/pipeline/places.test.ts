import { describe, expect, it } from 'vitest'
import { packPlaces, unpackPlaces } from '../../src/pipeline/places.js'
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
})
