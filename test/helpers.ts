import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { cachedParser } from '../src/parse/cached-parser.js'

export const repoRoot = path.resolve(import.meta.dirname, '..')
/** `../shared` beside the checkout, or `LEADERLOG_SHARED` (a git worktree lives elsewhere). */
export const sharedDir = process.env.LEADERLOG_SHARED ? path.resolve(process.env.LEADERLOG_SHARED) : path.resolve(repoRoot, '../shared')
export const corpusDir = path.join(sharedDir, 'corpus/cherry-studio-docs')
export const hasCorpus = existsSync(corpusDir)
/** The CSV archives of the LMArena text board (issue 13): daily exports and the rating history. */
export const archivesDir = path.join(sharedDir, 'corpus/lmarena-archives')
export const hasArchives = existsSync(archivesDir)
export const snapshotsDir = path.join(repoRoot, 'snapshots')

/**
 * The seed snapshots and the data files beside them. The repo's `snapshots/`
 * holds the whole history; tests that need a small store use a private copy
 * of these (`copySeeds`, `seedStore`).
 */
export const seedFiles = ['lmarena-text/2025-11-18.en.md', 'lmarena-text/2025-11-20.fr.md', 'seal/2024-05-13.en.md', 'registry.json', 'sources.json', 'events.json'] as const

/**
 * A captured LMArena page around `table` (its lines: the header, the
 * delimiter row, the rows): a title, the data time, the table, as the tests
 * that write a small table of their own need it.
 */
export function capturedPage(table: readonly string[], title = 'LMArena'): string {
  return [`# ${title}`, '', '> **Data Update Time**: 2026-08-10 09:27:23 UTC', '', ...table, ''].join('\n')
}

/** Copy the seed store into `dir` (a new temporary directory by default); returns the store directory. */
export async function copySeeds(dir?: string): Promise<string> {
  const to = dir ?? (await tempDir('leaderlog-seeds-'))
  for (const file of seedFiles) {
    await mkdir(path.dirname(path.join(to, file)), { recursive: true })
    await copyFile(path.join(snapshotsDir, file), path.join(to, file))
  }
  return to
}

let shared: Promise<string> | undefined

/** A private store of the seeds, shared by the tests of one file: read it, never write to it. */
export function seedStore(): Promise<string> {
  return (shared ??= copySeeds())
}

export function tempDir(prefix = 'leaderlog-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix))
}

/** An Io that records what a command prints. */
export function captureIo(cwd: string = repoRoot) {
  let out = ''
  let err = ''
  return {
    io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, cwd },
    out: () => out,
    err: () => err
  }
}

/**
 * Parsing for tests over the real corpus: the same `parsePage`, with results
 * kept on disk between test files and runs (keyed on content, options and
 * parser code, so never stale).
 */
// In the system's temporary folder, not the run's (test/global-setup.ts): kept from one run to the next.
export const corpusParse = cachedParser(path.join(process.env.LEADERLOG_SYSTEM_TMPDIR ?? os.tmpdir(), 'leaderlog-test-parse-cache'))
