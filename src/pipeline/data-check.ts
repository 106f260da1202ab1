import { parseRegistryData } from '../registry/data.js'
import { parseEvents } from '../schema/events.js'
import type { StoreContents } from './analyse.js'

/** What the store's data files give, as read (each with its messages). */
export interface DataFiles {
  registry: Omit<StoreContents['registry'], 'path'>
  events: Omit<StoreContents['events'], 'path'>
}

/**
 * Validate the store's data files (zod): the registry data (`registry.json`;
 * undefined when the store has none, read as `{}`) and the events
 * (`events.json`; none without one), whose boards must be among `boards`.
 * Pure: a function of the two texts and the boards, so its result can be kept
 * (`data-files.ts`), and the entry of the code that result depends on.
 */
export function checkDataFiles(registry: string | undefined, events: string | undefined, boards: readonly string[]): DataFiles {
  return {
    registry: parseRegistryData(registry ?? '{}'),
    events: events === undefined ? { events: [], messages: [] } : parseEvents(events, boards)
  }
}
