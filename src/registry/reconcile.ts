import { compareText } from '../core/compare.js'
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import { rowFields, type Row, type RowField } from '../schema/row.js'
import { orderRow, type ParsedSnapshot } from '../schema/snapshot.js'
import type { Disagreement, ReconciledRow, ReconciledSnapshot } from './types.js'

/**
 * Language variants of one board and date become one snapshot. Rows are
 * matched by model id; a row a variant names differently (a translated or
 * garbled name) is matched by its place: same rank and score (votes settle a
 * tie). Values
 * must agree: the original language's value is kept (zh, then en, then the
 * rest), a value one variant lacks (a corrupted cell left out) is filled in
 * from the others, and every disagreement is reported naming both files and
 * cells.
 */
export interface Variant {
  file: string
  snapshot: ParsedSnapshot
  /** Per row: registry id and repaired name. */
  ids: string[]
  names: string[]
}

export interface Canon {
  organization(raw: string): string
  license(raw: string): string
}

export interface ReconcileResult {
  snapshot: ReconciledSnapshot
  disagreements: Disagreement[]
  diagnostics: Diagnostic[]
  /**
   * Raw names a variant showed in the place of another model: raw name → id and that
   * model's name. `misplaced` when the raw name is itself a model the original shows
   * elsewhere (the variant scrambled names), not a spelling of this one.
   */
  links: { raw: string; id: string; name: string; misplaced: boolean }[]
}

/** Original language first: zh, then en, then the rest by tag. */
export function languageOrder(a: string, b: string): number {
  const rank = (l: string) => (l === 'zh' || l.startsWith('zh-') ? (l === 'zh' ? 0 : 1) : l === 'en' ? 2 : 3)
  return rank(a) - rank(b) || compareText(a, b)
}

interface Merged {
  id: string
  name: string
  /** First variant and row index the model was seen in. */
  order: [number, number]
  /** Per variant: row index. */
  at: Map<number, number>
}

const compared = rowFields.filter((f) => f !== 'name')

export function reconcile(variants: readonly Variant[], canon: Canon): ReconcileResult {
  const sorted = [...variants].sort((a, b) => languageOrder(a.snapshot.language, b.snapshot.language) || compareText(a.file, b.file))
  const first = sorted[0]!
  const merged: Merged[] = []
  const byId = new Map<string, Merged>()
  const diagnostics: Diagnostic[] = []
  const links: ReconcileResult['links'] = []
  const rowOf = (m: Merged) => sorted[m.order[0]]!.snapshot.rows[m.order[1]]!
  const renamed: { entry: Merged; v: number; i: number }[] = []

  sorted.forEach((variant, v) => {
    const own = new Set(variant.ids)
    variant.snapshot.rows.forEach((row, i) => {
      const id = variant.ids[i]!
      let entry = byId.get(id)
      if (entry?.at.has(v)) {
        const place = cell(variant, i, 'name')
        diagnostics.push(diagnostic(variant.file, 'duplicate-model', place, { name: row.name, board: variant.snapshot.board, model: { id, other: variant.snapshot.rows[entry.at.get(v)!]!.name } }))
        return
      }
      // A variant's name that is no model of the original, or a model the original shows
      // elsewhere, stands in the place of another model: matched by that place.
      if (v > 0 && (!entry || !samePlace(rowOf(entry), row))) {
        let candidates = merged.filter((m) => m !== entry && !m.at.has(v) && !own.has(m.id) && samePlace(rowOf(m), row))
        // Votes settle a tie; they are not required to agree (a translation rounds `17970` to `17000`).
        if (candidates.length > 1) candidates = candidates.filter((m) => rowOf(m).votes !== undefined && rowOf(m).votes === row.votes)
        if (candidates.length === 1) {
          links.push({ raw: row.name, id: candidates[0]!.id, name: candidates[0]!.name, misplaced: entry !== undefined })
          entry = candidates[0]!
          renamed.push({ entry, v, i })
        }
      }
      if (!entry) {
        entry = { id, name: variant.names[i]!, order: [v, i], at: new Map() }
        merged.push(entry)
        byId.set(id, entry)
      }
      entry.at.set(v, i)
    })
  })

  const disagreements: Disagreement[] = []
  // A variant that names a row differently disagrees on the name: the original's is kept.
  for (const { entry, v, i } of renamed) {
    const [v0, i0] = entry.order
    const keptAt = place(sorted[v0]!, i0, 'name')
    const at = place(sorted[v]!, i, 'name')
    const found = sorted[v]!.snapshot.rows[i]!.name
    const kept = sorted[v0]!.snapshot.rows[i0]!.name
    disagreements.push({
      board: first.snapshot.board,
      date: first.snapshot.date,
      model: entry.id,
      field: 'name',
      kept,
      values: [
        { file: sorted[v0]!.file, line: keptAt[0], column: keptAt[1], value: kept },
        { file: sorted[v]!.file, line: at[0], column: at[1], value: found }
      ]
    })
    diagnostics.push(diagnostic(sorted[v]!.file, 'variant-disagreement', { line: at[0], column: at[1] }, { field: 'name', found, inPlace: true, model: entry.id, board: first.snapshot.board, date: first.snapshot.date, kept, keptAt: `${sorted[v0]!.file}:${keptAt[0]}:${keptAt[1]}` }))
  }
  const rows: { row: ReconciledRow; order: [number, number] }[] = []
  for (const entry of merged) {
    const out: Record<string, unknown> = {}
    for (const field of compared) {
      const found: { v: number; i: number; value: unknown; key: string }[] = []
      for (const [v, i] of [...entry.at].sort((a, b) => a[0] - b[0])) {
        const raw = sorted[v]!.snapshot.rows[i]![field]
        if (raw === undefined) continue
        const value = field === 'organization' ? canon.organization(raw as string) : field === 'license' ? canon.license(raw as string) : raw
        found.push({ v, i, value, key: identity(field, value) })
      }
      if (found.length === 0) continue
      const kept = found[0]!
      out[field] = kept.value
      const others = found.filter((f) => f.key !== kept.key)
      if (others.length === 0) continue
      const values = [kept, ...others].map((f) => {
        const [line, column] = place(sorted[f.v]!, f.i, field)
        return { file: sorted[f.v]!.file, line, column, value: f.value }
      })
      const board = first.snapshot.board
      disagreements.push({ board, date: first.snapshot.date, model: entry.id, field, kept: kept.value, values })
      for (const [n, other] of others.entries()) {
        const at = values[n + 1]!
        const keptAt = values[0]!
        diagnostics.push(diagnostic(at.file, 'variant-disagreement', { line: at.line, column: at.column }, { field, found: show(other.value), model: entry.id, board, date: first.snapshot.date, kept: show(kept.value), keptAt: `${keptAt.file}:${keptAt.line}:${keptAt.column}` }))
      }
    }
    const row = orderRow({ ...(out as Partial<Row>), name: entry.name } as Row)
    rows.push({ row: { ...row, model: entry.id }, order: entry.order })
  }
  rows.sort((a, b) => a.row.rank - b.row.rank || a.order[0] - b.order[0] || a.order[1] - b.order[1])

  const snapshot: ReconciledSnapshot = {
    board: first.snapshot.board,
    date: first.snapshot.date,
    updatedAt: first.snapshot.updatedAt,
    languages: [...new Set(sorted.map((v) => v.snapshot.language))],
    sources: sorted.map((v) => v.file),
    rows: rows.map((r) => r.row)
  }
  return { snapshot, disagreements, diagnostics, links }
}

/** Same place in the table: same rank and score. */
function samePlace(a: Row, b: Row): boolean {
  return a.rank === b.rank && a.score !== undefined && a.score === b.score
}

/** What must agree: flags by code and mark (their text is translated), the rest by value. */
function identity(field: RowField, value: unknown): string {
  if (field === 'flags') return JSON.stringify((value as Row['flags'])!.map((f) => [f.code, f.mark]))
  return JSON.stringify(value)
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function place(variant: Variant, i: number, field: RowField): [number, number] {
  const places = variant.snapshot.places[i] ?? {}
  return places[field] ?? places.row ?? [1, 1]
}

function cell(variant: Variant, i: number, field: RowField): { line: number; column: number } {
  const [line, column] = place(variant, i, field)
  return { line, column }
}
