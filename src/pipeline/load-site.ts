import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { ParseResult } from '../schema/snapshot.js'
import { digestOf, openCache, pruneCacheWhenDue } from '../parse/cache.js'
import { rowRepeats } from '../parse/repeats.js'
import { signatureAt, type FileSignature } from '../parse/signatures.js'
import type { ParseOptions } from '../parse/index.js'
import { parseOptionsFor, type CheckedFile } from '../store/check.js'
import { discover } from '../store/discover.js'
import { boardIds } from '../core/sources.js'
import { dataFiles } from './data-files.js'
import { displayPath, eventsFile, parseStorePath, registryFile } from '../store/layout.js'
import { crashResult } from './crash.js'
import { moduleBeside } from '../core/code-digest.js'
import { withPackedPlaces } from '../schema/places.js'
import { createPool, type PoolOptions } from './pool.js'
import { analyse, type Analysis, type StoreContents } from './analyse.js'
import { sharedInStoreOrder } from './row-sharing.js'

/**
 * The pipeline, from a store on disk to everything the commands need:
 * discover → read → parse → validate (per file) → checks across files →
 * registry data → normalize. `check`, `build`, `registry` and `fetch` all
 * call it; they only add arguments, printing and writing.
 */
export interface Store {
  /** The store directory. */
  dir: string
  /** How files are named in diagnostics and pages: `<shownAs>/<relative>`. */
  shownAs: string
}

/** Parses one page: `parsePage` itself, or a stand-in (tests). */
export type Parser = (content: string, options: ParseOptions) => ParseResult | Promise<ParseResult>

export interface LoadOptions {
  /**
   * Parses one page; default `parsePage`. Another parser runs on the main
   * thread and bypasses the cache (both are for `parsePage`'s results only).
   */
  parse?: Parser
  /** The day of the run (`YYYY-MM-DD`): later data dates are errors. The edge reads it from the clock or `--today`. */
  today?: string
  /** Keep each file's checked result in this directory, reused while the file and the code are unchanged. */
  cache?: string
  /**
   * Check files on worker threads when more than `threshold` of them (default
   * 8) miss the cache, or one of them is larger than `LARGE_FILE`; `false`:
   * always on the main thread.
   */
  threads?: false | (PoolOptions & { threshold?: number })
  /** How diagnostics and pages name a store file; default `<shownAs>/<relative>`. */
  display?: (relative: string) => string
  /** Only the files of these sources (`fetch` reads the history of the pages that arrived). */
  sources?: readonly string[]
  /**
   * After reading the whole store: remove cache entries no run used for
   * `UNUSED_ENTRY_DAYS`, when the last pruning was `PRUNE_EVERY_HOURS` ago
   * (the build does; a run over some sources does not).
   */
  prune?: boolean
  /** Called after each file is read and checked. */
  onProgress?: (done: number, total: number) => void
}

/** How a run came by the store's files: how many it read (or recalled from the cache), and how many of them it parsed. */
export interface ReadCounts {
  /** Store files (pages and archives), the unreadable ones included. */
  files: number
  /** Of those, the files parsed by this run: the others' results came from the cache. */
  parsed: number
}

export interface LoadedSite extends Analysis {
  store: Store
  /** Every store file, parsed and validated, by relative path. */
  checked: CheckedFile[]
  contents: StoreContents & { read: ReadCounts }
}

/** The store cannot be read at all: a mistyped `--snapshots` must never look like an empty store. */
export class StoreError extends Error {}

/**
 * The module that checks one file (`check-file`), the entry of the code a
 * checked result depends on: its import graph keys the cache. Named here, not
 * imported: the parser is loaded only when a file must be parsed on this
 * thread (a build whose files are all cached never loads it; 0.13 s).
 */
export const checkerModule = moduleBeside(import.meta.url, 'check-file')

/** The digest the cache of checked files is keyed on (the daily workflow names its cache after it). */
export function parseCacheDigest(): string {
  return digestOf(checkerModule)
}

/** Files read (and checked, on the main thread) at once. */
const inFlight = 16

/** Below this many files to parse, threads cost more than they save. */
const poolThreshold = 8

/**
 * A file this large (characters; five times upstream's largest page, 97 KB)
 * is parsed on a thread however few files miss the cache: a table of 20,000
 * rows (1.8 MB) takes about 550 MB while it is parsed, more than the main
 * thread of `npm run build` may hold (512 MB), and a thread that runs out of
 * memory costs its file (`parser-crash`), not the run.
 */
export const LARGE_FILE = 512 * 1024

export async function loadSite(store: Store, options: LoadOptions = {}): Promise<LoadedSite> {
  const contents = await readStore(store, options)
  const analysis = analyse(contents, options.display ?? ((relative) => displayPath(store.shownAs, relative)), options.today)
  return { store, checked: [...contents.files], contents, ...analysis }
}

/**
 * The store analysed, without the files' parse results: what `build` needs.
 * The parse results (most of the memory, cell positions above all) are let
 * go as soon as the checks across files and the registry are done.
 */
export async function analyseStore(store: Store, options: LoadOptions = {}): Promise<Analysis & { store: Store; read: ReadCounts }> {
  const contents = await readStore(store, options)
  const analysis = analyse(contents, options.display ?? ((relative) => displayPath(store.shownAs, relative)), options.today)
  return { store, ...analysis, read: contents.read }
}

/**
 * Read, parse and validate every file of the store, and its registry data
 * file. Files whose checked result is in the cache are read back; the others
 * are checked on a pool of worker threads when there are more than a few,
 * else on this thread. Either way the result is the same.
 */
export async function readStore(store: Store, options: LoadOptions = {}): Promise<StoreContents & { read: ReadCounts }> {
  const isDir = await stat(store.dir).then(
    (s) => s.isDirectory(),
    () => false
  )
  if (!isDir) throw new StoreError(`Cannot read snapshots from ${store.shownAs}: no such directory`)
  let relatives = await discover(store.dir)
  if (options.sources) relatives = relatives.filter((r) => options.sources!.includes(r.split('/')[0]!))
  else if (relatives.length === 0) {
    // A directory that is not a store (a mistyped --snapshots, the parent of snapshots/) must not pass as an empty one.
    throw new StoreError(`Cannot read snapshots from ${store.shownAs}: no snapshot files in it (expected <source>/<YYYY-MM-DD>.<lang>.md)`)
  }
  const custom = options.parse && options.parse !== (await import('../parse/index.js')).parsePage ? options.parse : undefined
  const cache = options.cache && !custom ? openCache(options.cache, parseCacheDigest(), store.dir) : undefined
  const files = new Array<CheckedFile | undefined>(relatives.length)
  // Each file's signature, taken before it is read: a file unchanged since a run read it is not read again.
  const signatures = new Array<FileSignature | undefined>(relatives.length)
  const unreadable: { path: string; reason: string }[] = []
  const misses: number[] = []
  let largeMiss = false
  let done = 0
  const progress = () => options.onProgress?.(++done, relatives.length)
  const read = async (relative: string): Promise<string | undefined> => {
    try {
      return await readFile(path.join(store.dir, relative), 'utf8')
    } catch (error) {
      unreadable.push({ path: relative, reason: (error as Error).message })
      progress()
      return undefined
    }
  }
  // Rows equal to the day before's, shared as the files come (in the store's order): the copies die young.
  const arrived = sharedInStoreOrder(files)
  // The texts and metrics rows repeat, one of each: the rows parsed share them with those the cache gave.
  const share = cache?.share ?? rowRepeats()
  const taken = (index: number, result: ParseResult) => {
    const relative = relatives[index]!
    const stored = parseStorePath(relative)
    files[index] = packed({ path: relative, ...(stored ? { stored } : {}), result })
    arrived(index)
    progress()
  }
  // Take what the cache has: by the file's signature, else by its content.
  await inParallel(relatives.length, inFlight, async (index) => {
    const relative = relatives[index]!
    if (cache) {
      signatures[index] = signatureAt(path.join(store.dir, relative))
      const recalled = cache.recall(relative, signatures[index])
      if (recalled) return taken(index, recalled)
    }
    const content = await read(relative)
    if (content === undefined) return arrived(index)
    const hit = cache?.get(relative, content, signatures[index])
    if (!hit) {
      misses.push(index)
      if (content.length > LARGE_FILE) largeMiss = true
      return
    }
    taken(index, hit)
  })
  // Check the rest, on threads when there are enough of them.
  const threads = options.threads ?? {}
  const pool = !custom && threads !== false && (misses.length > (threads.threshold ?? poolThreshold) || largeMiss) ? createPool(threads) : undefined
  // The parser, loaded only when this thread parses.
  const checkHere = misses.length > 0 && !pool && !custom ? (await import('./check-file.js')).checkStoreFile : undefined
  try {
    await inParallel(misses.length, inFlight, async (i) => {
      const index = misses[i]!
      const relative = relatives[index]!
      const content = await read(relative)
      if (content === undefined) return arrived(index)
      const file = pool ? await pool.check(relative, content) : custom ? await checkWith(custom, relative, content) : checkHere!(relative, content)
      for (const s of file.result.snapshots) for (const row of s.rows) share(row)
      // Packed first: the cache entry encodes the packed positions' bytes as they are (`encodePlaces`).
      files[index] = packed(file)
      if (!file.result.messages.some((m) => m.rule === 'parser-crash')) cache?.set(relative, content, files[index]!.result, signatures[index])
      arrived(index)
      progress()
    })
  } finally {
    await pool?.close()
  }
  cache?.keepPacks(files.flatMap((f) => (f ? [{ key: f.path, result: f.result }] : [])))
  cache?.saveSignatures(!options.sources)
  if (cache && options.prune && !options.sources) pruneCacheWhenDue(cache.dir, cache.used)
  return {
    files: files.filter((f): f is CheckedFile => f !== undefined),
    unreadable: unreadable.sort((a, b) => (a.path < b.path ? -1 : 1)),
    ...(await readDataFiles(store, options.cache)),
    read: { files: relatives.length, parsed: misses.length }
  }
}

/** The store's data files, validated (`data-files.ts`: with a cache, once per edit). */
async function readDataFiles(store: Store, cache: string | undefined): Promise<Pick<StoreContents, 'registry' | 'events'>> {
  const registry = await readOptional(store, registryFile)
  const events = await readOptional(store, eventsFile)
  const checked = await dataFiles(registry, events, boardIds, cache)
  return { registry: { path: registryFile, ...checked.registry }, events: { path: eventsFile, ...checked.events } }
}

/** A data file of the store; undefined when there is none. */
async function readOptional(store: Store, name: string): Promise<string | undefined> {
  try {
    return await readFile(path.join(store.dir, name), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new StoreError(`Cannot read ${displayPath(store.shownAs, name)}: ${(error as Error).message}`)
  }
}

/** A checked file whose cell positions are packed (`places.ts`): what a loaded store keeps of each file. */
function packed(file: CheckedFile): CheckedFile {
  return { ...file, result: { ...file.result, snapshots: file.result.snapshots.map(withPackedPlaces) } }
}

/** Check a file with a stand-in parser (which may be async), a crash becoming a `parser-crash` error as on the threads. */
async function checkWith(parse: Parser, relative: string, content: string): Promise<CheckedFile> {
  const { checkParsed } = await import('../store/check-parsed.js')
  try {
    return checkParsed(relative, await parse(content, parseOptionsFor(relative)))
  } catch (error) {
    return checkParsed(relative, crashResult(relative, error))
  }
}

/** Run `work(0 … count-1)` with at most `limit` calls in flight. */
async function inParallel(count: number, limit: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < count) await work(next++)
  }
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker))
}
