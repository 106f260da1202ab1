import path from 'node:path'
import { codeDigest, moduleBeside } from '../core/code-digest.js'
import { digest } from '../core/digest.js'
import { DATA_FILES_CACHE } from '../parse/cache.js'
import { readSealed, sealed, writeAtomically } from '../parse/sealed.js'
import type { DataFiles } from './data-check.js'

/**
 * The store's data files (`registry.json`, `events.json`) are validated with
 * zod on every run; loading zod alone is 0.1 s of a run's start. With a cache
 * directory, their result is kept in one sealed file there
 * (`data-files.json`, as the parse cache writes its files), under a key that
 * hashes both texts, the boards and the code that validates them (the import
 * graph of `data-check`, and its packages' versions): a run whose data files
 * are those the last run validated takes their result from it, and a run whose
 * store files are all cached then loads no validator at all. Any edit to either
 * file, a board added, or a change to that code misses, and the file is written
 * again. A damaged or edited cache file is not read.
 */

/** The module that validates the data files: its import graph keys the kept result. */
const checkerModule = moduleBeside(import.meta.url, 'data-check')

/** The form of the kept file: changed when this module writes it otherwise, so that an older one misses. */
const FORMAT = '1'

let code: string | undefined

/** The key of the data files' result: their texts (or their absence), the boards and the code. */
function keyOf(registry: string | undefined, events: string | undefined, boards: readonly string[]): string {
  code ??= codeDigest(checkerModule, `data files ${FORMAT}`)
  const text = (t: string | undefined) => (t === undefined ? '0' : `1${t.length}:${t}`)
  return digest(code, '\0', JSON.stringify(boards), '\0', text(registry), '\0', text(events))
}

/** `checkDataFiles`, its result taken from `cache` (a directory) when it holds the result for these texts, else made and kept there. */
export async function dataFiles(registry: string | undefined, events: string | undefined, boards: readonly string[], cache?: string): Promise<DataFiles> {
  const check = async () => (await import('./data-check.js')).checkDataFiles(registry, events, boards)
  if (cache === undefined) return check()
  const file = path.join(cache, DATA_FILES_CACHE)
  const key = keyOf(registry, events, boards)
  const kept = read(file)
  if (kept?.key === key) return kept.result
  const result = await check()
  try {
    writeAtomically(file, sealed(JSON.stringify({ key, result })))
  } catch {
    // A cache that cannot be written costs the next run the validation, nothing else.
  }
  return result
}

function read(file: string): { key: string; result: DataFiles } | undefined {
  const value = readSealed(file) as { key?: unknown; result?: DataFiles } | undefined
  return value && typeof value.key === 'string' && value.result ? { key: value.key, result: value.result } : undefined
}
