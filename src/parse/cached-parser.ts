import type { ParseResult } from '../schema/snapshot.js'
import { unpackPlaces } from '../schema/places.js'
import { openCache, type CacheStats } from './cache.js'
import { parsePage, type ParseOptions } from './index.js'

/** A drop-in `parsePage` that reads and fills the cache in `dir`. */
export function cachedParser(dir: string, parse: typeof parsePage = parsePage): typeof parsePage & { stats: CacheStats } {
  const cache = openCache(dir)
  const cached = (content: string, options: ParseOptions = {}): ParseResult => {
    const key = JSON.stringify(options)
    const hit = cache.get(key, content)
    // What `parsePage` returns: plain positions.
    if (hit) return { ...hit, snapshots: hit.snapshots.map((s) => ({ ...s, places: unpackPlaces(s.places) })) }
    const result = parse(content, options)
    cache.set(key, content, result)
    return result
  }
  return Object.assign(cached, { stats: cache.stats })
}
