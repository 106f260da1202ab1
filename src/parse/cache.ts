import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { ParseResultSchema, type ParseResult } from '../schema/snapshot.js'
import { codeDigest } from './code-digest.js'
import { PARSER_VERSION, parsePage, type ParseOptions } from './index.js'

/**
 * A content-addressed cache of parse results on disk. Parsing is a pure
 * function of (content, options, parser code), so its result can be kept:
 * the key hashes all three. The parser code is every module `parsePage`
 * reaches through its imports (and the versions of the packages they use),
 * so a changed parser never reads a stale entry, even when nobody bumped
 * PARSER_VERSION. Entries are plain JSON, written atomically, and checked
 * against `ParseResultSchema` when read: a damaged or wrong-shaped entry is
 * parsed again.
 */

const digests = new Map<string, string>()

/** `codeDigest(entry, PARSER_VERSION)`, computed once per entry. */
export function digestOf(entry: string): string {
  let digest = digests.get(entry)
  if (!digest) digests.set(entry, (digest = codeDigest(entry, PARSER_VERSION)))
  return digest
}

/** The parser's entry module: `index.js` beside this one (or `index.ts` when running from the sources). */
export function parserEntry(): string {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const js = path.join(here, 'index.js')
  return existsSync(js) ? js : path.join(here, 'index.ts')
}

/** Digest of the code parse results depend on: the import graph from the parser's entry, and PARSER_VERSION. */
export function parserDigest(): string {
  return digestOf(parserEntry())
}

export interface CacheStats {
  hits: number
  misses: number
}

/**
 * Parse results kept in `dir`, for the code whose digest is `code`: an entry
 * is found by (code, key, content), e.g. the parse options or the store path.
 */
export interface ParseCache {
  dir: string
  stats: CacheStats
  /** The kept result, or undefined (not there, damaged, or not a parse result). Counts a hit or a miss. */
  get(key: string, content: string): ParseResult | undefined
  /** Keep a result (a cache that cannot be written only costs time). */
  set(key: string, content: string, result: ParseResult): void
}

export function openCache(dir: string, code: string = parserDigest()): ParseCache {
  const stats: CacheStats = { hits: 0, misses: 0 }
  const file = (key: string, content: string) => {
    const hash = createHash('sha256').update(code).update('\0').update(key).update('\0').update(content).digest('hex')
    return path.join(dir, hash.slice(0, 2), `${hash}.json`)
  }
  return {
    dir,
    stats,
    get(key, content) {
      let hit: ParseResult | undefined
      try {
        const value: unknown = JSON.parse(readFileSync(file(key, content), 'utf8'))
        // The entry as written (key order and all), once it is known to be a parse result.
        if (ParseResultSchema.safeParse(value).success) hit = value as ParseResult
      } catch {
        // Not there, or not JSON.
      }
      if (hit) stats.hits++
      else stats.misses++
      return hit
    },
    set(key, content, result) {
      const target = file(key, content)
      try {
        mkdirSync(path.dirname(target), { recursive: true })
        const temp = `${target}.${process.pid}.tmp`
        writeFileSync(temp, JSON.stringify(result))
        renameSync(temp, target)
      } catch {
        // A cache that cannot be written only costs time.
      }
    }
  }
}

/** A drop-in `parsePage` that reads and fills the cache in `dir`. */
export function cachedParser(dir: string, parse: typeof parsePage = parsePage): typeof parsePage & { stats: CacheStats } {
  const cache = openCache(dir)
  const cached = (content: string, options: ParseOptions = {}): ParseResult => {
    const key = JSON.stringify(options)
    const hit = cache.get(key, content)
    if (hit) return hit
    const result = parse(content, options)
    cache.set(key, content, result)
    return result
  }
  return Object.assign(cached, { stats: cache.stats })
}
