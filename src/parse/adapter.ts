import type { Message } from '../diagnostics/diagnostic.js'
import type { ParsedSnapshot } from '../schema/snapshot.js'
import type { Document } from './document.js'

/** What every source adapter receives: the prepared page and what is known of it. */
export interface AdapterInput {
  /** Source id when known (store folder or `--source`). */
  source?: string
  language: string
  /** Whether the page itself states its data time (a leaderboard page does, other pages do not). */
  dated: boolean
}

/**
 * A snapshot as an adapter reads it from the tables: undated. The data time
 * is the page's (or the store file name's), and `parsePage` adds it.
 */
export type UndatedSnapshot = Omit<ParsedSnapshot, 'date' | 'updatedAt'>

export interface AdapterOutput {
  source: string
  snapshots: UndatedSnapshot[]
  messages: Message[]
}

export type Adapter = (doc: Document, input: AdapterInput) => AdapterOutput
