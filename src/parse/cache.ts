import { lstatSync, readdirSync, rmdirSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { digest } from '../core/digest.js'
import { decodePlaces, encodePlaces, type EncodedPlaces } from '../schema/places.js'
import type { ParseResult } from '../schema/snapshot.js'
import type { Row } from '../schema/row.js'
import { codeDigest, moduleBeside } from '../core/code-digest.js'
import { PARSER_VERSION } from './version.js'
import { asciiJson, fileReader, parseSealed, sealed, writeAtomically } from './sealed.js'
import { openPacks, PACKS_DIR, packName, packTemp } from './pack.js'
import { rowRepeats } from './repeats.js'
import { openSignatures, SIGNATURES_DIR, signaturesName, signaturesTemp, type FileSignature } from './signatures.js'

/**
 * A content-addressed cache of parse results on disk. Parsing is a pure
 * function of (content, options, parser code), so its result can be kept:
 * the key hashes all three. The parser code is every module `parsePage`
 * reaches through its imports (and the versions of the packages they use),
 * so a changed parser never reads a stale entry, even when nobody bumped
 * PARSER_VERSION. An entry is a line with the sha256 of its JSON, then the
 * JSON, written atomically; it is read back only while its bytes still have
 * that digest, so what a build reads is byte for byte what the parser
 * returned, checked when it was made (checking the digest costs a tenth of
 * validating the entry again with zod, which the warm build did for every
 * file): a damaged, cut or hand-edited entry is parsed again.
 */

const digests = new Map<string, string>()

/**
 * How entries are written (2: the sha256 line before the JSON; 3: cell
 * positions encoded, little-endian; 4: positions as a line per row and a
 * column per cell, the JSON in ASCII alone). Part of the digest, so a cache of another
 * format is never restored or read.
 */
export const CACHE_FORMAT = '4'

/** `codeDigest(entry, PARSER_VERSION and CACHE_FORMAT)`, computed once per entry. */
export function digestOf(entry: string): string {
  let digest = digests.get(entry)
  if (!digest) digests.set(entry, (digest = codeDigest(entry, `${PARSER_VERSION} cache ${CACHE_FORMAT}`)))
  return digest
}

/** The parser's entry module: `index.js` beside this one (or `index.ts` when running from the sources). */
export function parserEntry(): string {
  return moduleBeside(import.meta.url, 'index')
}

/** Digest of the code parse results depend on: the import graph from the parser's entry, and PARSER_VERSION. */
export function parserDigest(): string {
  return digestOf(parserEntry())
}

export interface CacheStats {
  hits: number
  misses: number
  /** Of the hits, those taken by the file's signature, without reading the file (`recall`). */
  unread: number
}

/**
 * Parse results kept in `dir`, for the code whose digest is `code`: an entry
 * is found by (code, key, content), e.g. the parse options or the store path.
 */
export interface ParseCache {
  dir: string
  stats: CacheStats
  /** The entries this cache read or wrote (their paths), for `pruneCache`. */
  used: Set<string>
  /**
   * The kept result, its cell positions packed (`packPlaces`), or undefined
   * (not there, damaged, or not a parse result). Counts a hit or a miss. With
   * the file's signature (taken before it was read), a hit is remembered for
   * `recall`.
   */
  get(key: string, content: string, signature?: FileSignature): ParseResult | undefined
  /**
   * Give a row the texts and metrics of the rows this cache read before
   * (`rowRepeats`): a row just parsed then holds no copy of what the rows
   * read from the cache already hold.
   */
  share(row: Row): void
  /** Keep a result (a cache that cannot be written only costs time), and the file's signature for `recall`. */
  set(key: string, content: string, result: ParseResult, signature?: FileSignature): void
  /**
   * For a cache opened for a store: the kept result of the file whose
   * signature is the one it had when it was last read (`signatures.ts`),
   * without reading it. Counts a hit; undefined (counting nothing) when the
   * file is not known so, or its entry is gone or damaged: then read it.
   */
  recall(key: string, signature: FileSignature | undefined): ParseResult | undefined
  /** Keep the signatures seen (`whole`: the whole store was read; files not in it are forgotten). */
  saveSignatures(whole: boolean): void
  /**
   * For a cache opened for a store: keep the results of the store's files as
   * the read stage holds them (`files`, by store path) in packs (`pack.ts`),
   * where a later build takes them by their entry's hash. Only the packs
   * whose entries changed are written; returns how many were. The store's
   * read is then done: the packs are let go (`Packs.close`).
   */
  keepPacks(files: Iterable<{ key: string; result: ParseResult }>): number
}

/**
 * An entry's bytes: the sha256 of the result's JSON on the first line, then the
 * JSON, each snapshot's cell positions encoded (`encodePlaces`), every
 * character past ASCII escaped (`\u4e2d`): a file of ASCII alone is read and
 * parsed faster (the whole history's entries, read and parsed alone: 0.72–0.80 s
 * as UTF-8, 0.65–0.66 s escaped; a warm build's read stage 0.88–0.97 s, then
 * 0.87–0.90 s), and JSON reads the same strings back.
 */
export function seal(result: ParseResult): string {
  return sealed(asciiJson(JSON.stringify({ ...result, snapshots: result.snapshots.map((s) => ({ ...s, places: encodePlaces(s.places) })) })))
}

/**
 * The parse result of an entry's bytes, its cell positions packed
 * (`packPlaces`), its rows given to `share` (`rowRepeats`), or undefined when
 * the bytes no longer have the digest they were written with, or do not hold
 * together.
 */
export function unseal(bytes: Buffer, share?: (row: Row) => void): ParseResult | undefined {
  const result = parseSealed(bytes) as (Omit<ParseResult, 'snapshots'> & { snapshots: (Omit<ParseResult['snapshots'][number], 'places'> & { places: EncodedPlaces })[] }) | undefined
  if (!Array.isArray(result?.snapshots)) return undefined
  const snapshots: ParseResult['snapshots'] = []
  for (const s of result.snapshots) {
    const places = decodePlaces(s.places)
    if (!places || !Array.isArray(s.rows) || places.length !== s.rows.length) return undefined
    if (share) for (const row of s.rows) share(row)
    snapshots.push({ ...s, places })
  }
  return { ...result, snapshots }
}

/**
 * The cache in `dir` for the code whose digest is `code`; with `store` (a
 * store directory), it also keeps the signatures of that store's files, keyed
 * by their path in it, for `recall`.
 */
export function openCache(dir: string, code: string = parserDigest(), store?: string): ParseCache {
  const stats: CacheStats = { hits: 0, misses: 0, unread: 0 }
  const used = new Set<string>()
  const signatures = store === undefined ? undefined : openSignatures(dir, code, store)
  const hashOf = (key: string, content: string) => digest(code, '\0', key, '\0', content)
  const file = (hash: string) => path.join(dir, hash.slice(0, 2), `${hash}.json`)
  // The texts and metrics rows repeat, shared by every entry this cache reads (`unseal`) and every row given to `share`.
  const share = rowRepeats()
  const bytesOf = fileReader()
  const packs = store === undefined ? undefined : openPacks(dir, code, store, share, used)
  // The entry of each store file this cache gave or kept, for `keepPacks`.
  const hashes = new Map<string, string>()
  const read = (hash: string, key: string): ParseResult | undefined => {
    const packed = packs?.take(key, hash)
    if (packed) {
      hashes.set(key, hash)
      return packed
    }
    const entry = file(hash)
    try {
      const hit = unseal(bytesOf(entry), share)
      if (hit) {
        used.add(entry)
        hashes.set(key, hash)
      }
      return hit
    } catch {
      return undefined // Not there, or not JSON.
    }
  }
  return {
    dir,
    stats,
    used,
    share,
    get(key, content, signature) {
      const hash = hashOf(key, content)
      const hit = read(hash, key)
      if (hit) {
        stats.hits++
        if (signature !== undefined) signatures?.record(key, signature, hash)
      } else stats.misses++
      return hit
    },
    recall(key, signature) {
      const hash = signature === undefined ? undefined : signatures?.entry(key, signature)
      const hit = hash === undefined ? undefined : read(hash, key)
      if (hit) {
        stats.hits++
        stats.unread++
      }
      return hit
    },
    saveSignatures(whole) {
      if (!signatures) return
      signatures.save(whole)
      used.add(signatures.file)
    },
    keepPacks(files) {
      if (!packs) return 0
      const kept: { key: string; hash: string; result: ParseResult }[] = []
      for (const { key, result } of files) {
        const hash = hashes.get(key)
        if (hash !== undefined) kept.push({ key, hash, result })
      }
      const written = packs.keep(kept)
      packs.close()
      return written
    },
    set(key, content, result, signature) {
      const hash = hashOf(key, content)
      const target = file(hash)
      hashes.set(key, hash)
      used.add(target)
      if (signature !== undefined) signatures?.record(key, signature, hash)
      try {
        writeAtomically(target, seal(result))
      } catch {
        // A cache that cannot be written only costs time.
      }
    }
  }
}

/** How long an entry no build used is kept: entries of an older parser, of an edited or removed file, of another store. */
export const UNUSED_ENTRY_DAYS = 30

/**
 * How often a build prunes (`pruneCacheWhenDue`): marking what it used and
 * removing what no build used. Once in this many hours is enough to keep
 * entries used every day (their mark is never more than a day old against
 * `UNUSED_ENTRY_DAYS`); walking a cache of a few parsers' entries (18,000
 * files) on every build cost 0.18 s.
 */
export const PRUNE_EVERY_HOURS = 12

/** The file in a cache directory whose modification time says when it was last pruned. */
export const PRUNED_STAMP = '.pruned'

/**
 * The store's data files' validated result (`pipeline/data-files.ts`): one
 * file at the cache's root, written again when they change; a half-written one
 * left by a killed run is pruned as the entries' are.
 */
export const DATA_FILES_CACHE = 'data-files.json'
const dataFilesTemp = /^data-files\.json\.\d+\.tmp$/

const entryName = /^[0-9a-f]{64}\.json$/
const tempName = /^[0-9a-f]{64}\.json\.\d+\.tmp$/
const shardName = /^[0-9a-f]{2}$/

/**
 * Keep a cache from growing with every parser change: entries in `used` are
 * marked used now (their modification time), and entries unused for
 * `UNUSED_ENTRY_DAYS` are removed, with the half-written files of a killed run
 * older than a day (the data files' result's too, `DATA_FILES_CACHE`); so are
 * the signatures of stores (`signatures.ts`). Only
 * files named as the cache names them are ever touched, whatever directory
 * `dir` is. Returns how many files were removed and their bytes.
 */
export function pruneCache(dir: string, used: ReadonlySet<string>, now: number = Date.now()): { removed: number; bytes: number } {
  const out = { removed: 0, bytes: 0 }
  let folders: string[]
  let names: string[]
  try {
    names = readdirSync(dir)
    folders = names.filter((name) => shardName.test(name) || name === SIGNATURES_DIR || name === PACKS_DIR)
  } catch {
    return out
  }
  for (const name of names) if (dataFilesTemp.test(name)) removeIfOlder(path.join(dir, name), 1, now, out)
  const stamp = new Date(now)
  for (const folder of folders) {
    const at = path.join(dir, folder)
    const [kept, temp] = folder === SIGNATURES_DIR ? [signaturesName, signaturesTemp] : folder === PACKS_DIR ? [packName, packTemp] : [entryName, tempName]
    let names: string[]
    try {
      if (!lstatSync(at).isDirectory()) continue // a link to a folder elsewhere is not the cache's
      names = readdirSync(at)
    } catch {
      continue
    }
    let left = names.length
    for (const name of names) {
      const entry = path.join(at, name)
      const isEntry = kept.test(name)
      if (!isEntry && !temp.test(name)) continue
      if (!used.has(entry)) {
        if (removeIfOlder(entry, isEntry ? UNUSED_ENTRY_DAYS : 1, now, out)) left--
        continue
      }
      try {
        utimesSync(entry, stamp, stamp)
      } catch {
        // Another run's file, gone or busy.
      }
    }
    if (left === 0) {
      try {
        rmdirSync(at)
      } catch {
        // Written to meanwhile.
      }
    }
  }
  return out
}

/**
 * Remove `file` when it is a file the cache wrote (a link is not) last
 * modified more than `days` ago (a half-written one: a day), counting it in
 * `out`; whether it was removed.
 */
function removeIfOlder(file: string, days: number, now: number, out: { removed: number; bytes: number }): boolean {
  try {
    const info = lstatSync(file)
    if (!info.isFile() || now - info.mtimeMs <= days * 86_400_000) return false
    unlinkSync(file)
    out.removed++
    out.bytes += info.size
    return true
  } catch {
    return false // Another run's file, gone or busy: not this run's to judge.
  }
}

/**
 * `pruneCache`, when the cache was last pruned `PRUNE_EVERY_HOURS` ago or
 * more (or never; a stamp dated in the future counts as never): then the
 * stamp is dated `now`. Undefined when it was not due.
 */
export function pruneCacheWhenDue(dir: string, used: ReadonlySet<string>, now: number = Date.now()): { removed: number; bytes: number } | undefined {
  const stamp = path.join(dir, PRUNED_STAMP)
  try {
    const age = now - lstatSync(stamp).mtimeMs
    if (age >= 0 && age < PRUNE_EVERY_HOURS * 3_600_000) return undefined
  } catch {
    // Never pruned.
  }
  const out = pruneCache(dir, used, now)
  try {
    writeFileSync(stamp, '')
    utimesSync(stamp, new Date(now), new Date(now))
  } catch {
    // A cache that cannot be written is pruned again next time.
  }
  return out
}
