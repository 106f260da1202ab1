/** One file of the site: a POSIX path relative to the output directory, and its bytes. What render yields and write takes. */
export interface SiteFile {
  path: string
  content: string
}

/**
 * A file of the site known by a key before it is rendered: a digest of
 * everything its bytes are made from. The writer keeps the file already in
 * the output directory when that file was written under the same key, and
 * calls `render` only otherwise: an old snapshot's page is not made again
 * every day.
 */
export interface KeyedFile {
  path: string
  key: string
  render: () => string
}

/** What render yields and write takes: a file, or a file known by its key. */
export type SiteEntry = SiteFile | KeyedFile

export function isKeyed(entry: SiteEntry): entry is KeyedFile {
  return 'key' in entry
}

/** The file's bytes as text, rendered if it is keyed. */
export function contentOf(entry: SiteEntry): string {
  return isKeyed(entry) ? entry.render() : entry.content
}
