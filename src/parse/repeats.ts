import type { Row } from '../schema/row.js'

/** The row fields whose text repeats from row to row and day to day. */
const repeated = ['name', 'organization', 'license', 'url', 'knowledgeCutoff'] as const

/**
 * A function that keeps once the texts and metrics rows repeat: given a row,
 * it gives each of the row's repeated texts (`repeated`) the string an
 * earlier row had for it, and its metrics the object an earlier row had for
 * the same metrics. Rows read from the parse cache and rows just parsed (a
 * worker thread's are copies made for this thread) alike.
 *
 * One string for each text the rows of a store repeat: the 890,000 names,
 * organizations and licenses of the real history are 1,870 texts, its
 * 132,000 links 519. Read from JSON, or copied from a thread, many would be
 * strings of their own, held until the registry is built: 13 MB more heap
 * once the cache is read without the names (76 against 63 MB), 9 MB more
 * without the links (55 against 46 MB), which also took 50 ms longer to read.
 *
 * And one object for each set of metrics the rows repeat (the agent board's
 * rows have six, each a value and its interval): a row whose votes changed
 * keeps the metrics of the day before, and its copy was held to the end of
 * the build, 5 MiB a year of daily data (`npm run bench -- --ahead 365`).
 * Nothing changes a row's metrics once read.
 */
export function rowRepeats(): (row: Row) => void {
  const strings = new Map<string, string>()
  // A row's metrics by their JSON.
  const metrics = new Map<string, NonNullable<Row['metrics']>>()
  return (row) => {
    for (const field of repeated) {
      const value = row[field]
      if (typeof value !== 'string') continue
      const kept = strings.get(value)
      if (kept === undefined) strings.set(value, value)
      else row[field] = kept
    }
    if (row.metrics === undefined) return
    const key = JSON.stringify(row.metrics)
    const kept = metrics.get(key)
    if (kept === undefined) metrics.set(key, row.metrics)
    else row.metrics = kept
  }
}
