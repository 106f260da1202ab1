import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { ParseResult } from '../schema/snapshot.js'
import { parsePage, type ParseOptions } from '../parse/index.js'
import { parseRegistryData } from '../registry/data.js'
import { checkParsed, parseOptionsFor, type CheckedFile } from '../store/check.js'
import { discover } from '../store/discover.js'
import { boardIds } from '../core/sources.js'
import { parseEvents } from '../schema/events.js'
import { displayPath, eventsFile, registryFile } from '../store/layout.js'
import { analyse, type Analysis, type StoreContents } from './analyse.js'

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

/** Parses one page: `parsePage` itself, its on-disk cache, or a pool of worker threads. */
export type Parser = (content: string, options: ParseOptions) => ParseResult | Promise<ParseResult>

export interface LoadOptions {
  parse?: Parser
  /** The day of the run (`YYYY-MM-DD`): later data dates are errors. The edge reads it from the clock or `--today`. */
  today?: string
  /** How diagnostics and pages name a store file; default `<shownAs>/<relative>`. */
  display?: (relative: string) => string
  /** Only the files of these sources (`fetch` reads the history of the pages that arrived). */
  sources?: readonly string[]
  /** Called after each file is read and parsed. */
  onProgress?: (done: number, total: number) => void
}

export interface LoadedSite extends Analysis {
  store: Store
  /** Every store file, parsed and validated, by relative path. */
  checked: CheckedFile[]
  contents: StoreContents
}

/** The store cannot be read at all: a mistyped `--snapshots` must never look like an empty store. */
export class StoreError extends Error {}

/** Parses at most this many files at once (a pool runs them on its threads). */
const inFlight = 16

export async function loadSite(store: Store, options: LoadOptions = {}): Promise<LoadedSite> {
  const contents = await readStore(store, options)
  const analysis = analyse(contents, options.display ?? ((relative) => displayPath(store.shownAs, relative)), options.today)
  return { store, checked: [...contents.files], contents, ...analysis }
}

/** Read, parse and validate every file of the store, and its registry data file. */
export async function readStore(store: Store, options: LoadOptions = {}): Promise<StoreContents> {
  const isDir = await stat(store.dir).then(
    (s) => s.isDirectory(),
    () => false
  )
  if (!isDir) throw new StoreError(`Cannot read snapshots from ${store.shownAs}: no such directory`)
  const parse = options.parse ?? parsePage
  let relatives = await discover(store.dir)
  if (options.sources) relatives = relatives.filter((r) => options.sources!.includes(r.split('/')[0]!))
  else if (relatives.length === 0) {
    // A directory that is not a store (a mistyped --snapshots, the parent of snapshots/) must not pass as an empty one.
    throw new StoreError(`Cannot read snapshots from ${store.shownAs}: no snapshot files in it (expected <source>/<YYYY-MM-DD>.<lang>.md)`)
  }
  const files = new Array<CheckedFile | undefined>(relatives.length)
  const unreadable: { path: string; reason: string }[] = []
  let next = 0
  let done = 0
  const work = async (): Promise<void> => {
    while (next < relatives.length) {
      const index = next++
      const relative = relatives[index]!
      let content: string
      try {
        content = await readFile(path.join(store.dir, relative), 'utf8')
      } catch (error) {
        unreadable.push({ path: relative, reason: (error as Error).message })
        continue
      }
      files[index] = checkParsed(relative, await parse(content, parseOptionsFor(relative)))
      options.onProgress?.(++done, relatives.length)
    }
  }
  await Promise.all(Array.from({ length: Math.min(inFlight, relatives.length) }, work))
  return {
    files: files.filter((f): f is CheckedFile => f !== undefined),
    unreadable: unreadable.sort((a, b) => (a.path < b.path ? -1 : 1)),
    registry: await readRegistryFile(store),
    events: await readEventsFile(store)
  }
}

async function readEventsFile(store: Store): Promise<StoreContents['events']> {
  const content = await readOptional(store, eventsFile)
  return { path: eventsFile, ...(content === undefined ? { events: [], messages: [] } : parseEvents(content, boardIds)) }
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

async function readRegistryFile(store: Store): Promise<StoreContents['registry']> {
  return { path: registryFile, ...parseRegistryData((await readOptional(store, registryFile)) ?? '{}') }
}
