import { createHash } from 'node:crypto'

/**
 * The sha256 of a text (its UTF-8 bytes), or of bytes, in hex. A text given in
 * parts is hashed as the parts joined, each where it lies: a long text built
 * of parts is not copied whole to be hashed.
 */
export function digest(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part)
  return hash.digest('hex')
}
