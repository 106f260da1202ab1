/**
 * Reading one CSV cell. Files are machine-written, so values are read
 * strictly (`1287`, `+3/-4`, `2023/10`, `20230508`): a cell is a value,
 * empty (no value: left out), or unparseable (reported).
 */
export type Read<T> = { value: T } | { empty: true } | { problem: 'unparseable' }

const EMPTY = { empty: true } as const
const UNPARSEABLE = { problem: 'unparseable' } as const

/** Cells that mean "no value" in the archives (`N/A`, `Unknown`, pandas' `nan`). */
const noValue = /^(?:|n\/?a|nan|none|null|unknown|-|—)$/i

export function isNoValue(text: string): boolean {
  return noValue.test(text.trim())
}

export function readInteger(raw: string): Read<number> {
  const text = raw.trim()
  if (isNoValue(text)) return EMPTY
  return /^\d+$/.test(text) ? { value: Number(text) } : UNPARSEABLE
}

/** A count: `42046`, or grouped by commas as spreadsheets write it (`42,046`). */
export function readCount(raw: string): Read<number> {
  const text = raw.trim()
  if (isNoValue(text)) return EMPTY
  return /^\d+$/.test(text) || /^\d{1,3}(?:,\d{3})+$/.test(text) ? { value: Number(text.replace(/,/g, '')) } : UNPARSEABLE
}

/** A score: `1287`, `1274.1856580388371`, `1.2e3`. */
export function readDecimal(raw: string): Read<number> {
  const text = raw.trim()
  if (isNoValue(text)) return EMPTY
  return /^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text) ? { value: Number(text) } : UNPARSEABLE
}

/** The 95 % interval: `+3/-4`, or `±3`. */
export function readInterval(raw: string): Read<{ plus: number; minus: number }> {
  const text = raw.trim()
  if (isNoValue(text)) return EMPTY
  const pair = /^\+\s*(\d+(?:\.\d+)?)\s*\/\s*-\s*(\d+(?:\.\d+)?)$/.exec(text)
  if (pair) return { value: { plus: Number(pair[1]), minus: Number(pair[2]) } }
  const same = /^±\s*(\d+(?:\.\d+)?)$/.exec(text)
  if (same) return { value: { plus: Number(same[1]), minus: Number(same[1]) } }
  return UNPARSEABLE
}

/** Knowledge cutoff `2023/10` or `2023-10` as `2023-10`; words (`Online`, `Unknown`) are no date. */
export function readCutoff(raw: string): Read<string> {
  const text = raw.trim()
  if (isNoValue(text)) return EMPTY
  const m = /^(\d{4})[/-](\d{1,2})(?:[/-](\d{1,2}))?$/.exec(text)
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const month = `${m[1]}-${m[2]!.padStart(2, '0')}`
    return { value: m[3] ? `${month}-${m[3].padStart(2, '0')}` : month }
  }
  if (/^\d{4}$/.test(text)) return { value: text }
  return /\d/.test(text) ? UNPARSEABLE : EMPTY
}

/** A data date: `20230508` or `2023-05-08`, a real calendar day. */
export function readDate(raw: string): Read<string> {
  const text = raw.trim()
  if (text === '') return EMPTY
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text)
  const date = m ? `${m[1]}-${m[2]}-${m[3]}` : undefined
  return date && isCalendarDay(date) ? { value: date } : UNPARSEABLE
}

function isCalendarDay(date: string): boolean {
  const time = Date.parse(`${date}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(date)
}

/** Text (name, organization, license): spaces collapsed; no-value words are no value. */
export function readText(raw: string): Read<string> {
  const text = raw.replace(/\s+/g, ' ').trim()
  return isNoValue(text) ? EMPTY : { value: text }
}

/** An http(s) URL; anything else is not kept (as on the markdown pages). */
export function readUrl(raw: string): Read<string> {
  const text = raw.trim()
  return /^https?:\/\/\S+$/i.test(text) ? { value: text } : EMPTY
}

/**
 * A cell a spreadsheet would run as a formula when the file is opened
 * (`=HYPERLINK(…)`, `@SUM(…)`, `+cmd|…`, `-2+3`): OWASP's CSV-injection
 * starts. Numbers (`-3`, `+3/-4`) are not formulas.
 */
export function looksLikeFormula(raw: string): boolean {
  const text = raw.trimStart()
  if (/^[=@\t\r]/.test(raw) || /^[=@]/.test(text)) return true
  return /^[+-]/.test(text) && !/^[+-]\s*\d+(?:\.\d+)?\s*(?:\/\s*-\s*\d+(?:\.\d+)?)?$/.test(text)
}
