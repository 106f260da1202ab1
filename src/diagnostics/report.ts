import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { reporter } from 'vfile-reporter'
import { compareText } from '../core/compare.js'
import { rules } from './rules.js'
import { visible } from './quote.js'
import type { Diagnostic } from './diagnostic.js'

/**
 * The terminal report of diagnostics, by `vfile-reporter`: files in order,
 * then `line:column  severity  message  rule  leaderlog` per finding and the
 * totals (`✖ 1 error, ⚠ 2 warnings`). Each diagnostic becomes a
 * `vfile-message` carrying its place, rule id and source, and the rule's
 * hint as its note (shown with `verbose`). Files without findings are left
 * out; an empty list reports nothing.
 */
export function report(diagnostics: readonly Diagnostic[], options: { color?: boolean; verbose?: boolean } = {}): string {
  if (diagnostics.length === 0) return ''
  const byFile = new Map<string, Diagnostic[]>()
  for (const d of diagnostics) {
    const list = byFile.get(d.file) ?? []
    list.push(d)
    byFile.set(d.file, list)
  }
  const files = [...byFile.keys()].sort(compareText).map((path) => {
    const file = new VFile({ path: visible(path) })
    for (const d of byFile.get(path)!) file.messages.push(toVFileMessage(d))
    return file
  })
  return reporter(files, { color: options.color ?? false, quiet: true, verbose: options.verbose ?? false }) + '\n'
}

export function toVFileMessage(d: Diagnostic): VFileMessage {
  const m = new VFileMessage(visible(d.message), { place: { line: d.line, column: d.column }, ruleId: d.rule, source: 'leaderlog' })
  m.file = visible(d.file)
  m.fatal = d.severity === 'error'
  m.note = rules[d.rule].hint
  return m
}
