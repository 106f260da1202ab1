import type { Event } from '../schema/events.js'

/** The events of one board (those naming it, and those for every board). */
export function eventsOf(events: readonly Event[], board: string): Event[] {
  return events.filter((e) => !e.boards || e.boards.includes(board))
}
