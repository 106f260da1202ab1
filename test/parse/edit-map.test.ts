import fc from 'fast-check'
import { EditMap } from 'micromark-util-edit-map'
import type { Event } from 'micromark-util-types'
import { describe, expect, it } from 'vitest'
import { consumeFromFirstEdit, upstreamConsume } from '../../src/parse/edit-map.js'
import { toMdast } from '../../src/parse/markdown.js'

/** A stand-in event, told apart by its id. */
const event = (id: string): Event => [id as 'enter', { type: id } as never, {} as never]

const edits = fc.array(
  fc.record({ before: fc.boolean(), at: fc.nat(40), remove: fc.nat(6), add: fc.array(fc.string({ maxLength: 3 }), { maxLength: 4 }) }),
  { maxLength: 8 }
)

describe('EditMap.consume, from the first edit on', () => {
  it('edits a list as micromark’s own consume does (property)', () => {
    fc.assert(
      fc.property(fc.nat(40), edits, (length, changes) => {
        const original = Array.from({ length }, (_, i) => event(`e${i}`))
        const results = [upstreamConsume, consumeFromFirstEdit].map((consume) => {
          const map = new EditMap()
          for (const c of changes) {
            const add = c.add.map((id) => event(`+${id}`))
            if (c.before) map.addBefore(c.at, c.remove, add)
            else map.add(c.at, c.remove, add)
          }
          const events = [...original]
          consume.call(map, events)
          expect(map.map).toEqual([])
          return events.map((e) => e?.[0])
        })
        expect(results[1]).toEqual(results[0])
      }),
      { numRuns: 5000 }
    )
  })

  it('is the consume micromark uses once the parser is loaded', () => {
    expect(EditMap.prototype.consume).toBe(consumeFromFirstEdit)
    // Many quotes and nested list items each close through an edit map: the same tree as before, positions included.
    const root = toMdast('> a\n\n- - b\n\n>> c\n>\n> d')
    expect(root.children.map((n) => `${n.type}@${n.position?.start.line}-${n.position?.end.line}`)).toEqual(['blockquote@1-1', 'list@3-3', 'blockquote@5-7'])
  })
})
