/**
 * Numbers as upstream writes them: `3,768`, `3 768` (with normal, no-break,
 * narrow no-break, thin and figure spaces), `3.768` (Spanish thousands), `3'768` (Swiss), `26K`,
 * `52621`, `1.1M`; and as translations may: `1,13,568` (Indian grouping).
 */

/**
 * Separators of thousands that are never a decimal point, as a character
 * class's contents: spaces (normal, no-break, narrow no-break, thin, figure)
 * and apostrophes (`1'495`, `1’495`). Counts also group with `,` and `.`;
 * decimals with `,` only (a dot there is the decimal point).
 */
const GROUP_MARKS = String.raw`\u0020\u00a0\u202f\u2009\u2007'\u2019`
const groupSpace = new RegExp(`[${GROUP_MARKS}]`, 'g')
/** A count grouped by thousands: `3,768`, `3.768`, `3 768`, `3'768`. */
const groupedCount = new RegExp(String.raw`^\d{1,3}(?:[,.${GROUP_MARKS}]\d{3})+$`)
/** A decimal grouped by thousands (never starting with a zero: `0,075` is a decimal comma): `1,495`, `1 495.5`. */
const groupedDecimal = new RegExp(String.raw`^[1-9]\d{0,2}(?:[,${GROUP_MARKS}]\d{3})+(?:\.\d+)?$`)

/** What the unit letter after a number multiplies it by: K a thousand, M a million. */
function unitValue(unit: string): number {
  return /[Kk]/.test(unit) ? 1_000 : 1_000_000
}

/** Digits of other scripts (Arabic-Indic, Devanagari, Thai, …): their code point minus their zero. */
const zeros = [0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x17e0, 0x1810]

function asciiDigit(ch: string): string {
  const c = ch.charCodeAt(0)
  const zero = zeros.find((z) => c >= z && c <= z + 9)
  return zero === undefined ? ch : String(c - zero)
}

/** Marks that only set the direction of text (left-to-right, right-to-left, isolates): invisible, never part of a value. */
const directionMarkChars = '\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069'
const directionMarks = new RegExp(`[${directionMarkChars}]`, 'g')
/** Any character `halfWidth` changes: text without one is returned as it is. */
const changed = new RegExp(`[\uff01-\uff5e\u3000\u0660-\u066c\u06f0-\u06f9\u07c0-\u1819${directionMarkChars}]`)

/**
 * Invisible format characters (Unicode's `Cf`): besides the direction marks,
 * zero-width spaces and joiners, the word joiner, the byte-order mark, soft
 * hyphens. None is ever part of a number, and a copy from a rendered page
 * leaves them anywhere (`\u200b1,504`, `23,\u00ad626`).
 */
const formatMark = /\p{Cf}/u
const formatMarks = /\p{Cf}/gu

/**
 * `halfWidth`, with every invisible format character left out: the text of a
 * number or a date as the readers take it, and of a column's cells as its
 * profile sees them. (Names, organizations and licenses keep theirs: the
 * registry repairs and reports them, `hidden-characters`.)
 */
export function visibleText(text: string): string {
  return halfWidth(formatMark.test(text) ? text.replace(formatMarks, '') : text)
}

/**
 * Full-width digits and punctuation to ASCII, digits of other scripts to
 * ASCII digits, the Arabic thousands and decimal separators and percent sign
 * to `,`, `.` and `%`, and marks that only set the direction of text left
 * out; nothing else.
 */
export function halfWidth(text: string): string {
  if (!changed.test(text)) return text
  return text
    .replace(directionMarks, '')
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\u066a/g, '%')
    .replace(/\u066b/g, '.')
    .replace(/\u066c/g, ',')
    .replace(/\p{Nd}/gu, asciiDigit)
}

/** Letters of other scripts that look like the units K and M: Cyrillic К and М, Greek Κ and Μ. */
const unitLookalikes: Record<string, string> = { К: 'K', к: 'k', М: 'M', м: 'm', Κ: 'K', Μ: 'M' }

/**
 * A unit after a number written in a letter of another script that looks
 * like the Latin one (`1М`, `128К`, as translations into Russian or Greek
 * write them), as that Latin letter; anything else as it is.
 */
export function latinUnit(text: string): string {
  return text.replace(/(\d\s*)([КкМмΚΜ])$/u, (_, number: string, unit: string) => number + unitLookalikes[unit]!)
}

/**
 * An integer count (votes, sessions). Separators of thousands may be `,`, `.`,
 * or spaces; `K`/`M` suffixes multiply. Undefined when the text is not one.
 */
export function parseCount(raw: string): number | undefined {
  const text = latinUnit(visibleText(raw).trim())
  const m = /^(\d+(?:[.,]\d+)?)\s*([KkMm])$/.exec(text)
  if (m) return Math.round(Number(m[1]!.replace(',', '.')) * unitValue(m[2]!))
  if (groupedCount.test(text)) return Number(text.replace(groupSpace, '').replace(/[,.]/g, ''))
  // Indian grouping: thousands, then pairs (lakhs, crores). Two commas or more: never a decimal comma.
  if (/^\d{1,2}(?:,\d{2})+,\d{3}$/.test(text)) return Number(text.replace(/,/g, ''))
  if (/^\d+$/.test(text)) return Number(text)
  return undefined
}

/**
 * A decimal number (scores, intervals, prices): `1483`, `90.35`, `1 495`,
 * `1,495`, `1'495` (grouped thousands), `90,35` and `0,075` (decimal comma).
 */
export function parseDecimal(raw: string): number | undefined {
  const text = visibleText(raw).trim().replace(/^\+/, '')
  if (/^-?\d+(?:\.\d+)?$/.test(text)) return Number(text)
  if (groupedDecimal.test(text)) return Number(text.replace(groupSpace, '').replace(/,/g, ''))
  if (/^\d+,\d{1,2}$/.test(text) || /^0,\d+$/.test(text)) return Number(text.replace(',', '.'))
  return undefined
}

/**
 * Whether a number with a K/M unit (`131.1K`, `128K`, `1M`) is a size of
 * memory: a multiple of 1,024 or of 1,000, within the precision it is
 * written to (`131.1K` is 2^17). Context windows are (every real column: 92 %
 * of its cells or more); vote counts shortened the same way (`5.5K`, `23,6K`)
 * are about one time in five. Undefined for a cell of another form.
 */
export function isRoundSize(raw: string): boolean | undefined {
  const m = /^(\d+)(?:[.,](\d+))?\s*([KkMm])$/.exec(latinUnit(visibleText(raw).trim()))
  if (!m) return undefined
  const unit = unitValue(m[3]!)
  const value = Number(`${m[1]}.${m[2] ?? '0'}`) * unit
  const half = (unit * 10 ** -(m[2]?.length ?? 0)) / 2
  const near = (step: number) => {
    const k = Math.round(value / step)
    return k >= 1 && Math.abs(k * step - value) <= half + 1e-6
  }
  return near(1024) || near(1000)
}

/** Context window sizes: `1M`, `128K`, `1.1M`, `200000`, `1М` (Cyrillic), with a decimal comma before a unit (`1,05M`), and written out with grouped thousands (`400 000`, `128,000`; what decides that a column holds sizes is its cells with a unit, `profileOf`). */
export function parseTokens(raw: string): number | undefined {
  const text = latinUnit(visibleText(raw).trim())
  // A whole count written out, its thousands grouped the same way throughout (`400 000`, `1,000,000`, `128.000`:
  // no size is a fraction of a token).
  if (/^\d{1,3}([ \u00a0\u202f\u2009,.'’])\d{3}(?:\1\d{3})*$/u.test(text)) return Number(text.replace(/\D/g, ''))
  const m = /^(\d+(?:\.\d+)?)\s*([KkMm])?$/.exec(text) ?? /^(\d+,\d{1,2})\s*([KkMm])$/.exec(text)
  if (!m) return undefined
  return Math.round(Number(m[1]!.replace(',', '.')) * (m[2] ? unitValue(m[2]) : 1))
}
