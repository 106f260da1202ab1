/**
 * The CSV archives leaderlog knows: public collections of an upstream board's
 * history, kept by third parties, that reach back before our own captures.
 * An archive's id names its captures in the store (`<date>.en-x-<id>.csv`, a
 * BCP 47 private-use subtag: 1–8 letters or digits) and says on every snapshot
 * where its rows came from.
 */
export type CsvLayout = 'export' | 'ratings'

export interface ArchiveInfo {
  readonly id: string
  readonly title: string
  /** Where the archive is published. */
  readonly url: string
  /**
   * The layout of its files: `export`, one board per file, dated by the
   * export's version (not inside the file); `ratings`, many dates in one file
   * (a `date` column), no rank.
   */
  readonly layout: CsvLayout
}

export const archives: readonly ArchiveInfo[] = [
  {
    id: 'exports',
    title: 'Daily CSV exports (fboulnois/llm-leaderboard-csv)',
    url: 'https://github.com/fboulnois/llm-leaderboard-csv',
    layout: 'export'
  },
  {
    id: 'ratings',
    title: 'Rating history (jasontrigg0/chatbot-arena-history)',
    url: 'https://github.com/jasontrigg0/chatbot-arena-history',
    layout: 'ratings'
  }
]

export const archiveIds = archives.map((a) => a.id)

export function archiveInfo(id: string): ArchiveInfo | undefined {
  return archives.find((a) => a.id === id)
}

/** The archive a file of this layout is taken from when nobody says. */
export function defaultArchive(layout: CsvLayout): ArchiveInfo {
  return archives.find((a) => a.layout === layout)!
}

/** The language tag an archive's captures are stored under: English, private use `x-<archive>`. */
export function archiveLanguage(id: string): string {
  return `en-x-${id}`
}

/** The archive a language tag names (`en-x-exports` → `exports`); undefined without a private-use part. */
export function archiveOf(language: string): string | undefined {
  const m = /-x-([A-Za-z0-9]{1,8})$/.exec(language)
  return m ? m[1]!.toLowerCase() : undefined
}
