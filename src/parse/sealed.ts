import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs'
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

/**
 * The JSON of a sealed file's bytes, or undefined when they no longer have the
 * digest they were written with. The bytes are hashed as read, and decoded
 * once: a warm build reads 59 MB of them.
 */
function unsealed(bytes: Buffer): string | undefined {
  return sealedBody(bytes)?.toString('utf8')
}

/** The bytes after a sealed file's digest line, or undefined when they no longer have that digest. */
export function sealedBody(bytes: Buffer): Buffer | undefined {
  // The digest line: 64 hex digits, then a line feed.
  if (bytes.length < 65 || bytes[64] !== 0x0a) return undefined
  const body = bytes.subarray(65)
  return digest(body) === bytes.toString('latin1', 0, 64) ? body : undefined
}

/** The value a sealed file's bytes hold, or undefined when they no longer have their digest, or are not JSON. */
export function parseSealed(bytes: Buffer): unknown {
  const json = unsealed(bytes)
  if (json === undefined) return undefined
  try {
    return JSON.parse(json) as unknown
  } catch {
    return undefined
  }
}

/** The value the sealed file `file` holds; undefined when it cannot be read, no longer has its digest, or is not JSON. */
export function readSealed(file: string): unknown {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return undefined
  }
  return parseSealed(bytes)
}

/** JSON text with every character past ASCII written as a `\uXXXX` escape (each half of a surrogate pair on its own, as JSON allows). */
export function asciiJson(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/**
 * A reader of whole files into one buffer, grown to the largest file read
 * (and made `least` bytes at first): the bytes of a file are valid until the
 * next is read. A buffer per entry is memory outside the heap until a
 * collection frees it: 50 MB more peak RSS a year ahead when each of 3,361
 * entries had its own. Throws when the file cannot be read.
 */
export function fileReader(least = 0): (file: string) => Buffer {
  let buffer = Buffer.alloc(0)
  return (file) => {
    const fd = openSync(file, 'r')
    try {
      const size = fstatSync(fd).size
      if (buffer.length < size) buffer = Buffer.allocUnsafe(Math.max(size, least, 2 * buffer.length))
      let read = 0
      while (read < size) {
        const n = readSync(fd, buffer, read, size - read, read)
        if (n === 0) break
        read += n
      }
      return buffer.subarray(0, read)
    } finally {
      closeSync(fd)
    }
  }
}

/** Write `text` to `file` atomically (a temporary file renamed over it), making its folder; throws when it cannot. */
export function writeAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, text)
  renameSync(temp, file)
}
