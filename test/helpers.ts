import { existsSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { cachedParser } from '../src/parse/cache.js'

export const repoRoot = path.resolve(import.meta.dirname, '..')
/** `../shared` beside the checkout, or `LEADERLOG_SHARED` (a git worktree lives elsewhere). */
export const sharedDir = process.env.LEADERLOG_SHARED ? path.resolve(process.env.LEADERLOG_SHARED) : path.resolve(repoRoot, '../shared')
export const corpusDir = path.join(sharedDir, 'corpus/cherry-studio-docs')
export const hasCorpus = existsSync(corpusDir)
export const snapshotsDir = path.join(repoRoot, 'snapshots')

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
export const corpusParse = cachedParser(path.join(os.tmpdir(), 'leaderlog-test-parse-cache'))
