import { message, START, type Message } from '../diagnostics/diagnostic.js'
import type { ParseResult, ParsedSnapshot } from '../schema/snapshot.js'
import { validateSnapshot } from '../validate/snapshot.js'
import { archiveInfo, archiveLanguage, archiveOf, defaultArchive } from '../core/archives.js'
import { parseStorePath, storePath } from './layout.js'
import type { CheckedFile } from './check.js'

/**
 * Validate one store file's parse result (parsed with `parseOptionsFor(path)`)
 * and check it against its path: its snapshots against the schema (zod), its
 * name against what they hold. Apart from the checks across files
 * (`check.ts`), which a run whose files are all cached makes without loading
 * the validator.
 */
export function checkParsed(path: string, parsed: ParseResult): CheckedFile {
  const stored = parseStorePath(path)
  const messages: Message[] = []
  if (!stored) {
    messages.push(message('misplaced-file', START, { path }))
  }
  const snapshots: ParsedSnapshot[] = []
  messages.push(...parsed.messages)
  for (const snapshot of parsed.snapshots) {
    const checked = validateSnapshot(snapshot)
    messages.push(...checked.messages)
    snapshots.push(checked.snapshot)
  }
  if (stored) {
    const dated = snapshots.find((s) => s.date)
    const dates = [...new Set(snapshots.map((s) => s.date).filter(Boolean))].sort()
    if (dates.length > 1) {
      messages.push(message('filename-mismatch', START, { kind: 'dates', named: stored.date, dates: dates.length, first: dates[0]!, last: dates.at(-1)! }))
    } else if (dated && dated.date !== stored.date) {
      const expected = storePath({ ...stored, date: dated.date })
      messages.push(message('filename-mismatch', START, { kind: 'date', named: stored.date, updatedAt: dated.updatedAt ?? dated.date, expected }))
    }
    const layout = parsed.layout
    if (layout && stored.format === 'csv' && archiveInfo(archiveOf(stored.language)!)!.layout !== layout) {
      const expected = storePath({ ...stored, language: archiveLanguage(defaultArchive(layout).id) })
      messages.push(message('filename-mismatch', START, { kind: 'archive', named: archiveOf(stored.language)!, layout, expected }))
    } else if (layout && stored.format !== 'csv') {
      const expected = storePath({ ...stored, language: archiveLanguage(defaultArchive(layout).id), format: 'csv' })
      messages.push(message('filename-mismatch', START, { kind: 'format', layout, expected }))
    }
    const detected = parsed.detectedLanguage
    if (detected && primary(detected) !== primary(stored.language)) {
      messages.push(message('filename-mismatch', START, { kind: 'language', named: stored.language, detected }))
    }
  }
  return { path, ...(stored ? { stored } : {}), result: { ...parsed, snapshots, messages } }
}

function primary(tag: string): string {
  return tag.split('-')[0]!.toLowerCase()
}

