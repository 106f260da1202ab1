import type { Root, TableRow } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

const processor = unified().use(remarkParse).use(remarkGfm).freeze()

/** Markdown (or plain text) to an mdast tree with positions. */
export function toMdast(content: string): Root {
  return processor.parse(content) as Root
}

/**
 * Rows written under a table's header and delimiter rows, parsed as that
 * table's rows: positions are the file's (`line` and `offset` of the first
 * row there). Rows that do not form a table give none.
 */
export function tableRows(header: string, delimiter: string, rows: readonly string[], line: number, offset: number): TableRow[] {
  const prefix = `${header}\n${delimiter}\n`
  const root = processor.parse(prefix + rows.join('\n')) as Root
  const table = root.children[0]
  if (table?.type !== 'table') return []
  const body = table.children.slice(1)
  for (const row of body) move(row, line - 3, offset - prefix.length)
  return body
}

type Positioned = { position?: { start: { line: number; offset?: number | undefined }; end: { line: number; offset?: number | undefined } }; children?: unknown[] }

/** Move every position in a tree down by `lines` lines and `offset` characters. */
export function move(node: Positioned, lines: number, offset = 0): void {
  if (node.position) {
    node.position.start.line += lines
    node.position.end.line += lines
    if (node.position.start.offset !== undefined) node.position.start.offset += offset
    if (node.position.end.offset !== undefined) node.position.end.offset += offset
  }
  for (const child of node.children ?? []) move(child as Positioned, lines, offset)
}
