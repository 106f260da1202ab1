import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { inFile, message, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { ParsedSnapshot } from '../schema/snapshot.js'
import { checkAcrossFiles, checkFile, type CheckedFile } from './check.js'
import { discover } from './discover.js'

/** The whole store, parsed and validated, with every diagnostic (paths as the user gave the directory). */
export interface LoadedStore {
  dir: string
  files: CheckedFile[]
  snapshots: { file: string; snapshot: ParsedSnapshot }[]
  diagnostics: Diagnostic[]
}

/** Display path of a store file: the directory as given, joined POSIX-style. */
export function displayPath(dir: string, relative: string): string {
  return path.posix.join(dir.split(path.sep).join('/'), relative)
}

/**
 * Read, parse and validate every file under `dir`. Diagnostics name files as
 * `shownAs/<relative>` (the directory as the user typed it).
 */
export async function loadStore(dir: string, shownAs: string = dir, parseFile: (relative: string, content: string) => CheckedFile = checkFile): Promise<LoadedStore> {
  const relatives = await discover(dir)
  const files: CheckedFile[] = []
  const diagnostics: Diagnostic[] = []
  for (const relative of relatives) {
    const shown = displayPath(shownAs, relative)
    let content: string
    try {
      content = await readFile(path.join(dir, relative), 'utf8')
    } catch (error) {
      diagnostics.push(...inFile(shown, [message('unreadable-file', { line: 1, column: 1 }, `Cannot read file: ${(error as Error).message}`)]))
      continue
    }
    files.push(parseFile(relative, content))
  }
  const across = checkAcrossFiles(files)
  for (const file of files) {
    const extra = across.get(file.path) ?? []
    if (extra.length) file.result.messages.push(...extra)
    diagnostics.push(...inFile(displayPath(shownAs, file.path), file.result.messages))
  }
  const snapshots = files.flatMap((f) => f.result.snapshots.filter((s) => s.date).map((snapshot) => ({ file: displayPath(shownAs, f.path), snapshot })))
  return { dir, files, snapshots, diagnostics: sortDiagnostics(diagnostics) }
}
