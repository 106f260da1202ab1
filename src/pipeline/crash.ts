import { message, START } from '../diagnostics/diagnostic.js'
import { PARSER_VERSION } from '../parse/version.js'
import type { ParseResult } from '../schema/snapshot.js'
import { parseOptionsFor } from '../store/check.js'

/** What a file whose parse crashed (threw, or killed its worker) holds: nothing but the error. */
export function crashResult(relative: string, reason: string): ParseResult {
  const options = parseOptionsFor(relative)
  return {
    parser: PARSER_VERSION,
    source: options.source ?? null,
    language: options.language ?? null,
    snapshots: [],
    messages: [message('parser-crash', START, { reason })]
  }
}
