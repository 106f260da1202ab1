import fc from 'fast-check'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { MAX_FILE_BYTES, parsePage } from '../../src/parse/index.js'
import { SLICE, SLICE_WITH_DEFINITIONS, toMdast } from '../../src/parse/markdown.js'

const whole = (content: string) => unified().use(remarkParse).use(remarkGfm).parse(content)

/** What a table's body may hold: mostly rows, now and then a line GFM reads otherwise. */
const cell = fc.constantFrom('1', '1,234', '[m](https://x.y/z)', '**b**', '`c|d`', 'a \\| b', '<span>x</span>', '[ref]', '[^1]', 'https://a.b/c', 'www.x.com', '~~s~~', '中文', '', '\\*', '*em*')
const row = fc.oneof(
  { weight: 40, arbitrary: fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => `| ${cells.join(' | ')} |`) },
  { weight: 2, arbitrary: fc.array(cell, { minLength: 2, maxLength: 3 }).map((cells) => cells.join(' | ')) },
  { weight: 1, arbitrary: fc.constantFrom('text without pipes', '', '# heading', '> quote', '- item', '1. item', '---', '<div>', '```', '    | indented |', '|---|---|', '===', '  ', '[ref]: https://d.e', '[^1]: note') }
)

/** A page with one table of `rows` rows (links, a cell with a pipe-free note), text before and after. */
function page(rows: number): string {
  const lines = ['# Board', '', '> **Data Update Time**: 2025-11-18 08:08:22 UTC', '', '| Rank | Model | Score | Votes |', '|---:|:---|---:|---:|']
  for (let i = 1; i <= rows; i++) lines.push(`| ${i} | [model-${i}](https://example.com/m/${i}) **x** | ${5000 - i} | ${(1000 + ((i * 2654435761) % 89989)).toLocaleString('en-US')} |`)
  lines.push('', '## Notes', '', 'After the table.')
  return lines.join('\n')
}

describe('long tables', () => {
  it('parses a table of many slices into the same tree as one parse, positions included', () => {
    const content = page(SLICE * 2 + 37)
    const whole = unified().use(remarkParse).use(remarkGfm).parse(content)
    const sliced = toMdast(content)
    expect(sliced.children.map((n) => n.type)).toEqual(['heading', 'blockquote', 'table', 'heading', 'paragraph'])
    expect(JSON.stringify(sliced)).toBe(JSON.stringify(whole))
  })

  it('parses any table into the same tree as one parse: rows, lines GFM ends a table at, indented tables, definitions', () => {
    const doc = fc.record({
      before: fc.constantFrom('', '# T\n\n', 'text\n\n', '[ref]: https://d.e\n\n', '[^1]: note\n\n', '- item\n\n'),
      indent: fc.constantFrom('', ' ', '   ', '- ', '> '),
      rows: fc.array(row, { minLength: SLICE - 3, maxLength: 2 * SLICE + 30 }),
      after: fc.constantFrom('', '\n\nAfter.', '\n\n[ref]: https://d.e', '\n\n[^1]: note')
    })
    fc.assert(
      fc.property(doc, ({ before, indent, rows, after }) => {
        // A list item's or a quote's lines after its first: indented under it, or quoted.
        const next = indent === '- ' ? '  ' : indent
        const content = before + [`${indent}| Rank | Model | Score |`, `${next}|---:|:---|---:|`, ...rows.map((r) => next + r)].join('\n') + after
        expect(JSON.stringify(toMdast(content))).toBe(JSON.stringify(whole(content)))
      }),
      { numRuns: 60 }
    )
  })

  it('slices a file that defines links only past the longer slice', () => {
    // A reference in a row of the second slice resolves, as in one parse.
    const content = page(SLICE + 20).replace('## Notes', '[ref]: https://example.com/r\n\n## Notes').replace(`| ${SLICE + 10} |`, `| [ref] ${SLICE + 10} |`)
    const tree = JSON.stringify(toMdast(content))
    expect(tree).toBe(JSON.stringify(whole(content)))
    expect(tree).toContain('"type":"linkReference"')
    expect(SLICE_WITH_DEFINITIONS).toBeGreaterThan(SLICE + 20)
  })

  it('reads every row of a long page', () => {
    const result = parsePage(page(SLICE * 3))
    expect(result.messages).toEqual([])
    expect(result.snapshots[0]!.rows).toHaveLength(SLICE * 3)
    expect(result.snapshots[0]!.rows.at(-1)).toMatchObject({ rank: SLICE * 3, name: `model-${SLICE * 3} x`, votes: 1000 + ((SLICE * 3 * 2654435761) % 89989) })
  })

  it('refuses a file over the size limit at 1:1, without parsing it', () => {
    const content = page(10) + '\n' + 'x'.repeat(MAX_FILE_BYTES)
    const result = parsePage(content, { source: 'lmarena-text', language: 'en' })
    expect(result.snapshots).toEqual([])
    expect(result.messages).toEqual([
      { line: 1, column: 1, severity: 'error', rule: 'file-too-large', message: 'Unexpected file of 4.0 MiB, expected at most 4.0 MiB (a leaderboard page is about 150 KB); not parsed' }
    ])
  })
})
