import { compareText } from '../core/compare.js'
import { sourceIds, sources } from '../core/sources.js'
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { RenameSwitch } from '../registry/renames.js'
import type { Disagreement, LinkedRename, RegistryModel } from '../registry/types.js'

export interface FileQuality {
  file: string
  published: boolean
  /** Boards and dates the file holds (empty when nothing could be read). */
  snapshots: { board: string; date: string }[]
  diagnostics: Diagnostic[]
  errors: number
  warnings: number
}

export interface RepairRecord {
  model: string
  name: string
  from: string
  to: string
  rule: string
}

/**
 * One page of the data-quality report: the files of one source (store folder)
 * dated in one month, and the disagreements of its boards on those days.
 * Files outside the store convention go to `source: 'other'` with no month.
 */
export interface QualityPart {
  source: string
  /** `YYYY-MM`, or '' for files outside the store convention. */
  month: string
  files: FileQuality[]
  disagreements: Disagreement[]
  /** Findings of the normalize stage on these files (a misread column, a conflict), but disagreements (listed as such). */
  registry: Diagnostic[]
  counts: { errors: number; warnings: number; unpublished: number; disagreements: number }
}

/** A day a board renamed many models at once, reported once as such, with its renames. */
export interface SwitchQuality extends RenameSwitch {
  renames: LinkedRename[]
}

export interface Quality {
  /** Files with at least one diagnostic, by path. */
  files: FileQuality[]
  /** The same files and the disagreements, by source and month (sources in store order, months oldest first). */
  parts: QualityPart[]
  /** Name repairs but renames (which `renames` reports). */
  repairs: RepairRecord[]
  /** Renames rename tracking linked: naming-scheme switches once each, the other renames one by one. */
  renames: { switches: SwitchQuality[]; single: LinkedRename[] }
  disagreements: Disagreement[]
  /**
   * Diagnostics of the normalize stage that belong to no source and month (the
   * registry data file); the others are on their part's page.
   */
  registryDiagnostics: Diagnostic[]
  counts: { errors: number; warnings: number; unpublished: number; repairs: number; renames: number; disagreements: number }
}

export interface QualityInput {
  diagnostics: readonly Diagnostic[]
  /** Every store file and the snapshots it holds. */
  files: readonly { file: string; snapshots: { board: string; date: string }[] }[]
  blocked: ReadonlySet<string>
  models: readonly RegistryModel[]
  disagreements: readonly Disagreement[]
  registryDiagnostics: readonly Diagnostic[]
  renames?: { links: readonly LinkedRename[]; switches: readonly RenameSwitch[] }
}

export function buildQuality(input: QualityInput): Quality {
  const byFile = new Map<string, Diagnostic[]>()
  for (const d of input.diagnostics) {
    const list = byFile.get(d.file) ?? []
    list.push(d)
    byFile.set(d.file, list)
  }
  const held = new Map(input.files.map((f) => [f.file, f.snapshots]))
  const files: FileQuality[] = [...byFile.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([file, list]) => ({
      file,
      published: !input.blocked.has(file) && (held.get(file)?.length ?? 0) > 0,
      snapshots: [...(held.get(file) ?? [])].sort((a, b) => compareText(a.board, b.board) || compareText(a.date, b.date)),
      diagnostics: sortDiagnostics(list),
      errors: list.filter((d) => d.severity === 'error').length,
      warnings: list.filter((d) => d.severity === 'warning').length
    }))
  const repairs = input.models
    .flatMap((m) => m.repairs.filter((r) => r.rule !== 'renamed').map((r) => ({ model: m.id, name: m.name, from: r.from, to: r.to, rule: r.rule })))
    .sort((a, b) => compareText(a.from, b.from) || compareText(a.model, b.model))
  const disagreements = [...input.disagreements].sort(
    (a, b) => compareText(a.board, b.board) || compareText(a.date, b.date) || compareText(a.model, b.model) || compareText(a.field, b.field)
  )
  // A variant disagreement is a disagreement (counted as one), not a finding counted twice: the counts are the parts' and the index's.
  const all = [...input.diagnostics, ...input.registryDiagnostics].filter((d) => d.rule !== 'variant-disagreement')
  const day = (x: { board: string; before: string; after: string }) => `${x.board}\u0000${x.before}\u0000${x.after}`
  const links = input.renames?.links ?? []
  const switchDays = new Set((input.renames?.switches ?? []).map(day))
  const switches = (input.renames?.switches ?? []).map((sw) => ({ ...sw, renames: links.filter((l) => day(l.evidence) === day(sw)) }))
  const single = links.filter((l) => !switchDays.has(day(l.evidence)))
  return {
    files,
    parts: qualityParts(files, disagreements, input.registryDiagnostics),
    repairs,
    renames: { switches, single },
    disagreements,
    registryDiagnostics: sortDiagnostics(input.registryDiagnostics.filter((d) => fileBucket(d.file).source === 'other')),
    counts: {
      errors: all.filter((d) => d.severity === 'error').length,
      warnings: all.filter((d) => d.severity === 'warning').length,
      unpublished: files.filter((f) => !f.published).length,
      repairs: repairs.length,
      renames: links.length,
      disagreements: disagreements.length
    }
  }
}

/** A store file's source and month, from its path (`…/<source>/<YYYY-MM>-DD.<lang>.md`, or `.csv`). */
export function fileBucket(file: string): { source: string; month: string } {
  const m = /(?:^|\/)([a-z0-9][a-z0-9-]*)\/(\d{4}-\d{2})-\d{2}\.[^/]+\.(?:md|csv)$/.exec(file)
  return m && sourceIds.includes(m[1]!) ? { source: m[1]!, month: m[2]! } : { source: 'other', month: '' }
}

/** The source a board belongs to (the SEAL boards to `seal`). */
function sourceOfBoard(board: string): string {
  return sources.find((s) => s.boards.includes(board))?.id ?? 'other'
}

function qualityParts(files: readonly FileQuality[], disagreements: readonly Disagreement[], registry: readonly Diagnostic[]): QualityPart[] {
  const parts = new Map<string, QualityPart>()
  const part = (source: string, month: string) => {
    const key = `${source} ${month}`
    let p = parts.get(key)
    if (!p) parts.set(key, (p = { source, month, files: [], disagreements: [], registry: [], counts: { errors: 0, warnings: 0, unpublished: 0, disagreements: 0 } }))
    return p
  }
  for (const f of files) {
    const { source, month } = fileBucket(f.file)
    const p = part(source, month)
    p.files.push(f)
    p.counts.errors += f.errors
    p.counts.warnings += f.warnings
    if (!f.published) p.counts.unpublished++
  }
  for (const d of disagreements) {
    const p = part(sourceOfBoard(d.board), d.date.slice(0, 7))
    p.disagreements.push(d)
    p.counts.disagreements++
  }
  // Variant disagreements are the disagreements above; the other findings go with their file.
  for (const d of sortDiagnostics(registry.filter((x) => x.rule !== 'variant-disagreement'))) {
    const { source, month } = fileBucket(d.file)
    if (source === 'other') continue
    const p = part(source, month)
    p.registry.push(d)
    if (d.severity === 'error') p.counts.errors++
    else p.counts.warnings++
  }
  const order = (source: string) => (sourceIds.includes(source) ? sourceIds.indexOf(source) : sourceIds.length)
  return [...parts.values()].sort((a, b) => order(a.source) - order(b.source) || compareText(a.source, b.source) || compareText(a.month, b.month))
}
