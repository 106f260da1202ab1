import { describe, expect, it } from 'vitest'
import { tokenize } from '../../src/parse/csv/tokenize.js'

const cells = (content: string) => tokenize(content).records.map((r) => r.fields.map((f) => [f.text, f.line, f.column]))

describe('CSV tokenizer', () => {
  it('gives every field its line and column (1-based, at the field start)', () => {
    expect(cells('a,bb,c\n1,22,333\n')).toEqual([
      [
        ['a', 1, 1],
        ['bb', 1, 3],
        ['c', 1, 6]
      ],
      [
        ['1', 2, 1],
        ['22', 2, 3],
        ['333', 2, 6]
      ]
    ])
  })

  it('reads CRLF, LF and CR line ends alike, skips a BOM and blank lines', () => {
    expect(cells('\uFEFFa,b\r\n1,2\r\n\r\n3,4\r5,6')).toEqual([
      [
        ['a', 1, 1],
        ['b', 1, 3]
      ],
      [
        ['1', 2, 1],
        ['2', 2, 3]
      ],
      [
        ['3', 4, 1],
        ['4', 4, 3]
      ],
      [
        ['5', 5, 1],
        ['6', 5, 3]
      ]
    ])
  })

  it('reads quoted fields: commas, doubled quotes and line breaks inside; later fields keep their real line', () => {
    const { records, problems } = tokenize('"a,1","say ""hi""","two\r\nlines",x\n')
    expect(problems).toEqual([])
    expect(records[0]!.fields.map((f) => [f.text, f.line, f.column, f.quoted])).toEqual([
      ['a,1', 1, 1, true],
      ['say "hi"', 1, 7, true],
      ['two\r\nlines', 1, 20, true],
      ['x', 2, 8, false]
    ])
  })

  it('keeps empty fields, a trailing one included', () => {
    expect(tokenize('a,,c,\n').records[0]!.fields.map((f) => f.text)).toEqual(['a', '', 'c', ''])
  })

  it('gives each record its offsets, line end included, so a file can be sliced as written', () => {
    const content = 'h1,h2\r\n1,"x\ny"\r\n2,z'
    const { records } = tokenize(content)
    expect(records.map((r) => content.slice(r.start, r.end))).toEqual(['h1,h2\r\n', '1,"x\ny"\r\n', '2,z'])
    expect(records.map((r) => r.line)).toEqual([1, 2, 4])
  })

  it('reports a quote outside a quoted field, and keeps it as text', () => {
    const { records, problems } = tokenize('a "b",c\n"d"e,f\n')
    expect(records.map((r) => r.fields.map((f) => f.text))).toEqual([
      ['a "b"', 'c'],
      ['de', 'f']
    ])
    expect(problems).toEqual([
      { kind: 'stray-quote', line: 1, column: 3 },
      { kind: 'stray-quote', line: 2, column: 4 }
    ])
  })

  it('reports a quoted field never closed: it runs to the end of the file', () => {
    const { records, problems } = tokenize('a,b\n1,"open\n2,3\n')
    expect(records.at(-1)!.fields.map((f) => f.text)).toEqual(['1', 'open\n2,3\n'])
    expect(problems).toEqual([{ kind: 'open-quote', line: 2, column: 3 }])
  })

  it('stops after `limit` records', () => {
    expect(tokenize('a\nb\nc\n', 1).records).toHaveLength(1)
  })
})
