import { statSync, type BigIntStats } from 'node:fs'
import path from 'node:path'
import { compareText } from '../core/compare.js'
import { digest } from '../core/digest.js'
import { readSealed, sealed, writeAtomically } from './sealed.js'

/**
 * What a store file was when it was last read into a parse-cache entry: its
 * size, modification and change times (nanoseconds), inode and device. While
 * a file still has that signature, a build takes the entry without reading
 * the file: reading and hashing a whole history (1,171 files, 53 MB) to find
 * the entries of unchanged files took 0.45 s of a warm build, `stat`ing them
 * takes 0.05 s. This is how git and make tell a changed file.
 *
 * Any write moves a file's change time, and no program can set it back (`touch
 * -d` sets the modification time), so an edited file never passes for the one
 * read: edited in place, same size, modification time put back, it is read
 * again. File times tick coarsely (a few milliseconds on Linux, seconds on
 * some file systems), so a write in the same tick as the look at a file could
 * keep its signature: a file changed within `SETTLE_MS` of being looked at has
 * none, and is read every time until it settles.
 */
export type FileSignature = string

/** A file changed this recently (milliseconds) has no signature yet. */
export const SETTLE_MS = 2000

/** `stats` (`stat(file, { bigint: true })`, taken before the file is read) as a signature; undefined when it is not a file, or changed within `SETTLE_MS` of `now`. */
export function signatureOf(stats: BigIntStats, now: number = Date.now()): FileSignature | undefined {
  if (!stats.isFile()) return undefined
  const changed = stats.ctimeNs > stats.mtimeNs ? stats.ctimeNs : stats.mtimeNs
  if (changed > BigInt(now - SETTLE_MS) * 1_000_000n) return undefined
  return `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}:${stats.dev}`
}

/**
 * The signature of the file at `file` (`signatureOf`), undefined when it has
 * none or cannot be looked at. Synchronous, as the cache's reads are: a
 * thousand promises cost more than the calls (0.12 s a warm build).
 */
export function signatureAt(file: string, now: number = Date.now()): FileSignature | undefined {
  try {
    return signatureOf(statSync(file, { bigint: true }), now)
  } catch {
    return undefined
  }
}

/**
 * The signatures of one store's files and the entries they were read into,
 * kept in a cache directory for one parser (`signatures/<digest>.json`, the
 * digest of the code and the store's path): a file is known by its path in
 * the store, which another store, or another parser, gives other entries.
 */
export interface Signatures {
  /** Where they are kept. */
  file: string
  /** The entry (its hash) a file with this signature was read into, if it was. */
  entry(key: string, signature: FileSignature): string | undefined
  /** The file `key` had `signature` when its content was read, and that content's entry is `entry`. */
  record(key: string, signature: FileSignature, entry: string): void
  /**
   * Keep what was recorded, when it changed. `whole`: the whole store was
   * read, so files not read are no longer in it and are forgotten; else they
   * are kept as they were.
   */
  save(whole: boolean): void
}

/** The folder of a cache directory that holds signatures, how it names them, and a half-written one (`pruneCache` removes those unused). */
export const SIGNATURES_DIR = 'signatures'
export const signaturesName = /^[0-9a-f]{32}\.json$/
export const signaturesTemp = /^[0-9a-f]{32}\.json\.\d+\.tmp$/

type Record = [signature: FileSignature, entry: string]

const entryHash = /^[0-9a-f]{64}$/

export function openSignatures(cacheDir: string, code: string, store: string): Signatures {
  const file = path.join(cacheDir, SIGNATURES_DIR, `${digest(`${code}\0${path.resolve(store)}`).slice(0, 32)}.json`)
  const kept = readKept(file)
  const seen = new Map<string, Record>()
  return {
    file,
    entry(key, signature) {
      const record = kept.get(key)
      if (!record || record[0] !== signature) return undefined
      seen.set(key, record)
      return record[1]
    },
    record(key, signature, entry) {
      seen.set(key, [signature, entry])
    },
    save(whole) {
      const next = whole ? seen : new Map([...kept, ...seen])
      const same = ([key, [signature, entry]]: [string, Record]) => {
        const before = kept.get(key)
        return before?.[0] === signature && before[1] === entry
      }
      if (next.size === kept.size && [...next].every(same)) return
      const json = JSON.stringify([...next].sort((a, b) => compareText(a[0], b[0])).map(([key, [s, e]]) => [key, s, e]))
      try {
        writeAtomically(file, sealed(json))
      } catch {
        // Signatures that cannot be kept only cost reading the files again.
      }
    }
  }
}

/** What a signatures file holds, while its bytes have the digest written with them; else nothing. */
function readKept(file: string): Map<string, Record> {
  const out = new Map<string, Record>()
  const rows = readSealed(file)
  if (!Array.isArray(rows)) return out
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== 3 || !row.every((x) => typeof x === 'string') || !entryHash.test(row[2] as string)) return new Map()
    out.set(row[0] as string, [row[1] as string, row[2] as string])
  }
  return out
}
