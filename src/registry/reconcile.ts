import { compareText } from '../core/compare.js'
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import { rowFields, type Row, type RowField } from '../schema/row.js'
import { orderRow, type ParsedSnapshot } from '../schema/snapshot.js'
import type { Disagreement, ReconciledRow, ReconciledSnapshot } from './types.js'

/**
 * Language variants of one board and date become one snapshot. The pages of
 * one data time are translations of one original, so a variant's row is the
 * original's row in the same place: same rank and score (votes settle a tie),
 * else same score and votes (a variant that swapped two rows' ranks), else
 * the row with the same model id. A row a variant names differently (a
 * translated or garbled name) is thereby never a model of its own. Values
 * must agree: the original language's value is kept (zh, then en, then the
 * rest), a value one variant lacks (a corrupted cell left out) is filled in
 * from the others, and every disagreement is reported naming both files and
 * cells — but a variant whose numbers disagree with the original on most rows
 * of a column misread that column: one error for the column, which is then
 * not used.
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

export interface ReconcileOptions {
  /**
   * Whether an id is a model of its own somewhere in the store: a variant that
   * shows such a name in another model's place scrambled its names.
   */
  known?: (id: string) => boolean
}

/** A raw name a variant showed in the place of another model. */
export interface PlaceLink {
  raw: string
  /** The model whose place it is, and that model's name. */
  id: string
  name: string
  /** The raw name is itself another model (the variant scrambled names), not a spelling of this one. */
  misplaced: boolean
}

export interface ReconcileResult {
  snapshot: ReconciledSnapshot
  disagreements: Disagreement[]
  diagnostics: Diagnostic[]
  /** Raw names a variant showed in the place of another model. */
  links: PlaceLink[]
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

/** The columns a misread shows in: numbers that must be the same in every translation. */
export const numericFields: readonly RowField[] = ['rank', 'rankUpper', 'rankLower', 'score', 'ciPlus', 'ciMinus', 'votes', 'rankStyleControl', 'priceInput', 'priceOutput', 'context']

/** A column compared on fewer rows than this says nothing about the variant. */
export const MIN_COMPARED_ROWS = 3

export function reconcile(variants: readonly Variant[], canon: Canon, options: ReconcileOptions = {}): ReconcileResult {
  const sorted = [...variants].sort((a, b) => languageOrder(a.snapshot.language, b.snapshot.language) || compareText(a.file, b.file))
  const first = sorted[0]!
  const board = first.snapshot.board
  const date = first.snapshot.date
  const merged: Merged[] = []
  const byId = new Map<string, Merged>()
  const byPlace = new Map<string, Merged[]>()
  const byNumbers = new Map<string, Merged[]>()
  const diagnostics: Diagnostic[] = []
  const links: PlaceLink[] = []
  const rowOf = (m: Merged) => sorted[m.order[0]]!.snapshot.rows[m.order[1]]!
  const renamed: { entry: Merged; v: number; i: number }[] = []

  const add = (entry: Merged) => {
    merged.push(entry)
    if (!byId.has(entry.id)) byId.set(entry.id, entry)
    const row = rowOf(entry)
    if (row.score === undefined) return
    push(byPlace, placeKey(row), entry)
    if (row.votes !== undefined) push(byNumbers, numbersKey(row)!, entry)
  }

  sorted.forEach((variant, v) => {
    variant.snapshot.rows.forEach((row, i) => {
      const id = variant.ids[i]!
      const same = byId.get(id)
      let entry: Merged | undefined
      if (v > 0) {
        // The same place, else the same numbers (rows whose ranks were swapped), else the same id.
        const free = (list: readonly Merged[] | undefined) => pick(list?.filter((m) => !m.at.has(v)) ?? [], id, row, rowOf)
        entry = free(byPlace.get(placeKey(row))) ?? free(byNumbers.get(numbersKey(row) ?? '')) ?? (same && !same.at.has(v) ? same : undefined)
        if (entry && entry.id !== id) {
          links.push({ raw: row.name, id: entry.id, name: entry.name, misplaced: same !== undefined || (options.known?.(id) ?? false) })
          renamed.push({ entry, v, i })
        }
      }
      if (!entry && same?.at.has(v)) {
        const place = cell(variant, i, 'name')
        diagnostics.push(diagnostic(variant.file, 'duplicate-model', place, { name: row.name, board, model: { id, other: variant.snapshot.rows[same.at.get(v)!]!.name } }))
        return
      }
      if (!entry) {
        entry = { id, name: variant.names[i]!, order: [v, i], at: new Map() }
        add(entry)
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
      board,
      date,
      model: entry.id,
      field: 'name',
      kept,
      values: [
        { file: sorted[v0]!.file, line: keptAt[0], column: keptAt[1], value: kept },
        { file: sorted[v]!.file, line: at[0], column: at[1], value: found }
      ]
    })
    diagnostics.push(diagnostic(sorted[v]!.file, 'variant-disagreement', { line: at[0], column: at[1] }, { field: 'name', found, inPlace: true, model: entry.id, board, date, kept, keptAt: `${sorted[v0]!.file}:${keptAt[0]}:${keptAt[1]}` }))
  }

  const misread = misreadColumns(sorted, merged)
  for (const m of misread) diagnostics.push(m.diagnostic)
  const unused = new Set(misread.map((m) => `${m.v}\u0000${m.field}`))

  const rows: { row: ReconciledRow; order: [number, number] }[] = []
  for (const entry of merged) {
    const seen = [...entry.at].sort((a, b) => a[0] - b[0]).map(([v, i]) => ({ v, i, row: sorted[v]!.snapshot.rows[i]! }))
    const out: Record<string, unknown> = {}
    for (const field of compared) {
      let kept: { v: number; i: number; value: unknown } | undefined
      const others: { v: number; i: number; value: unknown }[] = []
      for (const { v, i, row } of seen) {
        const raw = row[field]
        if (raw === undefined || (unused.size > 0 && unused.has(`${v}\u0000${field}`))) continue
        const value = field === 'organization' ? canon.organization(raw as string) : field === 'license' ? canon.license(raw as string) : raw
        if (!kept) kept = { v, i, value }
        else if (!agree(field, kept.value, value)) others.push({ v, i, value })
      }
      if (!kept) continue
      out[field] = kept.value
      if (others.length === 0) continue
      const values = [kept, ...others].map((f) => {
        const [line, column] = place(sorted[f.v]!, f.i, field)
        return { file: sorted[f.v]!.file, line, column, value: f.value }
      })
      disagreements.push({ board, date, model: entry.id, field, kept: kept.value, values })
      for (const [n, other] of others.entries()) {
        const at = values[n + 1]!
        const keptAt = values[0]!
        diagnostics.push(diagnostic(at.file, 'variant-disagreement', { line: at.line, column: at.column }, { field, found: show(other.value), model: entry.id, board, date, kept: show(kept.value), keptAt: `${keptAt.file}:${keptAt.line}:${keptAt.column}` }))
      }
    }
    const row = orderRow({ ...(out as Partial<Row>), name: entry.name } as Row)
    rows.push({ row: { ...row, model: entry.id }, order: entry.order })
  }
  rows.sort((a, b) => a.row.rank - b.row.rank || a.order[0] - b.order[0] || a.order[1] - b.order[1])

  const shownRows = first.snapshot.declaredRows ?? sorted.find((v) => v.snapshot.declaredRows !== undefined)?.snapshot.declaredRows
  const snapshot: ReconciledSnapshot = {
    board,
    date,
    updatedAt: first.snapshot.updatedAt,
    languages: [...new Set(sorted.map((v) => v.snapshot.language))],
    sources: sorted.map((v) => v.file),
    rows: rows.map((r) => r.row),
    ...(shownRows !== undefined ? { shownRows } : {})
  }
  return { snapshot, disagreements, diagnostics, links }
}

/**
 * Columns a variant misread: compared with the original (the first variant)
 * on the rows both have, its values differ on most of them. Only upstream's
 * own pages are translations of one original; an archive's capture of the
 * same day (`provenance`) rounds, ranks and dates in its own way.
 */
function misreadColumns(sorted: readonly Variant[], merged: readonly Merged[]): { v: number; field: RowField; diagnostic: Diagnostic }[] {
  const original = sorted[0]!
  const out: { v: number; field: RowField; diagnostic: Diagnostic }[] = []
  if (original.snapshot.provenance) return out
  for (let v = 1; v < sorted.length; v++) {
    const variant = sorted[v]!
    if (variant.snapshot.provenance) continue
    for (const field of numericFields) {
      let count = 0
      let disagreeing = 0
      let example: { entry: Merged; i: number; found: unknown; expected: unknown } | undefined
      for (const entry of merged) {
        const i0 = entry.at.get(0)
        const i = entry.at.get(v)
        if (i0 === undefined || i === undefined) continue
        const expected = original.snapshot.rows[i0]![field]
        const found = variant.snapshot.rows[i]![field]
        if (expected === undefined || found === undefined) continue
        count++
        if (found === expected) continue
        disagreeing++
        example ??= { entry, i, found, expected }
      }
      if (count < MIN_COMPARED_ROWS || disagreeing * 2 <= count || !example) continue
      const [line, column] = place(variant, example.i, field)
      out.push({
        v,
        field,
        diagnostic: diagnostic(variant.file, 'variant-column-disagreement', { line, column }, {
          field,
          disagreeing,
          compared: count,
          board: original.snapshot.board,
          date: original.snapshot.date,
          original: original.file,
          example: { model: example.entry.id, found: show(example.found), expected: show(example.expected) }
        })
      })
    }
  }
  return out
}

/** Of the candidates for one place, the one a row is: a single one, else the one of its id, else the one with its votes. */
function pick(candidates: readonly Merged[], id: string, row: Row, rowOf: (m: Merged) => Row): Merged | undefined {
  if (candidates.length <= 1) return candidates[0]
  const own = candidates.filter((m) => m.id === id)
  if (own.length === 1) return own[0]
  // Votes settle a tie; they are not required to agree otherwise (a translation may round them).
  const voted = candidates.filter((m) => row.votes !== undefined && rowOf(m).votes === row.votes)
  return voted.length === 1 ? voted[0] : undefined
}

function placeKey(row: Row): string {
  return row.score === undefined ? '' : `${row.rank} ${row.score}`
}

function numbersKey(row: Row): string | undefined {
  return row.score === undefined || row.votes === undefined ? undefined : `${row.score} ${row.votes}`
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** What must agree: flags by code and mark (their text is translated), the rest by value. */
function agree(field: RowField, a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object') return false
  if (field === 'flags') return JSON.stringify((a as Row['flags'])!.map((f) => [f.code, f.mark])) === JSON.stringify((b as Row['flags'])!.map((f) => [f.code, f.mark]))
  return JSON.stringify(a) === JSON.stringify(b)
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
