import path from 'node:path'
import { compareText } from '../core/compare.js'
import { digest } from '../core/digest.js'
import { decodePlaces, encodePlaces, type EncodedPlaces } from '../schema/places.js'
import type { Row } from '../schema/row.js'
import type { ParseResult, ParsedSnapshot } from '../schema/snapshot.js'
import { asciiJson, fileReader, sealed, sealedBody, writeAtomically } from './sealed.js'

/**
 * The parse-cache entries of a store's files, kept again in packs: one per
 * source and month of captures (`lmarena-text/2026-08`), each entry under its
 * hash, so that a warm build reads 50 files instead of an entry per capture
 * (1,171). A pack holds each row once: a page repeats most rows of the day
 * before, and the read stage shares them (`row-sharing.ts`), so the entries
 * of the real history (59 MB, 890,000 rows) are 29 MB of packs with 97,000
 * distinct rows; reading the store took 0.48–0.54 s instead of 0.68–0.71 s
 * (0.81–0.86 s instead of 1.28 s with a year of daily data ahead).
 * A rows array two files share (a day whose rows all repeat) is kept once
 * too, and read back as one array, as the read stage made it.
 *
 * An entry is taken from a pack by its hash alone (the parser's digest, the
 * file's path and content: `openCache`), so a pack can only give what the
 * entry holds. A pack is written again when the entries of its files change
 * (a new day, an edited file), from what the read stage holds of them; a
 * pack whose bytes lost their digest is not read (its files' entries are).
 */

/** The folder of a cache directory that holds packs, how it names them, and a half-written one (`pruneCache` removes those unused). */
export const PACKS_DIR = 'packs'
export const packName = /^[0-9a-f]{32}\.json$/
export const packTemp = /^[0-9a-f]{32}\.json\.\d+\.tmp$/

/**
 * The pack of a store file: its folder and the month of its date
 * (`lmarena-text/2026-08`), else its folder. A new day writes again the packs
 * of its month alone: a month of a source is 0.1 to 0.5 MB of pack.
 */
export function packOf(key: string): string {
  const dated = /^(.*)\/(\d{4}-\d{2})-\d{2}\.[^/]*$/.exec(key)
  return dated ? `${dated[1]}/${dated[2]}` : path.posix.dirname(key)
}

type PackedSnapshot = Omit<ParsedSnapshot, 'rows' | 'places'> & { rows: number; places: EncodedPlaces }
type PackedResult = Omit<ParseResult, 'snapshots'> & { snapshots: PackedSnapshot[] }

/**
 * A line of a pack file: the entry's hash, the rows first seen in this entry,
 * the rows arrays first seen in it (indices into every row of the pack so
 * far), and its result with each snapshot's rows as an index into every rows
 * array so far. A line per entry, read when its entry is taken: each text
 * read is small, and a build holds one entry's encoding at a time, as it did
 * reading the entries (one string of a whole pack is put where the heap takes
 * large objects, in pages of its own, and reading the real history's packs
 * as such cost 0.13 s more than the 1,171 entries they hold).
 */
type PackLine = [hash: string, rows: Row[], lists: number[][], result: PackedResult]

export interface Packs {
  /** The result of entry `hash` of the store file `key` (cell positions packed), when its pack holds it. */
  take(key: string, hash: string): ParseResult | undefined
  /**
   * Write again each pack whose entries are not those of `files` (the store's
   * files of that pack and their entries' hashes, as read): a pack holds what
   * the read stage holds of its files, rows shared. Returns the packs written.
   */
  keep(files: Iterable<{ key: string; hash: string; result: ParseResult }>): number
  /**
   * Done reading: the buffer lets go of this store's pack. Kept there, it
   * would keep alive what its rows are given to, and through that closure's
   * context every pack read, with the rows of the whole store (26 MiB of heap
   * with a year of daily data ahead, after the build let the rows go).
   */
  close(): void
}

/** A pack being read: its lines are parsed in order, as their entries are taken (in the store's order, which is theirs). */
interface Loaded {
  /** The hashes of the entries it holds (each line starts with its entry's hash). */
  hashes: Set<string>
  /** Its bytes after the digest line, until every line is read; where the next line starts. */
  body: Buffer | undefined
  next: number
  /** Every row and rows array of the lines read. */
  rows: Row[]
  lists: Row[][]
  /** Entries of lines read but not taken yet (taken out of order). */
  waiting: Map<string, PackedResult>
}

/**
 * The packs of the store `store` in the cache `dir` for the code `code`.
 * `intern` is given each row read from a pack (the cache shares the texts
 * rows repeat); `used` gets the path of each pack read or written.
 */
export function openPacks(dir: string, code: string, store: string, intern: (row: Row) => void, used: Set<string>): Packs {
  const storeKey = `${code}\0${path.resolve(store)}`
  const fileOf = (pack: string) => path.join(dir, PACKS_DIR, `${digest(storeKey, '\0', pack).slice(0, 32)}.json`)
  const loaded = new Map<string, Loaded | undefined>()
  const load = (pack: string): Loaded | undefined => {
    if (loaded.has(pack)) return loaded.get(pack)
    // The buffer is about to hold another pack (of this store or another): the lines of the one in it not read yet are read now.
    if (inBuffer) drain(inBuffer.pack, inBuffer.intern)
    const file = fileOf(pack)
    let found: Loaded | undefined
    try {
      const body = sealedBody(readPack(file))
      found = body && opened(body)
    } catch {
      found = undefined // Not there.
    }
    loaded.set(pack, found)
    inBuffer = found && { pack: found, intern, key: pack }
    if (found) used.add(file)
    return found
  }
  /** The entry of `hash`, reading lines up to its own; undefined (and the pack given up) when a line does not hold together. */
  const entryOf = (pack: Loaded, hash: string): PackedResult | undefined => {
    const waiting = pack.waiting.get(hash)
    if (waiting) {
      pack.waiting.delete(hash)
      return waiting
    }
    while (pack.body) {
      const line = readLine(pack, intern)
      if (!line) return giveUp(pack)
      if (line[0] === hash) return line[3]
      pack.waiting.set(line[0], line[3])
    }
    return undefined
  }
  return {
    take(key, hash) {
      const pack = load(packOf(key))
      const packed = pack?.hashes.has(hash) ? entryOf(pack, hash) : undefined
      if (!pack || !packed) return undefined
      const snapshots: ParsedSnapshot[] = []
      for (const s of packed.snapshots) {
        const rows = pack.lists[s.rows]
        const places = decodePlaces(s.places)
        if (!rows || !places || places.length !== rows.length) return undefined
        snapshots.push({ ...s, rows, places })
      }
      return { ...packed, snapshots }
    },
    keep(files) {
      const byPack = new Map<string, { key: string; hash: string; result: ParseResult }[]>()
      for (const f of files) {
        const pack = packOf(f.key)
        const list = byPack.get(pack) ?? []
        list.push(f)
        byPack.set(pack, list)
      }
      let written = 0
      for (const [pack, list] of byPack) {
        const held = loaded.get(pack)?.hashes
        if (held && held.size === list.length && list.every((f) => held.has(f.hash))) continue
        const file = fileOf(pack)
        try {
          writeAtomically(file, sealed(packLines(list).join('\n')))
          used.add(file)
          written++
        } catch {
          // A pack that cannot be written only costs reading the entries.
        }
      }
      return written
    },
    close() {
      if (inBuffer && loaded.get(inBuffer.key) === inBuffer.pack) inBuffer = undefined
    }
  }
}

/**
 * One buffer for every pack a process reads, kept for the process: the pack
 * being read is the one whose body is in it. A buffer per pack is memory
 * outside the heap until a collection frees it; and a large block freed
 * raises the size below which the C allocator serves every later request
 * from its heap, whose freed memory it seldom gives back: 10 to 20 MiB more
 * peak RSS with a year of daily data ahead, whether a buffer per pack or one
 * grown as packs came (and none with that size held fixed,
 * `MALLOC_MMAP_THRESHOLD_`). Made once, at the size of the largest pack the
 * real history has (3.3 MB) or more (`fileReader` grows it for a larger
 * pack), it is never freed.
 */
const PACK_BUFFER = 4 * 2 ** 20
const readPack = fileReader(PACK_BUFFER)
/** The pack whose body is in `readPack`'s buffer, with what its rows are given to. */
let inBuffer: { pack: Loaded; intern: (row: Row) => void; key: string } | undefined

/** The pack the buffer holds (for tests: none once a store's read is done, `Packs.close`). */
export function packInBuffer(): string | undefined {
  return inBuffer?.key
}

/** Every line of `pack` not read yet, read into its waiting entries. */
function drain(pack: Loaded, intern: (row: Row) => void): void {
  while (pack.body) {
    const line = readLine(pack, intern)
    if (line) pack.waiting.set(line[0], line[3])
    else giveUp(pack)
  }
}

/** A pack with a line that does not hold together: none of its entries is taken (it is written again). */
function giveUp(pack: Loaded): undefined {
  pack.hashes.clear()
  pack.waiting.clear()
  pack.body = undefined
  return undefined
}

/** A pack's bytes (after the digest line), its entries' hashes read from the start of each line. */
function opened(body: Buffer): Loaded | undefined {
  const hashes = new Set<string>()
  for (let start = 0; start < body.length; ) {
    // `["` and 64 hex digits.
    const hash = body.toString('latin1', start + 2, start + 66)
    if (body[start] !== 0x5b || body[start + 1] !== 0x22 || !/^[0-9a-f]{64}$/.test(hash)) return undefined
    hashes.add(hash)
    const end = body.indexOf(0x0a, start)
    start = end < 0 ? body.length : end + 1
  }
  return { hashes, body, next: 0, rows: [], lists: [], waiting: new Map() }
}

/** The next line of a pack, its rows and rows arrays added to the pack's; undefined when it does not hold together. */
function readLine(pack: Loaded, intern: (row: Row) => void): PackLine | undefined {
  const body = pack.body!
  const start = pack.next
  const found = body.indexOf(0x0a, start)
  const end = found < 0 ? body.length : found
  pack.next = end + 1
  if (pack.next >= body.length) pack.body = undefined
  let line: PackLine
  try {
    line = JSON.parse(body.toString('utf8', start, end)) as PackLine
  } catch {
    return undefined
  }
  if (!Array.isArray(line) || line.length !== 4 || typeof line[0] !== 'string' || !Array.isArray(line[1]) || !Array.isArray(line[2]) || !Array.isArray(line[3]?.snapshots)) return undefined
  for (const row of line[1]) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return undefined
    intern(row)
    pack.rows.push(row)
  }
  for (const list of line[2]) {
    if (!Array.isArray(list)) return undefined
    const made: Row[] = []
    for (const i of list) {
      const row = pack.rows[i]
      if (row === undefined) return undefined
      made.push(row)
    }
    pack.lists.push(made)
  }
  return line
}

/** A pack's lines from its files' results (`PackLine`, in ASCII): each row and rows array once, by identity. */
function packLines(files: readonly { key: string; hash: string; result: ParseResult }[]): string[] {
  const rowIndex = new Map<Row, number>()
  const listIndex = new Map<readonly Row[], number>()
  return [...files]
    .sort((a, b) => compareText(a.key, b.key))
    .map(({ hash, result }) => {
      const rows: Row[] = []
      const lists: number[][] = []
      const listOf = (list: readonly Row[]): number => {
        let i = listIndex.get(list)
        if (i === undefined) {
          listIndex.set(list, (i = listIndex.size))
          lists.push(
            list.map((row) => {
              let r = rowIndex.get(row)
              if (r === undefined) {
                rowIndex.set(row, (r = rowIndex.size))
                rows.push(row)
              }
              return r
            })
          )
        }
        return i
      }
      const packed: PackedResult = { ...result, snapshots: result.snapshots.map((s) => ({ ...s, rows: listOf(s.rows), places: encodePlaces(s.places) })) }
      const line: PackLine = [hash, rows, lists, packed]
      return asciiJson(JSON.stringify(line))
    })
}
