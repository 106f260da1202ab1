import type { Root } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

const processor = unified().use(remarkParse).use(remarkGfm).freeze()

/** Markdown (or plain text) to an mdast tree with positions. */
export function toMdast(content: string): Root {
  return processor.parse(content) as Root
}
