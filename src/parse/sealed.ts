import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { digest } from '../core/digest.js'

/**
 * The files a parse cache writes (its entries, the signatures of a store's
 * files): a line with the sha256 of the JSON, then the JSON, written
 * atomically. Read back only while the bytes still have that digest, so a
 * damaged, cut or hand-edited file is never taken for what was written.
 */

/** `json` with its digest line. */
export function sealed(json: string): string {
  return `${digest(json)}\n${json}`
}

/** The JSON of sealed text, or undefined when its bytes no longer have the digest they were written with. */
function unsealed(text: string): string | undefined {
  const newline = text.indexOf('\n')
  if (newline !== 64) return undefined
  const json = text.slice(newline + 1)
  return digest(json) === text.slice(0, newline) ? json : undefined
}

/** The value sealed text holds, or undefined when its bytes no longer have their digest, or are not JSON. */
export function parseSealed(text: string): unknown {
  const json = unsealed(text)
  if (json === undefined) return undefined
  try {
    return JSON.parse(json) as unknown
  } catch {
    return undefined
  }
}

/** Write `text` to `file` atomically (a temporary file renamed over it), making its folder; throws when it cannot. */
export function writeAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, text)
  renameSync(temp, file)
}
