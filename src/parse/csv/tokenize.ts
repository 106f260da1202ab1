/**
 * An RFC 4180 tokenizer that keeps positions: each field's line and column
 * (1-based, where the field starts: its opening quote when quoted) and each
 * record's offsets in the content, so every diagnostic points at its cell and
 * a file can be sliced into records exactly as written.
 *
 * Accepts what files in the wild hold: a leading BOM, CRLF, LF or CR line
 * ends, line breaks inside quoted fields, blank lines (skipped). What breaks
 * the grammar is kept as text and reported: a quote inside an unquoted field
 * or text after a closing quote (`stray-quote`), a quoted field never closed
 * (`open-quote`: it runs to the end of the file).
 */
export interface Field {
  /** The field's value: quotes removed, `""` read as `"`. */
  text: string
  line: number
  column: number
  quoted: boolean
}

export interface CsvRecord {
  fields: Field[]
  line: number
  /** Offsets of the record in the content: from its first character to after its line end. */
  start: number
  end: number
}

export interface CsvProblem {
  kind: 'open-quote' | 'stray-quote'
  line: number
  column: number
}

export interface Tokens {
  records: CsvRecord[]
  problems: CsvProblem[]
}

const COMMA = 44
const QUOTE = 34
const LF = 10
const CR = 13

/** Tokenize `content`, stopping after `limit` records. */
export function tokenize(content: string, limit = Infinity): Tokens {
  const records: CsvRecord[] = []
  const problems: CsvProblem[] = []
  const n = content.length
  let i = content.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 1
  let lineStart = i
  const column = (at: number) => at - lineStart + 1
  /** Step over the line end at `i` (CRLF, LF or CR). */
  const newline = () => {
    if (content.charCodeAt(i) === CR && content.charCodeAt(i + 1) === LF) i++
    i++
    line++
    lineStart = i
  }
  const isEnd = (c: number) => c === COMMA || c === LF || c === CR

  while (i < n && records.length < limit) {
    const start = i
    const recordLine = line
    const fields: Field[] = []
    for (;;) {
      const fieldLine = line
      const fieldColumn = column(i)
      let text = ''
      let quoted = false
      if (content.charCodeAt(i) === QUOTE) {
        quoted = true
        i++
        let chunk = i
        let closed = false
        while (i < n) {
          const c = content.charCodeAt(i)
          if (c === QUOTE) {
            if (content.charCodeAt(i + 1) === QUOTE) {
              text += content.slice(chunk, i + 1)
              i += 2
              chunk = i
              continue
            }
            text += content.slice(chunk, i)
            i++
            closed = true
            break
          }
          if (c === LF || c === CR) newline()
          else i++
        }
        if (!closed) {
          text += content.slice(chunk, i)
          problems.push({ kind: 'open-quote', line: fieldLine, column: fieldColumn })
        }
        const rest = i
        while (i < n && !isEnd(content.charCodeAt(i))) i++
        if (i > rest) {
          problems.push({ kind: 'stray-quote', line, column: column(rest) })
          text += content.slice(rest, i)
        }
      } else {
        const from = i
        while (i < n && !isEnd(content.charCodeAt(i))) i++
        text = content.slice(from, i)
        const q = text.indexOf('"')
        if (q >= 0) problems.push({ kind: 'stray-quote', line, column: column(from + q) })
      }
      fields.push({ text, line: fieldLine, column: fieldColumn, quoted })
      if (i < n && content.charCodeAt(i) === COMMA) {
        i++
        continue
      }
      if (i < n) newline()
      break
    }
    const blank = fields.length === 1 && fields[0]!.text === '' && !fields[0]!.quoted
    if (!blank) records.push({ fields, line: recordLine, start, end: i })
  }
  return { records, problems }
}
