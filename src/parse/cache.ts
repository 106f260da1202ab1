import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ParseResult } from '../schema/snapshot.js'
import { PARSER_VERSION, parsePage, type ParseOptions } from './index.js'

/**
 * A content-addressed cache of parse results on disk. Parsing is a pure
 * function of (content, options, parser code), so its result can be kept:
 * the key hashes all three. The parser code is hashed from the modules that
 * produce the result, so a changed parser never reads a stale entry, even
 * when nobody bumped PARSER_VERSION. Entries are plain JSON, written
 * atomically; a damaged entry is parsed again.
 */

let codeDigest: string | undefined

/** Digest of the code parse results depend on (parse/, schema/, diagnostics/). */
export function parserDigest(): string {
  if (codeDigest) return codeDigest
  const here = path.dirname(fileURLToPath(import.meta.url))
  const hash = createHash('sha256').update(PARSER_VERSION)
  for (const dir of [here, path.join(here, '../schema'), path.join(here, '../diagnostics')]) {
    for (const file of listFiles(dir)) {
      hash.update(path.relative(here, file)).update('\0').update(readFileSync(file))
    }
  }
  codeDigest = hash.digest('hex').slice(0, 16)
  return codeDigest
}

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = path.join(dir, name)
      if (statSync(p).isDirectory()) return listFiles(p)
      return /\.(js|ts)$/.test(name) && !name.endsWith('.d.ts') ? [p] : []
    })
}

export interface CacheStats {
  hits: number
  misses: number
}

/** A drop-in `parsePage` that reads and fills the cache in `dir`. */
export function cachedParser(dir: string, parse: typeof parsePage = parsePage): typeof parsePage & { stats: CacheStats } {
  const stats: CacheStats = { hits: 0, misses: 0 }
  const digest = parserDigest()
  const cached = (content: string, options: ParseOptions = {}): ParseResult => {
    const key = createHash('sha256').update(digest).update('\0').update(JSON.stringify(options)).update('\0').update(content).digest('hex')
    const file = path.join(dir, key.slice(0, 2), `${key}.json`)
    try {
      const hit = JSON.parse(readFileSync(file, 'utf8')) as ParseResult
      stats.hits++
      return hit
    } catch {
      // Not there (or damaged): parse and keep.
    }
    stats.misses++
    const result = parse(content, options)
    try {
      mkdirSync(path.dirname(file), { recursive: true })
      const temp = `${file}.${process.pid}.tmp`
      writeFileSync(temp, JSON.stringify(result))
      renameSync(temp, file)
    } catch {
      // A cache that cannot be written only costs time.
    }
    return result
  }
  return Object.assign(cached, { stats })
}
