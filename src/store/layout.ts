import path from 'node:path'
import { isCalendarDate } from '../core/dates.js'
import { archiveInfo, archiveOf } from '../core/archives.js'
import { sourceIds, sourceInfo } from '../core/sources.js'

/**
 * The snapshot store convention, under the snapshots directory (POSIX paths):
 *  - `<source>/<YYYY-MM-DD>.<lang>.md`: a capture of upstream's page;
 *  - `<source>/<YYYY-MM-DD>.en-x-<archive>.csv`: a capture from a CSV archive
 *    (`en-x-exports`: English, private-use subtag naming the archive), one
 *    date per file, for a source with one board.
 */
export interface StorePath {
  source: string
  date: string
  language: string
  /** `csv` for an archive capture (its archive is the language's private-use part); else markdown. */
  format?: 'csv'
}

const pattern = /^([a-z0-9][a-z0-9-]*)\/(\d{4}-\d{2}-\d{2})\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*(?:-x(?:-[A-Za-z0-9]{1,8})+)?)\.(md|csv)$/

/** Parse a path relative to the store; undefined when it does not follow the convention. */
export function parseStorePath(relative: string): StorePath | undefined {
  const match = pattern.exec(relative.split('\\').join('/'))
  if (!match) return undefined
  const [, source, date, language, extension] = match as unknown as [string, string, string, string, 'md' | 'csv']
  if (!sourceIds.includes(source)) return undefined
  if (!isCalendarDate(date)) return undefined
  if (extension === 'md') return { source, date, language }
  const archive = archiveOf(language)
  if (!archive || !archiveInfo(archive) || sourceInfo(source)!.boards.length !== 1) return undefined
  return { source, date, language, format: 'csv' }
}

export function storePath(p: StorePath): string {
  return `${p.source}/${p.date}.${p.language}.${p.format === 'csv' ? 'csv' : 'md'}`
}

export { isCalendarDate }

/** The maintainers' registry data file, beside the snapshots it describes. */
export const registryFile = 'registry.json'

/** The maintainers' events file: dated events upstream, shown on charts and diffs. */
export const eventsFile = 'events.json'

/** The maintainers' sources file (`leaderlog fetch`). */
export const sourcesFile = 'sources.json'

/** Display path of a store file: the directory as given, joined POSIX-style. */
export function displayPath(dir: string, relative: string): string {
  return path.posix.join(dir.split(path.sep).join('/'), relative)
}

/** A display path under `from` (e.g. `snapshots/…`) renamed under `to`, the store as the user typed it. */
export function respell(file: string, to: string, from = 'snapshots'): string {
  return file === from || file.startsWith(from + '/') ? displayPath(to, file.slice(from.length + 1)) : file
}
