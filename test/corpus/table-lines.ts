/** A markdown table line cut at its pipes, for tests that rewrite tables of real pages cell by cell. */
export interface Cells {
  parts: string[]
  /** The line starts and ends with a pipe. */
  lead: boolean
  trail: boolean
}

/** A table's delimiter row (`|---|:--:|`). */
export const delimiter = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/

/** Whether the line at `h` is a table's header: it has a pipe, and the next line is a delimiter row with one. */
export function startsTable(lines: readonly string[], h: number): boolean {
  const next = lines[h + 1]
  return lines[h]!.includes('|') && next !== undefined && delimiter.test(next) && next.includes('|')
}

export function split(line: string): Cells {
  const t = line.trim()
  const lead = t.startsWith('|')
  const trail = t.length > 1 && t.endsWith('|')
  let parts = t.split('|')
  if (lead) parts = parts.slice(1)
  if (trail) parts = parts.slice(0, -1)
  return { parts, lead, trail }
}

/** The line again from its cells. */
export const join = (c: Cells): string => (c.lead ? '|' : '') + c.parts.join('|') + (c.trail ? '|' : '')
