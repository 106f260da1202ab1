import type { Row } from '../../src/schema/row.js'

/** A row as compared by the tests that rewrite a page's headers: metrics by value, since their keys come from the headers. */
export function comparable(row: Row): string {
  const { metrics, ...rest } = row
  return JSON.stringify({ ...rest, metrics: metrics ? Object.values(metrics).map((m) => JSON.stringify(m)).sort() : [] })
}
