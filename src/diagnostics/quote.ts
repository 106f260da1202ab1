/**
 * Show a value in a message the way the unified collective does: in
 * backticks, on one line, shortened, with control and invisible characters
 * made visible (a page must not be able to retitle or clear a terminal, or
 * reorder a line with bidi overrides, through a diagnostic).
 */
export function quote(value: string, max = 40): string {
  const flat = visible(value).replace(/\s+/g, ' ').trim()
  const short = [...flat].length > max ? [...flat].slice(0, max - 1).join('') + '…' : flat
  return '`' + short.replace(/`/g, "'") + '`'
}

/** Control, bidi and zero-width characters as `\u{…}`; everything else as is. */
export function visible(text: string): string {
  return text.replace(invisible, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`)
}

// C0 (but tab and line breaks) and C1 controls, DEL, bidi embeddings, overrides and isolates, zero-width characters.
// eslint-disable-next-line no-control-regex
const invisible = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g
