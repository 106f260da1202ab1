import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { MAX_FILE_BYTES, parsePage } from '../../src/parse/index.js'
import { SLICE, toMdast } from '../../src/parse/markdown.js'

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
