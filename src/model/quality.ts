import { compareText } from '../core/compare.js'
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

/** A day a board renamed many models at once, reported once as such, with its renames. */
export interface SwitchQuality extends RenameSwitch {
  renames: LinkedRename[]
}

export interface Quality {
  /** Files with at least one diagnostic, by path. */
  files: FileQuality[]
  /** Name repairs but renames (which `renames` reports). */
  repairs: RepairRecord[]
  /** Renames rename tracking linked: naming-scheme switches once each, the other renames one by one. */
  renames: { switches: SwitchQuality[]; single: LinkedRename[] }
  disagreements: Disagreement[]
  /** Diagnostics of the normalize stage (registry data file, reconciliation). */
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
  const all = [...input.diagnostics, ...input.registryDiagnostics]
  const day = (x: { board: string; before: string; after: string }) => `${x.board}\u0000${x.before}\u0000${x.after}`
  const links = input.renames?.links ?? []
  const switchDays = new Set((input.renames?.switches ?? []).map(day))
  const switches = (input.renames?.switches ?? []).map((sw) => ({ ...sw, renames: links.filter((l) => day(l.evidence) === day(sw)) }))
  const single = links.filter((l) => !switchDays.has(day(l.evidence)))
  return {
    files,
    repairs,
    renames: { switches, single },
    disagreements,
    registryDiagnostics: sortDiagnostics(input.registryDiagnostics),
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
