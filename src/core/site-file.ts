/** One file of the site: a POSIX path relative to the output directory, and its bytes. What render yields and write takes. */
export interface SiteFile {
  path: string
  content: string
}
