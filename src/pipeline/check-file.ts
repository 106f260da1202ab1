import { parsePage } from '../parse/index.js'
import type { ParseResult } from '../schema/snapshot.js'
import { parseOptionsFor, type CheckedFile } from '../store/check.js'
import { checkParsed } from '../store/check-parsed.js'
import { crashResult } from './crash.js'

/**
 * The per-file half of the pipeline: parse one store file and validate it on
 * its own. Pure (a function of the relative path and the content), so its
 * result can be kept on disk and computed on any thread. Whatever happens
 * inside the parser, the file gets a result: a crash becomes a `parser-crash`
 * error on the file, never an exception that stops the run.
 */
export function checkStoreFile(relative: string, content: string, parse: typeof parsePage = parsePage): CheckedFile {
  let parsed: ParseResult
  try {
    parsed = parse(content, parseOptionsFor(relative))
  } catch (error) {
    parsed = crashResult(relative, error)
  }
  return checkParsed(relative, parsed)
}
