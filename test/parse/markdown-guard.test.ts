import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { prepare } from '../../src/parse/document.js'
import { parsePage } from '../../src/parse/index.js'
import { guardMarkdown, MAX_INDENT, MAX_LINE, MAX_NESTING, MAX_PARAGRAPH } from '../../src/parse/markdown-guard.js'
import { repoRoot } from '../helpers.js'

const rows = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, k) => `| ${from + k} | model-${from + k} | ${1500 - from - k} |`)
/** A page: a date, then `before`, a table of 6 rows with `inTable` after row 3, then `after`. */
function page(before: string[], inTable: string[], after: string[]): string {
  return ['# Board', '', '> **Data Update Time**: 2025-11-18 08:08:22 UTC', '', ...before, '', '| Rank | Model | Score |', '|---:|:---|---:|', ...rows(1, 3), ...inTable, ...rows(4, 6), '', ...after].join('\n')
}
const read = (content: string) => {
  const result = parsePage(content, { source: 'lmarena-text', language: 'en' })
  return { names: result.snapshots[0]?.rows.map((r) => r.name), messages: result.messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.rule} ${m.message}`) }
}
const names = rows(1, 6).map((r) => r.split(' | ')[1])

describe('markdown too costly to parse is left out, with a diagnostic, before parsing', () => {
  it('leaves every page of the history as it is', () => {
    const root = path.join(repoRoot, 'snapshots')
    let pages = 0
    for (const board of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const file of readdirSync(path.join(root, board.name)).filter((f) => f.endsWith('.md'))) {
        const text = readFileSync(path.join(root, board.name, file), 'utf8').replace(/\r\n?/g, '\n')
        const guarded = guardMarkdown(text)
        expect(guarded.messages, `${board.name}/${file}`).toEqual([])
        expect(guarded.text === text, `${board.name}/${file}`).toBe(true)
        pages++
      }
    }
    expect(pages).toBeGreaterThan(900)
  })

  it('a line too long in a table: that row is left out (an error), the rows after it are read', () => {
    const long = `| 99 | ${'x'.repeat(MAX_LINE)} | 1 |`
    const { names: read_, messages } = read(page([], [long], []))
    expect(read_).toEqual(names)
    expect(messages).toEqual([`11:1 error line-too-long Unexpected line of ${(MAX_LINE + 13).toLocaleString('en-US')} characters, expected at most 10,000; the table row is left out`])
  })

  it('a table in a quote keeps going past a line too long', () => {
    const quoted = ['> | Rank | Model | Score |', '> |---:|:---|---:|', '> | 1 | a | 3 |', `> | 2 | ${'b'.repeat(MAX_LINE)} | 2 |`, '> | 3 | c | 1 |']
    const guarded = guardMarkdown(quoted.join('\n'))
    expect(guarded.text.split('\n')[3]).toMatch(/^> \| +$/)
    expect(guarded.text.length).toBe(quoted.join('\n').length)
    expect(guarded.messages.map((m) => `${m.line} ${m.severity} ${m.rule}`)).toEqual(['4 error line-too-long'])
  })

  it('a paragraph too long is left out (a warning); the table after it is read', () => {
    const words = Array.from({ length: 2000 }, () => '[open www.example.com words').join('\n').split('\n')
    expect(words.join('\n').length).toBeGreaterThan(MAX_PARAGRAPH)
    const content = page(words, [], ['## Notes', '', 'After the table.'])
    const { names: read_, messages } = read(content)
    expect(read_).toEqual(names)
    expect(messages).toEqual([`5:1 warning paragraph-too-long Unexpected paragraph of 56,000 characters (2000 lines), expected at most 20,000; left out`])
    // Lines and offsets stay where they were.
    const guarded = guardMarkdown(content)
    expect(guarded.text.length).toBe(content.length)
    expect(guarded.text.split('\n').slice(4, 2004).every((l) => l.trim() === '')).toBe(true)
  })

  it('paragraphs are counted apart: blank lines, list items and headings part them, a table ends one', () => {
    const part = 'w'.repeat(7_000)
    for (const parted of [[part, part, '', part], [part, part, '- ' + part], [part, part, '# ' + part], [part, part, '| a | b |', '|---|---|', part]]) {
      expect(guardMarkdown(parted.join('\n')).messages, JSON.stringify(parted.map((l) => l.slice(0, 12)))).toEqual([])
    }
    expect(guardMarkdown([part, part, part].join('\n')).messages.map((m) => m.rule)).toEqual(['paragraph-too-long'])
    expect(guardMarkdown(['> ' + part, '> ' + part, part].join('\n')).messages.map((m) => m.rule)).toEqual(['paragraph-too-long'])
  })

  it('lines nested too deep are left out, one warning for each run of them', () => {
    const deep = ['>'.repeat(MAX_NESTING + 1) + ' a', '>'.repeat(5000) + ' b', '- '.repeat(MAX_NESTING + 1) + 'c']
    const ladder = Array.from({ length: 100 }, (_, i) => ' '.repeat(2 * i) + '- d')
    const { names: read_, messages } = read(page([...deep, '', '>'.repeat(MAX_NESTING) + ' kept', '', ...ladder], [], []))
    expect(read_).toEqual(names)
    expect(messages).toEqual([
      `5:1 warning nesting-too-deep Unexpected nesting 5000 quotes and lists deep (3 lines), expected at most ${MAX_NESTING}; left out`,
      `${11 + MAX_INDENT / 2}:1 warning nesting-too-deep Unexpected indentation of ${2 * 99 + 2} characters (${100 - MAX_INDENT / 2} lines), expected at most ${MAX_INDENT}; left out`
    ])
  })
})

describe('leaked reasoning, however much of it', () => {
  it('each block is found after characters whose lower case is longer (İ), and reported at its line', () => {
    const doc = prepare('İİİİ<think>x</think>Title\n<THINK>\ny\n</Think># Heading')
    expect(doc.source.slice(0, 1)).toEqual(['İİİİTitle'])
    expect(doc.headings.map((h) => h.text)).toEqual(['Heading'])
    expect(doc.messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([
      '1:5 Unexpected model reasoning `<think>` (1 lines), expected the translated page only; ignored',
      '2:1 Unexpected model reasoning `<think>` (3 lines), expected the translated page only; ignored'
    ])
  })

  it('thousands of blocks: every one at its line', () => {
    const doc = prepare('# Board\n' + '<think>a</think>\n'.repeat(5000))
    expect(doc.messages).toHaveLength(5000)
    expect(doc.messages.every((m, i) => m.line === i + 2 && m.column === 1)).toBe(true)
  })
})
