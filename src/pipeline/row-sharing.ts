import { shareRows } from '../core/shared-rows.js'
import type { Row } from '../schema/row.js'
import type { CheckedFile } from '../store/check.js'

/**
 * Rows a store's pages repeat from day to day, shared as the files are read
 * (`core/shared-rows.ts`): a row equal to the row of the same name in the
 * last snapshot read of the same stream (the file's source, the snapshot's
 * board and language) is that row. On the real history 61 % of the 240,000
 * rows the pages show are: they die young instead of being held to the end
 * of the normalize stage, the most memory a build takes (the rows read: 46
 * MB of heap, 26 MB once shared). Files are shared in the order they are
 * given, each source's days one after the other in the store's order
 * (`sharedInStoreOrder`); out of order, a file would share less, never wrongly.
 */
export function rowSharer(): (file: CheckedFile) => CheckedFile {
  const last = new Map<string, Row[]>()
  return (file) => {
    let changed = false
    const snapshots = file.result.snapshots.map((s) => {
      const stream = `${file.stored?.source ?? ''}\u0000${s.board}\u0000${s.language}`
      const previous = last.get(stream)
      const rows = previous ? shareRows(s.rows, previous, nameOf) : s.rows
      last.set(stream, rows)
      if (rows === s.rows) return s
      changed = true
      return { ...s, rows }
    })
    return changed ? { ...file, result: { ...file.result, snapshots } } : file
  }
}

/** A parsed row's key: its name as published. */
const nameOf = (row: Row): string => row.name

/**
 * For files that arrive in any order (read from the cache, read and parsed,
 * or unreadable), each put in `files` at its index: `arrived(index)` once
 * the file at `index` is there (or never will be) shares the rows of every
 * file up to the first not yet arrived, in the store's order (`rowSharer`).
 * Which rows are shared never depends on the order the files were read in,
 * and a build whose files all come from the cache shares each as it comes.
 */
export function sharedInStoreOrder(files: (CheckedFile | undefined)[]): (index: number) => void {
  const share = rowSharer()
  const arrived = new Uint8Array(files.length)
  let next = 0
  return (index) => {
    arrived[index] = 1
    for (; next < files.length && arrived[next] === 1; next++) {
      const file = files[next]
      if (file) files[next] = share(file)
    }
  }
}
