import { EditMap } from 'micromark-util-edit-map'
import type { Event } from 'micromark-util-types'

/**
 * micromark's `EditMap.consume` at a cost proportional to what it edits.
 * micromark (4.0.3, `micromark-util-edit-map` 1.0.0) closes every quote and
 * list item through an edit map whose `consume` copies the document's whole
 * event list, though its edits are all at the end: a page of 8,000 short
 * quotes took 42 s and a 4 MiB one would take days. This `consume` keeps the
 * events before the first edit where they are and rebuilds only the rest,
 * giving the same list (a property test compares it with micromark's on
 * random edits). It replaces micromark's on the one class every micromark
 * module imports, when this module is imported (by `markdown.ts`).
 */
export const upstreamConsume = EditMap.prototype.consume

export function consumeFromFirstEdit(this: EditMap, events: Event[]): undefined {
  this.map.sort((a, b) => a[0] - b[0])
  if (this.map.length === 0) return
  const first = this.map[0]![0]
  const tail: Event[] = []
  for (let i = 0; i < this.map.length; i++) {
    const [at, remove, add] = this.map[i]!
    for (const event of add) tail.push(event)
    const to = i + 1 < this.map.length ? this.map[i + 1]![0] : events.length
    for (let k = at + remove; k < to; k++) tail.push(events[k]!)
  }
  events.length = first
  for (const event of tail) events.push(event)
  this.map.length = 0
  this.index.clear()
}

EditMap.prototype.consume = consumeFromFirstEdit
