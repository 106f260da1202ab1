import { compareText } from '../core/compare.js'
import { languageOrder } from '../core/languages.js'
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { Row } from '../schema/row.js'
import { rowFields, type RowField } from '../schema/row-fields.js'
import type { ParsedSnapshot } from '../schema/snapshot.js'
import { recordOf } from '../core/records.js'
import type { RenameCandidate } from './renames.js'
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

/**
 * A row of an archive's capture that is the row of another id on the same day
 * (`matchArchive`): one model under two names, for identity to link.
 */
export type ArchiveLink = Pick<RenameCandidate, 'from' | 'to' | 'names' | 'evidence'>

export interface ReconcileResult {
  snapshot: ReconciledSnapshot
  disagreements: Disagreement[]
  diagnostics: Diagnostic[]
  /** Raw names a variant showed in the place of another model. */
  links: PlaceLink[]
  /** Names an archive gave a model shown under another name the same day. */
  archiveLinks: ArchiveLink[]
}

/**
 * The result `reconcile` gives when every model id of its variants is
 * replaced by `ids` (an id not in it stays): `reconcile` only compares ids
 * with each other and asks `known` of them, so where the replacement is one to
 * one on the day's ids and leaves each id as known as it was, the same rows
 * merge, under the new ids. Undefined when the result has diagnostics: they
 * are worded with the ids when found.
 */
export function relabelled(result: ReconcileResult, ids: ReadonlyMap<string, string>): ReconcileResult | undefined {
  if (result.diagnostics.length > 0) return undefined
  const to = (id: string) => ids.get(id) ?? id
  return {
    // The model id stays the row's last field: spreading keeps the order.
    snapshot: { ...result.snapshot, rows: result.snapshot.rows.map((row) => (ids.has(row.model) ? { ...row, model: to(row.model) } : row)) },
    disagreements: result.disagreements.map((d) => ({ ...d, model: to(d.model) })),
    diagnostics: [],
    links: result.links.map((l) => ({ ...l, id: to(l.id) })),
    archiveLinks: result.archiveLinks.map((l) => ({ ...l, from: to(l.from), to: to(l.to) }))
  }
}

/**
 * The ids of a day's variants replaced since they were reconciled (old → new;
 * `old(variant, row)` is a row's id then), when replaced one to one and each
 * new id `known` as its old one was (`knownBefore`): then `relabelled` gives
 * what reconciling them again would. Else undefined: two ids became one, or a
 * model's being known changed, and the day must be reconciled again.
 */
export function replacedIds(
  variants: readonly Variant[],
  old: (variant: Variant, row: number) => string,
  known: (id: string) => boolean,
  knownBefore: (id: string) => boolean
): Map<string, string> | undefined {
  const replaced = new Map<string, string>()
  const from = new Map<string, string>()
  for (const v of variants) {
    for (let i = 0; i < v.ids.length; i++) {
      const was = old(v, i)
      const id = v.ids[i]!
      if (known(id) !== knownBefore(was) || (from.get(id) ?? was) !== was) return undefined
      from.set(id, was)
      if (id !== was) replaced.set(was, id)
    }
  }
  return replaced
}

/**
 * The result `reconcile` gives a day whose variants are those of the day
 * before it (`before`) again: the same languages and provenance, each with
 * the very rows array of the day before's (the read stage shares a page's
 * rows when every one repeats, `rowSharer`), the same ids and names. Of a
 * variant, `reconcile` reads nothing else but its file and cell positions
 * (for diagnostics, disagreements and links) and its snapshot's date, update
 * time and announced rows: when the day before gave none of the first, this
 * day gives its snapshot again, with its rows array, under this day's date,
 * update time, sources and rows shown. Else undefined: the day is reconciled.
 * On the real history 150 of the 659 days are such.
 */
export function repeated(variants: readonly Variant[], before: { variants: readonly Variant[]; result: ReconcileResult }): ReconcileResult | undefined {
  const { result } = before
  if (result.diagnostics.length > 0 || result.disagreements.length > 0 || result.links.length > 0 || result.archiveLinks.length > 0) return undefined
  if (variants.length !== before.variants.length) return undefined
  const sorted = [...variants].sort(originalFirst)
  const earlier = [...before.variants].sort(originalFirst)
  for (let v = 0; v < sorted.length; v++) {
    const a = sorted[v]!
    const b = earlier[v]!
    if (a.snapshot.rows !== b.snapshot.rows || a.snapshot.board !== b.snapshot.board || a.snapshot.language !== b.snapshot.language) return undefined
    if (JSON.stringify(a.snapshot.provenance) !== JSON.stringify(b.snapshot.provenance) || !sameList(a.ids, b.ids) || !sameList(a.names, b.names)) return undefined
  }
  const first = sorted[0]!.snapshot
  const shownRows = first.declaredRows ?? sorted.find((v) => v.snapshot.declaredRows !== undefined)?.snapshot.declaredRows
  const kept = result.snapshot
  const snapshot: ReconciledSnapshot = {
    board: kept.board,
    date: first.date,
    updatedAt: first.updatedAt,
    languages: [...kept.languages],
    sources: sorted.map((v) => v.file),
    rows: kept.rows,
    ...(shownRows !== undefined ? { shownRows } : {}),
    ...(kept.rankShown !== undefined ? { rankShown: kept.rankShown } : {})
  }
  return { snapshot, disagreements: [], diagnostics: [], links: [], archiveLinks: [] }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Original language first (`languageOrder`), archives last, then by file: the order variants of a day are merged in. */
export function originalFirst(a: { file: string; snapshot: { language: string } }, b: { file: string; snapshot: { language: string } }): number {
  return languageOrder(a.snapshot.language, b.snapshot.language) || compareText(a.file, b.file)
}

interface Merged {
  id: string
  name: string
  /** The first variant the model was seen in, and its row there. */
  v0: number
  i0: number
  /** Per variant: row index, -1 where the model is not seen (an array as long as the variants: a day has a few). */
  at: number[]
}

/** The columns a misread shows in: numbers that must be the same in every translation. */
export const numericFields: readonly RowField[] = ['rank', 'rankUpper', 'rankLower', 'score', 'ciPlus', 'ciMinus', 'votes', 'rankStyleControl', 'priceInput', 'priceOutput', 'context']

/** A column compared on fewer rows than this says nothing about the variant. */
export const MIN_COMPARED_ROWS = 3

export function reconcile(variants: readonly Variant[], canon: Canon, options: ReconcileOptions = {}): ReconcileResult {
  const sorted = [...variants].sort(originalFirst)
  const first = sorted[0]!
  const board = first.snapshot.board
  const date = first.snapshot.date
  const merged: Merged[] = []
  const byId = new Map<string, Merged>()
  const byPlace = new Map<string, Merged[]>()
  const byNumbers = new Map<string, Merged[]>()
  const diagnostics: Diagnostic[] = []
  const links: PlaceLink[] = []
  const rowOf = (m: Merged) => sorted[m.v0]!.snapshot.rows[m.i0]!
  const renamed: { entry: Merged; v: number; i: number }[] = []

  // Rows are found by place or numbers only for later variants: a day of one page (most days) needs no index.
  const indexed = sorted.length > 1
  const add = (entry: Merged) => {
    merged.push(entry)
    if (!byId.has(entry.id)) byId.set(entry.id, entry)
    if (!indexed) return
    const row = rowOf(entry)
    if (row.score === undefined) return
    push(byPlace, placeKey(row), entry)
    if (row.votes !== undefined) push(byNumbers, numbersKey(row)!, entry)
  }

  const archiveLinks: ArchiveLink[] = []
  /** Archive captures left out: of another data time. */
  const left = new Set<number>()
  sorted.forEach((variant, v) => {
    // An archive's capture is not a translation: its own names, ranks and rounding (see `matchArchive`).
    const archived = v > 0 && variant.snapshot.provenance ? matchArchive(variant, merged, byId, rowOf) : undefined
    const other = archived && otherTime(variant, archived, rowOf)
    if (other) {
      const { field, disagreeing, compared, example } = other
      const [line, column] = place(variant, example.i, field)
      diagnostics.push(diagnostic(variant.file, 'archive-other-time', { line, column }, { field, disagreeing, compared, board, date, original: sorted[example.entry.v0]!.file, example: { model: example.entry.id, found: show(example.found), expected: show(example.expected) } }))
      left.add(v)
      return
    }
    variant.snapshot.rows.forEach((row, i) => {
      const id = variant.ids[i]!
      const same = byId.get(id)
      let entry: Merged | undefined
      if (archived) {
        entry = archived.get(i)
        if (entry && entry.id !== id) {
          const kept = rowOf(entry)
          archiveLinks.push({
            from: entry.id,
            to: id,
            names: [entry.name, variant.names[i]!],
            evidence: { board, before: date, after: date, rank: [kept.rank, row.rank], score: [kept.score!, row.score!], ...(kept.votes !== undefined && row.votes !== undefined ? { votes: [kept.votes, row.votes] } : {}), sources: [sorted[entry.v0]!.file, variant.file] }
          })
        }
      } else if (v > 0) {
        // The same place, else the same numbers (rows whose ranks were swapped), else the same id.
        entry = free(byPlace.get(placeKey(row)), v, id, row, rowOf) ?? free(byNumbers.get(numbersKey(row) ?? ''), v, id, row, rowOf) ?? (same && same.at[v]! < 0 ? same : undefined)
        if (entry && entry.id !== id) {
          links.push({ raw: row.name, id: entry.id, name: entry.name, misplaced: same !== undefined || (options.known?.(id) ?? false) })
          renamed.push({ entry, v, i })
        }
      }
      if (!entry && same && same.at[v]! >= 0) {
        const place = cell(variant, i, 'name')
        diagnostics.push(diagnostic(variant.file, 'duplicate-model', place, { name: row.name, board, model: { id, other: variant.snapshot.rows[same.at[v]!]!.name } }))
        return
      }
      if (!entry) {
        entry = { id, name: variant.names[i]!, v0: v, i0: i, at: new Array<number>(sorted.length).fill(-1) }
        add(entry)
      }
      entry.at[v] = i
    })
  })

  const disagreements: Disagreement[] = []
  // A variant that names a row differently disagrees on the name: the original's is kept.
  for (const { entry, v, i } of renamed) {
    const { v0, i0 } = entry
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

  // Merged rows are made in the order first seen (variant, then row): a stable sort by rank puts them in order.
  const rows: ReconciledRow[] = []
  // The fields some row of some variant has (the others are left out of every row): most rows have a third of them.
  const present = rowFields.filter((field) => field === 'name' || sorted.some((v) => v.snapshot.rows.some((r) => r[field] !== undefined)))
  // Indexed loops: run a few million times a build, and iterators cost an object a step until optimized.
  for (let e = 0; e < merged.length; e++) {
    const entry = merged[e]!
    // Built in the public field order (`rowFields`), the model id last: no reordering copy. Made at the
    // end in one piece (`recordOf`): a build holds every reconciled row.
    const keys: string[] = []
    const fieldValues: unknown[] = []
    // The variants the model was seen in, in the order they were merged: from the first it was seen in.
    const first = entry.v0
    const firstRow = rowOf(entry)
    const seenAt = entry.at
    for (let f = 0; f < present.length; f++) {
      const field = present[f]!
      if (field === 'name') {
        keys.push('name')
        fieldValues.push(entry.name)
        continue
      }
      // The kept value and where it is, and the values that disagree with it (an array only when one does).
      let keptAt = -1
      let keptValue: unknown
      let others: { v: number; i: number; value: unknown }[] | undefined
      for (let v = first; v < seenAt.length; v++) {
        const i = seenAt[v]!
        if (i < 0) continue
        // The first page to score the model says whether it is preliminary, unmarked being no: a later
        // page's mark disagrees with it (a word read as the mark), its missing mark does not.
        const raw = field === 'preliminary' && v === first && firstRow.score !== undefined ? (firstRow.preliminary ?? false) : sorted[v]!.snapshot.rows[i]![field]
        if (raw === undefined) continue
        if (unused.size > 0 && unused.has(`${v}\u0000${field}`)) continue
        const value = field === 'organization' ? canon.organization(raw as string) : field === 'license' ? canon.license(raw as string) : raw
        const provenance = sorted[v]!.snapshot.provenance
        if (keptAt < 0) (keptAt = v), (keptValue = value)
        // An archive's row position or rank derived from its ratings says nothing against upstream's rank.
        else if (provenance && provenance.rank !== 'upstream' && rankFields.has(field)) continue
        else if (!agree(field, keptValue, value, provenance !== undefined || sorted[keptAt]!.snapshot.provenance !== undefined)) (others ??= []).push({ v, i, value })
      }
      if (keptAt < 0) continue
      if (keptValue !== false) keys.push(field), fieldValues.push(keptValue)
      if (!others) continue
      const kept = { v: keptAt, i: seenAt[keptAt]!, value: keptValue }
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
    keys.push('model')
    fieldValues.push(entry.id)
    rows.push(recordOf(keys, fieldValues) as ReconciledRow)
  }
  rows.sort((a, b) => a.rank - b.rank)

  const used = sorted.filter((_, v) => !left.has(v))
  const shownRows = first.snapshot.declaredRows ?? sorted.find((v) => v.snapshot.declaredRows !== undefined)?.snapshot.declaredRows
  const snapshot: ReconciledSnapshot = {
    board,
    date,
    updatedAt: first.snapshot.updatedAt,
    languages: [...new Set(used.map((v) => v.snapshot.language))],
    sources: used.map((v) => v.file),
    rows,
    ...(shownRows !== undefined ? { shownRows } : {}),
    ...(first.snapshot.provenance && first.snapshot.provenance.rank !== 'upstream' ? { rankShown: first.snapshot.provenance.rank } : {})
  }
  return { snapshot, disagreements, diagnostics, links, archiveLinks }
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
    const shared = merged.flatMap((entry) => {
      const i0 = entry.at[0]!
      const i = entry.at[v]!
      return i0 < 0 || i < 0 ? [] : [{ entry, i, found: variant.snapshot.rows[i]!, expected: original.snapshot.rows[i0]! }]
    })
    for (const field of numericFields) {
      const found = mostlyDisagree(shared, field, (a, b) => a === b)
      if (!found) continue
      const { disagreeing, compared, example } = found
      const [line, column] = place(variant, example.i, field)
      out.push({
        v,
        field,
        diagnostic: diagnostic(variant.file, 'variant-column-disagreement', { line, column }, {
          field,
          disagreeing,
          compared,
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

/** Of the merged rows in one place not yet matched in variant `v`, the one a row is (`pick`). */
function free(list: readonly Merged[] | undefined, v: number, id: string, row: Row, rowOf: (m: Merged) => Row): Merged | undefined {
  if (!list) return undefined
  // Most places hold one row: no list is made for them.
  if (list.length === 1) return list[0]!.at[v]! >= 0 ? undefined : list[0]
  return pick(list.filter((m) => m.at[v]! < 0), id, row, rowOf)
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

const rankFields: ReadonlySet<RowField> = new Set(['rank', 'rankUpper', 'rankLower'])
const roundedFields: ReadonlySet<RowField> = new Set(['score', 'ciPlus', 'ciMinus'])

/**
 * How far apart one model's score may be in two captures of one day when one
 * is an archive: archives round to the unit and were computed at another hour
 * of the day (1228 in the exports, 1227.39 in the rating history).
 */
export const ARCHIVE_SCORE_TOLERANCE = 1.5

/** How far apart one model's votes may be in two captures of one day when one is an archive: a share of the larger count. */
export const ARCHIVE_VOTES_SHARE = 0.02

/** One number in two captures of one day, one of them an archive (scores and intervals by points, votes by share). */
const archiveClose = {
  score: (a: number, b: number) => Math.abs(a - b) <= ARCHIVE_SCORE_TOLERANCE,
  votes: (a: number, b: number) => Math.abs(a - b) <= ARCHIVE_VOTES_SHARE * Math.max(a, b)
}

/**
 * The rows of an archive's capture that are rows already merged (from
 * upstream's pages, or an archive before it) of the same board and day. An
 * archive names models its own way (display names of its time, or names given
 * later), numbers its rows by position or derives ranks, and rounds scores.
 * A row is the merged row of its id; else, among the rows left on both sides,
 * the merged row whose score is nearest its own when its own is nearest that
 * row's too, within `ARCHIVE_SCORE_TOLERANCE` (and with votes within
 * `ARCHIVE_VOTES_SHARE` when both show votes). A row nearest two rows alike is left alone.
 */
function matchArchive(variant: Variant, merged: readonly Merged[], byId: ReadonlyMap<string, Merged>, rowOf: (m: Merged) => Row): Map<number, Merged> {
  const out = new Map<number, Merged>()
  const taken = new Set<Merged>()
  const rows = variant.snapshot.rows
  rows.forEach((_, i) => {
    const same = byId.get(variant.ids[i]!)
    if (same && !taken.has(same)) {
      out.set(i, same)
      taken.add(same)
    }
  })
  const open = merged.filter((m) => !taken.has(m) && rowOf(m).score !== undefined)
  const left = rows.flatMap((row, i) => (out.has(i) || row.score === undefined ? [] : [i]))
  const fits = (a: Row, b: Row) => archiveClose.score(a.score!, b.score!) && (a.votes === undefined || b.votes === undefined || archiveClose.votes(a.votes, b.votes))
  const nearest = <T>(list: readonly T[], score: number, rowOfItem: (t: T) => Row): T | undefined => {
    let best: T | undefined
    let distance = Infinity
    let tie = false
    for (const item of list) {
      const d = Math.abs(rowOfItem(item).score! - score)
      if (d < distance) [best, distance, tie] = [item, d, false]
      else if (d === distance) tie = true
    }
    return tie ? undefined : best
  }
  for (const i of left) {
    const row = rows[i]!
    const entry = nearest(open, row.score!, rowOf)
    if (!entry || !fits(rowOf(entry), row)) continue
    if (nearest(left, rowOf(entry).score!, (k) => rows[k]!) === i) out.set(i, entry)
  }
  return out
}

/** A row of a capture and the merged row it is compared with. */
interface ComparedRow {
  entry: Merged
  /** The row's index in the capture compared. */
  i: number
  found: Row
  expected: Row
}

/** One cell of a capture and the cell it was compared with: the merged row's, in the same column. */
interface ComparedCell {
  entry: Merged
  /** The row's index in the capture compared. */
  i: number
  found: unknown
  expected: unknown
}

/**
 * Whether a column of a capture disagrees with the rows merged before it on
 * most of the rows both have a value for (at least `MIN_COMPARED_ROWS`): the
 * counts and the first disagreeing cell.
 */
function mostlyDisagree(rows: readonly ComparedRow[], field: RowField, same: (found: unknown, expected: unknown) => boolean): { compared: number; disagreeing: number; example: ComparedCell } | undefined {
  let compared = 0
  let disagreeing = 0
  let first: ComparedRow | undefined
  for (const row of rows) {
    const found = row.found[field]
    const expected = row.expected[field]
    if (found === undefined || expected === undefined) continue
    compared++
    if (same(found, expected)) continue
    disagreeing++
    first ??= row
  }
  if (compared < MIN_COMPARED_ROWS || disagreeing * 2 <= compared || !first) return undefined
  return { compared, disagreeing, example: { entry: first.entry, i: first.i, found: first.found[field], expected: first.expected[field] } }
}

/**
 * Whether an archive's capture shows another data time than the rows merged
 * before it: on most of the rows it shares with them, its score is off by
 * more than `ARCHIVE_SCORE_TOLERANCE`, or its votes by more than
 * `ARCHIVE_VOTES_SHARE`. Says the column, the counts and a first example.
 */
function otherTime(variant: Variant, matches: ReadonlyMap<number, Merged>, rowOf: (m: Merged) => Row): ({ field: 'score' | 'votes' } & NonNullable<ReturnType<typeof mostlyDisagree>>) | undefined {
  const rows = [...matches].map(([i, entry]) => ({ entry, i, found: variant.snapshot.rows[i]!, expected: rowOf(entry) }))
  for (const field of ['score', 'votes'] as const) {
    const found = mostlyDisagree(rows, field, (a, b) => archiveClose[field](a as number, b as number))
    if (found) return { field, ...found }
  }
  return undefined
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

/**
 * What must agree: flags by code and mark (their text is translated), the rest
 * by value; `rounded` when one side is an archive, whose scores and intervals
 * are rounded and computed at another hour: within `ARCHIVE_SCORE_TOLERANCE`
 * (1266.88 in a rating history is the 1267 a page shows).
 */
function agree(field: RowField, a: unknown, b: unknown, rounded = false): boolean {
  if (a === b) return true
  if (rounded && typeof a === 'number' && typeof b === 'number' && roundedFields.has(field)) return archiveClose.score(a, b)
  if (typeof a !== 'object' || typeof b !== 'object') return false
  if (field === 'flags') return JSON.stringify((a as Row['flags'])!.map((f) => [f.code, f.mark])) === JSON.stringify((b as Row['flags'])!.map((f) => [f.code, f.mark]))
  return JSON.stringify(a) === JSON.stringify(b)
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function place(variant: Variant, i: number, field: RowField): [number, number] {
  const places = variant.snapshot.places[i] ?? {}
  // A score's "preliminary" mark is written in its cell.
  return places[field] ?? (field === 'preliminary' ? places.score : undefined) ?? places.row ?? [1, 1]
}

function cell(variant: Variant, i: number, field: RowField): { line: number; column: number } {
  const [line, column] = place(variant, i, field)
  return { line, column }
}
