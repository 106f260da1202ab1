import { createHash } from 'node:crypto'

/** The sha256 of a text (its UTF-8 bytes), in hex. */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
