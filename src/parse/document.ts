import type { Root, RootContent, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { placeFinder } from '../core/places.js'
import { message, type Message } from '../diagnostics/diagnostic.js'
import { move, toMdast } from './markdown.js'
import { guardMarkdown } from './markdown-guard.js'

/**
 * A page prepared for the adapters: reasoning the translation model leaked
 * (`<think>…</think>`) is masked out (and reported), then the rest is parsed
 * to mdast with positions that still point into the original file.
 */
export interface Document {
  content: string
  root: Root
  tables: Table[]
  /** Every line of the page as parsed (leaked reasoning blanked out). */
  source: string[]
  /** Text lines outside tables and code, in order, with their line numbers. */
  lines: { text: string; line: number }[]
  /** Prose (headings, paragraphs, quotes, lists) for language detection. */
  prose: string
  /** Text of the first heading. */
  title: string
  headings: { text: string; line: number }[]
  messages: Message[]
}

interface Range {
  start: number
  end: number
}

/** Leaked reasoning: each `<think>` to its `</think>` (any case), or to the end of the page when never closed. */
function thinkRanges(content: string): Range[] {
  const ranges: Range[] = []
  const open = /<think>/gi
  const close = /<\/think>/gi
  let m: RegExpExecArray | null
  while ((m = open.exec(content))) {
    close.lastIndex = m.index
    const closed = close.exec(content)
    const end = closed ? closed.index + closed[0].length : content.length
    ranges.push({ start: m.index, end })
    open.lastIndex = end
  }
  return ranges
}

/** Blank out ranges, keeping line breaks so lines stay where they were. */
function mask(content: string, ranges: readonly Range[]): string {
  let out = ''
  let at = 0
  for (const r of ranges) {
    out += content.slice(at, r.start)
    const hidden = content.slice(r.start, r.end)
    const lastBreak = hidden.lastIndexOf('\n')
    // Keep line structure; drop the masked part of the last line so `</think># Title` stays a heading.
    out += lastBreak === -1 ? '' : hidden.slice(0, lastBreak + 1).replace(/[^\n]/g, ' ').replace(/ +\n/g, '\n')
    at = r.end
  }
  return out + content.slice(at)
}

/**
 * Rows a translation wrote with full-width bars (`｜ 12 ｜ 8-15 ｜ gpt-5 ｜ …｜`,
 * as CJK text writes `|`): a line with no ASCII bar that starts and ends with
 * one is a table row, its bars made ASCII (one code unit each: every place
 * stays). A full-width bar inside a row of ASCII bars is text (a sign between
 * a name and its license) and stays.
 */
export function withAsciiBars(content: string): string {
  if (!content.includes('｜')) return content
  return content.replace(/^[ \t]*｜[^|\n]*｜[ \t\r]*$/gm, (line) => line.replace(/｜/g, '|'))
}

export function prepare(source: string): Document {
  const content = withAsciiBars(source)
  const messages: Message[] = []
  const ranges = thinkRanges(content)
  // Line starts only for a page with leaked reasoning (most have none).
  const placeOf = ranges.length ? placeFinder(content) : undefined
  for (const r of ranges) {
    const { line, column } = placeOf!(r.start)
    const closed = content.slice(r.start, r.end).toLowerCase().endsWith('</think>')
    messages.push(message('leaked-reasoning', { line, column }, { lines: placeOf!(r.end).line - line + 1, closed }))
  }
  const guarded = guardMarkdown(ranges.length ? mask(content, ranges) : content)
  messages.push(...guarded.messages)
  const leftOut = new Set(guarded.rows)
  const text = guarded.text
  const root = toMdast(text)
  const raw = text.split('\n')
  const tables: Table[] = []
  const lines: { text: string; line: number }[] = []
  const prose: string[] = []
  const headings: { text: string; line: number }[] = []
  const tableLines = new Set<number>()
  const walk = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'table') {
        if (leftOut.size) node.children = node.children.filter((row) => !leftOut.has(row.position!.start.line))
        tables.push(node)
        for (let l = node.position!.start.line; l <= node.position!.end.line; l++) tableLines.add(l)
        continue
      }
      if (node.type === 'code') {
        // Translators wrap the page in a fence named after anything (```markdown, ```Portuguese), closed
        // or not: read inside it. An indented block is not a wrapper (it holds quoted text, such as reasoning).
        if (node.position && /^[ ]{0,3}(?:```|~~~)/.test(raw[node.position.start.line - 1] ?? '') && /^\s*\|.*\|\s*$/m.test(node.value)) {
          const inner = toMdast(node.value)
          move(inner, node.position.start.line)
          walk(inner.children)
        }
        continue
      }
      if (node.type === 'html' || node.type === 'definition') continue
      if (node.type === 'heading') headings.push({ text: toString(node).trim(), line: node.position!.start.line })
      if (node.type === 'heading' || node.type === 'paragraph') prose.push(toString(node))
      if ('children' in node && node.type !== 'heading' && node.type !== 'paragraph') walk(node.children as RootContent[])
    }
  }
  walk(root.children)
  raw.forEach((value, i) => {
    if (!tableLines.has(i + 1) && value.trim() !== '') lines.push({ text: value, line: i + 1 })
  })
  return { content, root, tables, source: raw, lines, prose: prose.join('\n'), title: headings[0]?.text ?? '', headings, messages }
}
