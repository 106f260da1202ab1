import { message, START, type Message } from '../diagnostics/diagnostic.js'
import type { ParseResult } from '../schema/snapshot.js'
import { sourceInfo } from '../core/sources.js'
import type { AdapterInput } from './adapter.js'
import { findDataTime } from './dates.js'
import { detectFormat } from './detect.js'
import { prepare } from './document.js'
import { detectLanguage } from './language.js'
import { parseLmarena } from './lmarena/adapter.js'
import { looksLikeCsv, parseCsv } from './csv/index.js'
import { parseSeal } from './seal/adapter.js'
import { PARSER_VERSION } from './version.js'

export { PARSER_VERSION }

export interface ParseOptions {
  /** Source id, when known (store folder or `--source`); else detected from content. */
  source?: string
  /** Language when known (store file name); else detected from prose. */
  language?: string
  /**
   * Date from the store file name, used when the page has none (a CSV export
   * never has one), and to tell `05/11/2025` month first from day first.
   */
  fallbackDate?: string
  /** `csv` when known (a store file's `.csv`, `import --format`); else recognised by content. */
  format?: 'markdown' | 'csv'
}

/**
 * The largest file parsed: 4 MiB, forty times the largest page upstream has
 * published (about 100 KB for 270 rows) and room for some 20,000 rows. A
 * larger file is refused with `file-too-large`, so one odd file can neither
 * exhaust memory nor stop a run.
 */
export const MAX_FILE_BYTES = 4 * 2 ** 20

/**
 * Parse one captured page into snapshots and messages. Pure: the result
 * depends only on (content, options, PARSER_VERSION) and is plain data.
 */
export function parsePage(content: string, options: ParseOptions = {}): ParseResult {
  const size = Buffer.byteLength(content, 'utf8')
  if (size > MAX_FILE_BYTES) {
    return { parser: PARSER_VERSION, source: options.source ?? null, language: options.language ?? null, snapshots: [], messages: [message('file-too-large', START, { size, limit: MAX_FILE_BYTES })] }
  }
  if (options.format === 'csv' || (options.format === undefined && looksLikeCsv(content))) return parseCsvCapture(content, options)
  const doc = prepare(content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'))
  const messages: Message[] = [...doc.messages]
  const info = options.source ? sourceInfo(options.source) : undefined
  if (options.source && !info) {
    messages.push(message('unknown-source', START, { source: options.source }))
    return { parser: PARSER_VERSION, source: null, language: options.language ?? null, snapshots: [], messages }
  }
  const format = info?.format ?? detectFormat(doc)
  const detected = detectLanguage(doc.prose)
  const language = options.language ?? detected ?? 'en'
  const found = findDataTime(doc.lines, options.fallbackDate)
  const input: AdapterInput = { language, dated: found !== undefined }
  if (options.source) input.source = options.source
  const output = format === 'seal' ? parseSeal(doc, input) : parseLmarena(doc, input)
  messages.push(...output.messages)
  if (!found && output.snapshots.length > 0) {
    messages.push(message('missing-date', START, options.fallbackDate ? { fallback: options.fallbackDate } : {}))
  }
  // Snapshots are dated by the page, else by the store file name; an undated one cannot be kept.
  const date = found?.date ?? options.fallbackDate
  const updatedAt = found?.updatedAt ?? null
  const snapshots = date === undefined ? [] : output.snapshots.map(({ board, ...rest }) => ({ board, date, updatedAt, ...rest }))
  return { parser: PARSER_VERSION, source: output.source, language, ...(detected ? { detectedLanguage: detected } : {}), snapshots, messages }
}

/** A CSV capture (an archive's export or ratings file); read as `lmarena-text` unless told. */
function parseCsvCapture(content: string, options: ParseOptions): ParseResult {
  const source = options.source ?? 'lmarena-text'
  const info = sourceInfo(source)
  if (!info) {
    return { parser: PARSER_VERSION, source: null, language: options.language ?? null, snapshots: [], messages: [message('unknown-source', START, { source })] }
  }
  const output = parseCsv(content, {
    board: info.boards.length === 1 ? info.boards[0]! : source,
    source,
    ...(options.language ? { language: options.language } : {}),
    ...(options.fallbackDate ? { date: options.fallbackDate } : {})
  })
  return {
    parser: PARSER_VERSION,
    source,
    language: output.language,
    ...(output.layout ? { layout: output.layout } : {}),
    snapshots: output.snapshots,
    messages: output.messages
  }
}
