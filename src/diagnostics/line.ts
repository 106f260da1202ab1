import { visible } from './quote.js'
import type { Diagnostic } from './diagnostic.js'

/**
 * One diagnostic on one line (`path:line:column: severity message [rule]`),
 * for reports that quote a single finding. Apart from `report.ts`: a build
 * that reports no error in full never loads `vfile-reporter` (40 ms).
 */
export function formatDiagnostic(d: Diagnostic): string {
  return `${visible(d.file)}:${d.line}:${d.column}: ${d.severity} ${visible(d.message)} [${d.rule}]`
}
