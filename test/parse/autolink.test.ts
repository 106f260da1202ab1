import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type { Event, Token } from 'micromark-util-types'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import type { Root } from 'mdast'
import remarkLinearAutolinks, { eventsToWalk, literalContainers } from '../../src/parse/autolink.js'
import { repoRoot } from '../helpers.js'

const upstream = unified().use(remarkParse).use(remarkGfm).freeze()
const linear = unified().use(remarkParse).use(remarkGfm).use(remarkLinearAutolinks).freeze()
const tree = (processor: typeof upstream, text: string): string => JSON.stringify(processor.parse(text))
/** Each text parses to remark-gfm's tree. */
const expectSameTrees = (texts: readonly string[]): void => {
  for (const text of texts) expect(tree(linear, text), text).toBe(tree(upstream, text))
}

/** Pieces that make autolink literals, labels, links, images and what ends or hides them. */
const pieces = [
  '[', ']', '![', '](', '(', ')', '[a]', '[x]: http://d.e', '\\[', '`', '<', '>', '*', '_', '~',
  ' ', '  ', '\n', '\n\n', '| a | b |\n|---|---|\n| ', ' | ', '- ', '> ',
  'www.a.com', 'www.', 'http://x.y', 'https://a.b/c?d=e', 'a@b.c', 'mailto:a@b.co', 'xmpp:a@b.c/d', 'w', 'h', 'ab', '1', '.', '@', '-', '/',
  'WWW.A.COM', 'HTTPS://A.B', 'Www.', '**', '[a](http://b.c)', '[x@y.z][a]', '`http://c.d`', '<http://e.f>'
]

describe('autolink literals after an open [', () => {
  it('parse to the same tree as remark-gfm, positions included (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join('')
        expect(tree(linear, text)).toBe(tree(upstream, text))
      }),
      { numRuns: 3000 }
    )
  })

  it('cases where a [ opens, closes, forms a link or is dropped, as remark-gfm parses them', () => {
    expectSameTrees([
      '[a www.b.com',
      '[a](http://x.y) www.b.com',
      '[a] www.b.com [c www.d.com',
      '[\\x]()https://e.com/?t=1 www.f.com',
      '![a [b](c) www.d.com] www.e.com',
      '[a [b](c) www.d.com] www.e.com',
      '[a\n\nwww.b.com',
      '| [a | www.b.com |\n|---|---|\n| [c | d@e.f |',
      '[[[a] www.b.com] www.c.com] www.d.com'
    ])
  })

  it('parse real pages of the history to the same trees', () => {
    const dir = path.join(repoRoot, 'snapshots/lmarena-text')
    const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort()
    const sample = files.filter((_, i) => i % Math.ceil(files.length / 8) === 0)
    expect(sample.length).toBeGreaterThanOrEqual(8)
    for (const file of sample) {
      const text = readFileSync(path.join(dir, file), 'utf8')
      expect(tree(linear, text), file).toBe(tree(upstream, text))
    }
  })

  it('answer from the open [ found last time, without walking back again', () => {
    // A paragraph's events: an open `[`, then many words. Count the events read to answer.
    const label = { type: 'labelLink', start: {}, end: {} } as unknown as Token
    const word = (i: number): Event => ['enter', { type: 'data', start: { offset: i }, end: {} } as unknown as Token, {} as never]
    const list: Event[] = [['enter', label, {} as never], ['exit', label, {} as never], ...Array.from({ length: 10_000 }, (_, i) => word(i))]
    let reads = 0
    const counted = new Proxy(list, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++
        return Reflect.get(target, key, receiver)
      }
    })
    expect(eventsToWalk(counted)).toEqual([list[1]])
    expect(reads).toBeGreaterThan(10_000) // the first question walks back to the `[`
    for (let i = 0; i < 100; i++) {
      list.push(word(10_000 + i))
      reads = 0
      expect(eventsToWalk(counted)).toEqual([list[1]])
      expect(reads).toBeLessThan(5)
    }
    // Closed, the `[` is no answer: walk again (and find none).
    label._balanced = true
    expect(eventsToWalk(counted)).toBe(counted)
  })

  it('finds literals in texts at any depth, in cells, emphasis and headings, as remark-gfm does', () => {
    expectSameTrees([
      'Contact a@b.c or www.d.com today',
      '*x www.a.com* y and **HTTPS://B.C/d** z',
      '# Heading with x@y.zz\n\n> quoted _http://q.r_ text',
      '| a | b@c.d |\n|---|---|\n| WWW.X.COM | [http://l.m](n) |\n| plain | *e@f.gh* |',
      '- item www.a.b\n  - nested [label http://c.d](e) f@g.hi'
    ])
  })

  it('looks for them only in the nodes that have a text that may hold one', () => {
    // A tree as the parse gives it to the transform: literals still in texts.
    const text = (value: string) => ({ type: 'text' as const, value })
    const cell = (...children: Root['children']) => ({ type: 'tableCell', children })
    const row = (...cells: unknown[]) => ({ type: 'tableRow', children: cells })
    const root = {
      type: 'root',
      children: [
        { type: 'heading', depth: 1, children: [text('Board')] },
        {
          type: 'table',
          children: [
            row(cell(text('Model')), cell(text('Score'))),
            row(cell(text('a')), cell(text('1'))),
            row(cell(text('by b@c.de')), cell(text('2'))),
            row(cell({ type: 'emphasis', children: [text('WWW.f.gh')] } as never), cell(text('3')))
          ]
        },
        { type: 'paragraph', children: [{ type: 'link', url: 'z', children: [text('http://x.y')] }, text(' and more text')] },
        { type: 'paragraph', children: [text('mail a@b.cd or '), { type: 'strong', children: [text('www.x.yz')] }] }
      ]
    } as unknown as Root
    const table = root.children[1] as unknown as { children: { children: { children: unknown[] }[] }[] }
    // The cell with the e-mail and the emphasis with the URL; not the cells, heading or paragraph without one (nor the
    // link's text); the last paragraph once, the transform going through its `strong` too.
    expect(literalContainers(root)).toEqual([table.children[2]!.children[0], table.children[3]!.children[0]!.children[0], root.children[3]])
    expect(literalContainers({ type: 'root', children: [root.children[0]!] })).toEqual([])
    // Run on those, the transform links both, as on the whole tree.
    expect(tree(linear, 'x\n\n| Model | Score |\n|---|---|\n| by b@c.de | 2 |\n| *WWW.f.gh* | 3 |')).toContain('"url":"mailto:b@c.de"')
  })

  it('refuses to run where there are no autolink literals to replace', () => {
    expect(() => unified().use(remarkParse).use(remarkLinearAutolinks).freeze()).toThrow(/after remark-gfm/)
  })
})
