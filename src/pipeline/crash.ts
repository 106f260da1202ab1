import { message, START } from '../diagnostics/diagnostic.js'
import { PARSER_VERSION } from '../parse/version.js'
import type { ParseResult } from '../schema/snapshot.js'
import { parseOptionsFor } from '../store/check.js'

/** What a file whose parse crashed (threw `thrown`, or killed its worker) holds: nothing but the error, with its message. */
export function crashResult(relative: string, thrown: unknown): ParseResult {
  const options = parseOptionsFor(relative)
  const reason = thrown instanceof Error ? thrown.message : String(thrown)
  return {
    parser: PARSER_VERSION,
    source: options.source ?? null,
    language: options.language ?? null,
    snapshots: [],
    messages: [message('parser-crash', START, { reason })]
  }
}
