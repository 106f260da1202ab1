import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Every temporary directory the tests make (`tempDir`, a build's `--out`, a
 * browser's profile) goes under one directory per run, removed when the run
 * ends: a run of the suite used to leave about 160 directories, 190 MB, in
 * the system's temporary folder. The workers inherit `TMPDIR`, which
 * `os.tmpdir()` reads. The corpus tests' parse cache stays in the system's
 * folder (`LEADERLOG_SYSTEM_TMPDIR`), shared by runs.
 */
export default function setup(): () => void {
  const system = os.tmpdir()
  const root = mkdtempSync(path.join(system, 'leaderlog-test-run-'))
  process.env.LEADERLOG_SYSTEM_TMPDIR = system
  process.env.TMPDIR = root
  return () => rmSync(root, { recursive: true, force: true })
}
