import { closeSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs'
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir, unlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { contentOf, isKeyed, type KeyedFile, type SiteEntry, type SiteFile } from '../core/site-file.js'

export type { SiteFile, SiteEntry }

/**
 * Every directory leaderlog writes carries this stamp, checked by content: a
 * directory without it is not ours to replace or remove.
 */
export const STAMP_FILE = '.leaderlog'
export const STAMP = '{"generator":"leaderlog","note":"A site written by `leaderlog build`; the next build replaces this directory as a whole."}\n'

/** In a directory being written: who writes it (removed before the swap). */
const BUILDING_FILE = '.leaderlog-building'

/**
 * The keys of a site's keyed files (`KeyedFile`) and their sizes, by path
 * (gzipped JSON): what lets the next build keep a file instead of rendering
 * it. Written as the files are (`keysWriter`), into the new site, which no
 * build reads before it is complete.
 */
export const KEYS_FILE = '.leaderlog-keys'

/** The writer's own files, at the top of a site: never written by a caller, never listed as the site's. */
const OWN_FILES: ReadonlySet<string> = new Set([STAMP_FILE, BUILDING_FILE, KEYS_FILE])

/** A keyed file as written: its key and its size in bytes. */
interface Written {
  key: string
  size: number
}

/**
 * The site a build replaced, kept beside `out` as `.<out>.spare`: the next
 * build brings it up to date in place (only files whose bytes differ are
 * written, only directories that are new are made) instead of making a whole
 * tree and removing another. It is never served, and may be removed at any time.
 */
export function spareOf(out: string): string {
  return path.join(path.dirname(out), `.${path.basename(out)}.spare`)
}

function checkRelative(file: string): void {
  if (!file || file.startsWith('/') || file.includes('\\') || file.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    throw new Error(`Refusing to write \`${file}\`: expected a relative path inside the output directory`)
  }
  if (OWN_FILES.has(file)) throw new Error(`Refusing to write \`${file}\`: the writer's own file`)
}

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}

/** Whether `dir` carries leaderlog's stamp (by content, not just by name). */
export async function isStamped(dir: string): Promise<boolean> {
  try {
    const stamp = JSON.parse(await readFile(path.join(dir, STAMP_FILE), 'utf8')) as { generator?: unknown }
    return stamp.generator === 'leaderlog'
  } catch {
    return false
  }
}

/** Refuse to replace a directory that is not a previous build (e.g. `--out .`, `--out src`, a user's folder). */
async function checkReplaceable(out: string, protect: readonly string[]): Promise<void> {
  for (const p of protect) {
    const rel = path.relative(out, path.resolve(p))
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
      throw new Error(`Refusing to build into \`${out}\`: it contains \`${p}\``)
    }
  }
  if (!(await exists(out))) return
  const info = await lstat(out)
  if (!info.isDirectory()) throw new Error(`Refusing to build into \`${out}\`: it is not a directory`)
  const entries = await readdir(out)
  if (entries.length > 0 && !(await isStamped(out))) {
    throw new Error(
      `Refusing to replace \`${out}\`: it is not empty and is not a leaderlog site (no ${STAMP_FILE} stamp written by leaderlog build; a site built before the stamp existed must be removed once by hand)`
    )
  }
}

/**
 * Remove a directory leaderlog wrote, the stamp last: a removal cut short
 * still leaves a directory recognisable as ours.
 */
async function removeOwn(dir: string): Promise<void> {
  for (const name of await readdir(dir)) if (name !== STAMP_FILE) await rm(path.join(dir, name), { recursive: true, force: true })
  await rm(path.join(dir, STAMP_FILE), { force: true })
  await rmdir(dir)
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Whether a build of this machine is still writing `dir`. */
async function beingWritten(dir: string): Promise<boolean> {
  try {
    const who = JSON.parse(await readFile(path.join(dir, BUILDING_FILE), 'utf8')) as { pid?: unknown; host?: unknown }
    if (who.host !== os.hostname()) return true // another machine's build: not ours to judge
    return typeof who.pid === 'number' && who.pid !== process.pid && alive(who.pid)
  } catch {
    return false
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * What killed builds of `out` left beside it: `.<out>.tmp-XXXXXX` (a site
 * half written) and `.<out>.tmp-XXXXXX.old` (a previous site half removed).
 * Only directories of that name that carry the stamp (or are empty) are
 * removed, and never one another running build is still writing. A build
 * killed between its two renames left no `out`: its `.old` is put back.
 * Returns the names removed.
 */
export async function removeLeftovers(out: string): Promise<string[]> {
  const parent = path.dirname(out)
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(out))}\\.tmp-[A-Za-z0-9]{6}(?:\\.old)?$`)
  const removed: string[] = []
  let names: string[]
  try {
    names = await readdir(parent)
  } catch {
    return removed
  }
  for (const name of names.filter((n) => pattern.test(n)).sort()) {
    const dir = path.join(parent, name)
    const info = await lstat(dir).catch(() => undefined)
    if (!info?.isDirectory()) continue
    if (await isStamped(dir)) {
      if (await beingWritten(dir)) continue
      if (name.endsWith('.old') && !(await exists(out))) {
        // Killed between its two renames: the previous site goes back in place.
        await rename(dir, out)
        continue
      }
      await removeOwn(dir)
      removed.push(name)
    } else if ((await readdir(dir)).length === 0) {
      await rmdir(dir)
      removed.push(name)
    }
  }
  return removed
}

export interface WriteOptions {
  /** Paths the output directory must never contain (the working directory, the snapshot store). */
  protect?: readonly string[]
  /** How many files `files` yields, for progress. */
  total?: number
  onProgress?: (done: number, total: number) => void
}

export interface WriteReport {
  /** Files in the new site. */
  files: number
  /** Of those, files not written: their bytes were already there (kept in the spare, or linked from the previous site). */
  unchanged: number
  bytes: number
  /** Leftovers of killed builds removed first. */
  leftovers: string[]
  /** Whether the spare (`spareOf`) was brought up to date instead of writing a whole new tree. */
  reused: boolean
}

/**
 * Write the site into a directory beside `outDir`, then swap it in by
 * renaming: readers see the old site or the new one, never half of each, and a
 * failure at any point (a killed process included) leaves the previous
 * `outDir` as it was. Files are taken one at a time from `files`, so the site
 * never has to be in memory at once. The directory written is the spare
 * (`spareOf`) when there is one, else a new one; a file whose bytes are
 * already there is left, one whose bytes equal the previous site's is
 * hard-linked from it, and only the others are written. A keyed file
 * (`KeyedFile`) already there, or in the previous site, under the same key
 * is kept or linked without being rendered or read (`KEYS_FILE`). The site
 * replaced becomes the next spare.
 */
export async function writeSiteAtomically(outDir: string, files: Iterable<SiteEntry> | AsyncIterable<SiteEntry>, options: WriteOptions = {}): Promise<WriteReport> {
  const out = path.resolve(outDir)
  await checkReplaceable(out, options.protect ?? [])
  const parent = path.dirname(out)
  await mkdir(parent, { recursive: true })
  const leftovers = await removeLeftovers(out)
  const previous = (await exists(out)) && (await isStamped(out)) ? out : undefined
  const temp = await mkdtemp(path.join(parent, `.${path.basename(out)}.tmp-`))
  const reused = await claimSpare(out, temp)
  const old = temp + '.old'
  const report: WriteReport = { files: 0, unchanged: 0, bytes: 0, leftovers, reused }
  let keys: KeysWriter | undefined
  try {
    await chmod(temp, 0o755)
    await writeFile(path.join(temp, STAMP_FILE), STAMP)
    await writeFile(path.join(temp, BUILDING_FILE), JSON.stringify({ pid: process.pid, host: os.hostname() }))
    // What the spare holds: each file is kept, replaced or removed.
    const staged = reused ? listTree(temp) : undefined
    // The keys the spare's and the previous site's files were written under; the spare's are
    // removed at once (its files are about to change), and written again when every file is in place.
    const spareKeys = reused ? readKeys(temp) : new Map<string, Written>()
    if (reused) rmSync(path.join(temp, KEYS_FILE), { force: true })
    const previousKeys = previous ? readKeys(previous) : new Map<string, Written>()
    keys = keysWriter(path.join(temp, KEYS_FILE))
    /** Make way in the spare for the file at `file`: the spare's file there is unlinked, its directory there removed with what it held. */
    const vacate = (file: string, target: string) => {
      // Never written into: the spare's file may be a hard link to the site being served.
      if (staged?.files.delete(file)) unlinkSync(target)
      else if (staged?.dirs.has(file)) {
        rmSync(target, { recursive: true, force: true })
        forget(staged, file)
      }
    }
    /**
     * A keyed file already there under its key (size checked, the file never
     * read): the spare's is kept, or the previous site's hard-linked. Its
     * size, or undefined when it must be rendered.
     */
    const keep = (file: KeyedFile, target: string): number | undefined => {
      // Each path comes once: its entries are let go as they are read (a year of daily data holds 16,000 of each).
      const own = spareKeys.get(file.path)
      const before = previousKeys.get(file.path)
      spareKeys.delete(file.path)
      previousKeys.delete(file.path)
      if (own?.key === file.key && staged?.files.has(file.path) && sizeIs(target, own.size)) {
        staged.files.delete(file.path)
        return own.size
      }
      if (!previous || before?.key !== file.key || !sizeIs(path.join(previous, file.path), before.size)) return undefined
      vacate(file.path, target)
      return linked(path.join(previous, file.path), target) ? before.size : undefined
    }
    const made = new Set<string>()
    const written = new Set<string>()
    for await (const file of files) {
      checkRelative(file.path)
      if (written.has(file.path)) throw new Error(`Refusing to write \`${file.path}\` twice`)
      written.add(file.path)
      // Synchronous calls: one file at a time either way, and thousands of small files cost
      // less without a round trip through the thread pool each.
      const dir = path.posix.dirname(file.path)
      if (dir !== '.' && !made.has(dir)) {
        if (!staged?.dirs.has(dir)) {
          // A file of the spare where a directory now goes is removed first.
          for (let d = dir; d !== '.' && staged; d = path.posix.dirname(d)) if (staged.files.delete(d)) unlinkSync(path.join(temp, d))
          mkdirSync(path.join(temp, dir), { recursive: true })
        }
        for (let d = dir; d !== '.'; d = path.posix.dirname(d)) made.add(d)
      }
      const target = path.join(temp, file.path)
      report.files++
      options.onProgress?.(report.files, Math.max(options.total ?? 0, report.files))
      if (isKeyed(file)) {
        const size = keep(file, target)
        if (size !== undefined) {
          keys.add(file.path, file.key, size)
          report.bytes += size
          report.unchanged++
          continue
        }
      }
      const bytes = Buffer.from(contentOf(file), 'utf8')
      report.bytes += bytes.length
      if (isKeyed(file)) keys.add(file.path, file.key, bytes.length)
      if (staged?.files.has(file.path) && sameBytes(target, bytes)) {
        staged.files.delete(file.path)
        report.unchanged++
        continue
      }
      vacate(file.path, target)
      if (previous && sameBytes(path.join(previous, file.path), bytes) && linked(path.join(previous, file.path), target)) report.unchanged++
      else writeFileSync(target, bytes)
    }
    keys.close()
    if (staged) {
      // What the site no longer has: its files, then its directories (deepest first).
      for (const file of staged.files.keys()) rmSync(path.join(temp, file), { force: true })
      const gone = [...staged.dirs].filter((d) => !made.has(d)).sort((a, b) => b.length - a.length)
      for (const dir of gone) rmSync(path.join(temp, dir), { recursive: true, force: true })
    }
    await unlink(path.join(temp, BUILDING_FILE))
    const hadOld = await exists(out)
    if (hadOld) await rename(out, old)
    try {
      await rename(temp, out)
    } catch (error) {
      if (hadOld) await rename(old, out)
      throw error
    }
    if (hadOld) await keepAsSpare(old, spareOf(out))
    return report
  } catch (error) {
    keys?.abandon()
    await rm(temp, { recursive: true, force: true })
    throw new Error(`Could not write the site to \`${outDir}\` (left as it was): ${(error as Error).message}`, { cause: error })
  }
}

/**
 * Take the spare for this build: renamed onto the build's own empty directory
 * (`temp`, from `mkdtemp`; a rename replaces an empty directory), so that a
 * second build at the same time cannot take it too, and a build killed while
 * writing it leaves a leftover like any other. False when there is none, it
 * is not a stamped directory of ours, or another build took it: `temp` is
 * then still the empty directory to write a whole site into.
 */
async function claimSpare(out: string, temp: string): Promise<boolean> {
  const spare = spareOf(out)
  const info = await lstat(spare).catch(() => undefined)
  if (!info?.isDirectory() || !(await isStamped(spare))) return false
  try {
    await rename(spare, temp)
    return true
  } catch {
    return false
  }
}

/** The replaced site becomes the spare; removed instead when it cannot be (another spare is there). */
async function keepAsSpare(old: string, spare: string): Promise<void> {
  try {
    await rename(old, spare)
  } catch {
    await removeOwn(old)
  }
}

/** Leave out of `tree` the directory `dir` and everything under it (removed). */
function forget(tree: { files: Set<string>; dirs: Set<string> }, dir: string): void {
  tree.dirs.delete(dir)
  const under = `${dir}/`
  for (const set of [tree.files, tree.dirs]) for (const p of set) if (p.startsWith(under)) set.delete(p)
}

/** Every file and directory under `root` (POSIX paths relative to it), the writer's own files left out. */
function listTree(root: string): { files: Set<string>; dirs: Set<string> } {
  const files = new Set<string>()
  const dirs = new Set<string>()
  const walk = (rel: string) => {
    for (const entry of readdirSync(rel ? path.join(root, rel) : root, { withFileTypes: true })) {
      const name = rel ? `${rel}/${entry.name}` : entry.name
      if (!rel && OWN_FILES.has(name)) continue
      if (entry.isDirectory()) {
        dirs.add(name)
        walk(name)
      } else files.add(name)
    }
  }
  walk('')
  return { files, dirs }
}

/** Text of the keys file compressed at a time: each such part is a gzip member of its own. */
const KEYS_CHUNK = 64 * 1024

interface KeysWriter {
  /** The key and size of the keyed file at `file` (each path once). */
  add(file: string, key: string, size: number): void
  /** Write what is left; no file when no key was added. */
  close(): void
  /** Stop without finishing the file (the build failed). */
  abandon(): void
}

/**
 * The keys file (`KEYS_FILE`) written as files are added, instead of held
 * until the end (a year of daily data ahead: 16,000 keys, 2 MiB of heap):
 * the JSON object `{"<path>":["<key>",<size>],…}` in the order added, its
 * text compressed a part at a time (`KEYS_CHUNK`), each part a gzip member of
 * its own, one after the other in the file; gunzip reads them as one. The
 * same keys give the same bytes.
 */
function keysWriter(file: string): KeysWriter {
  let fd: number | undefined
  let text = ''
  let count = 0
  const flush = () => {
    fd ??= openSync(file, 'w')
    writeSync(fd, gzipSync(text))
    text = ''
  }
  return {
    add(path, key, size) {
      text += `${count++ === 0 ? '{' : ','}${JSON.stringify(path)}:${JSON.stringify([key, size])}`
      if (text.length >= KEYS_CHUNK) flush()
    },
    close() {
      if (count === 0) return
      text += '}'
      flush()
      closeSync(fd!)
      fd = undefined
    },
    abandon() {
      if (fd !== undefined) closeSync(fd)
      fd = undefined
    }
  }
}

/** The keys a site's files were written under (`KEYS_FILE`); none when it has no such file or it cannot be read. */
function readKeys(dir: string): Map<string, Written> {
  try {
    const listed = JSON.parse(gunzipSync(readFileSync(path.join(dir, KEYS_FILE))).toString('utf8')) as Record<string, unknown>
    const keys = new Map<string, Written>()
    for (const [file, value] of Object.entries(listed)) {
      if (Array.isArray(value) && typeof value[0] === 'string' && Number.isSafeInteger(value[1])) keys.set(file, { key: value[0], size: value[1] as number })
    }
    return keys
  } catch {
    return new Map()
  }
}

/** Whether `file` is a regular file of `size` bytes (not a directory; a symbolic link is never taken for a file of a site). */
function sizeIs(file: string, size: number): boolean {
  try {
    const info = lstatSync(file)
    return info.isFile() && info.size === size
  } catch {
    return false
  }
}

/** Whether the file at `file` holds exactly `bytes` (its size first, `sizeIs`, so most changed files are never read). */
function sameBytes(file: string, bytes: Buffer): boolean {
  if (!sizeIs(file, bytes.length)) return false
  try {
    return readFileSync(file).equals(bytes)
  } catch {
    return false
  }
}

/** Hard-link the previous site's file; false when the file system cannot (the caller writes it instead). */
function linked(from: string, to: string): boolean {
  try {
    linkSync(from, to)
    return true
  } catch {
    return false
  }
}
