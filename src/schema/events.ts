import { z } from 'zod'
import { readDataFile } from '../diagnostics/data-file.js'
import { message, type Message } from '../diagnostics/diagnostic.js'
import { placeOf } from '../diagnostics/json-places.js'
import { compareText } from '../core/compare.js'
import { DateSchema } from './snapshot.js'

/**
 * The events file (`snapshots/events.json`): dated things that happened to a
 * board upstream — the day the text page began to show only its top 30, the
 * day it switched from display names to model ids — drawn on charts and
 * named on every diff or comparison that spans one. Edited by maintainers;
 * each event says how the data shows it (`note`).
 */
export const EventSchema = z
  .object({
    date: DateSchema,
    /** The boards it concerns; every board when absent. */
    boards: z.array(z.string().min(1)).min(1, { message: 'at least one board (or no `boards` for all)' }).optional(),
    /** One line, shown on charts and pages. */
    title: z.string().trim().min(1).max(120, { message: 'a title of at most 120 characters' }),
    /** The evidence: what the captures show, and where. */
    note: z.string().optional()
  })
  .strict()
export type Event = z.infer<typeof EventSchema>

export const EventsFileSchema = z.object({ $comment: z.string().optional(), events: z.array(EventSchema) }).strict()

/** Parse the events file; events are sorted by date, then title. Boards must be known (`boards` lists them). */
export function parseEvents(text: string, boards: readonly string[]): { events: Event[]; messages: Message[] } {
  const { data, json, messages } = readDataFile(text, EventsFileSchema, 'invalid-events')
  if (!data || !json) return { events: [], messages }
  data.events.forEach((event, i) => {
    event.boards?.forEach((board, j) => {
      if (!boards.includes(board)) messages.push(message('invalid-events', placeOf(json, ['events', i, 'boards', j]), { kind: 'board', board }))
    })
  })
  if (messages.length) return { events: [], messages }
  return { events: [...data.events].sort((a, b) => compareText(a.date, b.date) || compareText(a.title, b.title)), messages }
}
