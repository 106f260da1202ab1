import { digest } from '../core/digest.js'
import { stringify } from 'csv-stringify/sync'
import { rowFields } from '../schema/row-fields.js'
import type { RenameEvidence } from '../registry/renames.js'
import type { ReconciledRow, ReconciledSnapshot, Registry, RegistryModel } from '../registry/types.js'
import type { Board } from '../model/boards.js'
import type { DiffEntry, SnapshotDiff, Standing } from '../model/diffs.js'
import { datesOf, historyJson, type BoardTrack } from '../model/histories.js'
import { pick, toJson } from './json.js'

/** `dist/data/boards.json`: `{"boards":[{"id","title","dates":[…]}]}`, dates oldest first. */
export function boardsJson(boards: readonly Board[]): string {
  return toJson({ boards: boards.map((b) => ({ id: b.id, title: b.title, dates: b.dates })) })
}

/** Digests of snapshots' JSON data files, remembered as they are written for the pages that cite them. */
const digests = new WeakMap<ReconciledSnapshot, string>()

/**
 * `dist/data/<board>/<date>.json`: the reconciled snapshot, its rows as
 * arrays under `columns` (a 270-row table in half the bytes of one object per
 * row: the field names are written once); a cell the row lacks is `null`. Its
 * sha256 is remembered for `snapshotDigest` (the site writes the data files
 * before the pages). `rows`: the snapshot's `snapshotRowsJson`, when already
 * made for a snapshot with the same rows.
 */
export function snapshotData(s: ReconciledSnapshot, rows: string = snapshotRowsJson(s)): string {
  // `toJson` of the whole, `columns` and `rows` last: a day that repeats the rows of the day before repeats that part.
  const head = snapshotHead(s)
  digests.set(s, digest(head, ',', rows, '}\n'))
  return `${head},${rows}}\n`
}

/** The sha256 of a snapshot's published JSON (`data/<board>/<date>.json`), in hex. */
export function snapshotDigest(s: ReconciledSnapshot): string {
  if (!digests.has(s)) snapshotData(s)
  return digests.get(s)!
}

/** Digests of models' histories, worked out once per build (histories are never mutated). */
const historyDigests = new WeakMap<ReadonlyMap<string, BoardTrack>, string>()

/**
 * The sha256 of a model's history, every field of every point on every board
 * (`historyJson`): what its CSV (`modelHistoryCsv`) is made from, and its
 * page's charts and tables besides their frame.
 */
export function historyDigest(history: ReadonlyMap<string, BoardTrack>): string {
  let known = historyDigests.get(history)
  if (known === undefined) historyDigests.set(history, (known = digest(historyJson(history))))
  return known
}

/** The columns of a snapshot's JSON rows: `model`, then the row fields some row of it has, in their public order. */
export function snapshotColumns(s: ReconciledSnapshot): string[] {
  return ['model', ...rowFields.filter((f) => s.rows.some((r) => r[f] !== undefined))]
}

/** A snapshot's JSON up to its rows (`snapshotRowsJson`): every member but those, the closing brace left out. */
function snapshotHead(s: ReconciledSnapshot): string {
  return JSON.stringify({
    board: s.board,
    date: s.date,
    updatedAt: s.updatedAt,
    languages: s.languages,
    sources: s.sources,
    ...(s.shownRows !== undefined ? { shownRows: s.shownRows } : {}),
    ...(s.rankShown !== undefined ? { rankShown: s.rankShown } : {})
  }).slice(0, -1)
}

/** The members of a snapshot's JSON its rows make: `"columns":[…],"rows":[…]`, the same for two snapshots with the same rows. */
export function snapshotRowsJson(s: ReconciledSnapshot): string {
  const columns = snapshotColumns(s)
  const fields = columns.slice(1) as (keyof ReconciledRow)[]
  return `"columns":${JSON.stringify(columns)},"rows":${JSON.stringify(s.rows.map((r) => [r.model, ...fields.map((f) => r[f] ?? null)]))}`
}

const standingKeys = ['rank', 'score'] as const satisfies readonly (keyof Standing)[]

function entry(e: DiffEntry): Record<string, unknown> {
  return pick({ model: e.model, rank: e.rank, score: e.score }, ['model', 'rank', 'score'])
}

/** `dist/data/<board>/diff/<from>_<to>.json`. */
export function diffJson(d: SnapshotDiff): string {
  return toJson({
    board: d.board,
    from: d.from,
    to: d.to,
    entered: d.entered.map(entry),
    left: d.left.map(entry),
    moved: d.moved.map((m) => ({ model: m.model, from: pick(m.from, standingKeys), to: pick(m.to, standingKeys), significant: m.significant })),
    // Only where a page shows its top N rows: who is below it, who entered it.
    ...(d.shownRows.from !== undefined || d.shownRows.to !== undefined ? { shownRows: d.shownRows } : {}),
    ...(d.shownRows.to !== undefined ? { belowTop: d.belowTop.map(entry) } : {}),
    ...(d.shownRows.from !== undefined ? { enteredTop: d.enteredTop.map(entry) } : {})
  })
}

const modelKeys = ['id', 'name', 'organization', 'organizationInferred', 'license', 'spdx', 'openWeights', 'aliases', 'boards', 'repairs'] as const satisfies readonly (keyof RegistryModel)[]

/** The registry in its public shape (same as `leaderlog registry --json`): fixed key order, absent fields left out. */
export function publicRegistry(registry: Registry): { models: Record<string, unknown>[] } {
  return {
    models: registry.models.map((m) => ({
      ...pick(m, modelKeys),
      boards: Object.fromEntries(
        Object.keys(m.boards)
          .sort()
          .map((b) => [b, { first: m.boards[b]!.first, last: m.boards[b]!.last, bestRank: m.boards[b]!.bestRank }])
      ),
      repairs: m.repairs.map((r) => ({ from: r.from, to: r.to, rule: r.rule, ...(r.evidence ? { evidence: renameEvidence(r.evidence) } : {}) }))
    }))
  }
}

/**
 * A rename's evidence in its public shape: `{"board","before","after","rank":[old,new],"score":[…],"votes":[…]}`,
 * and `"sources":[file,file]` when two captures of one day show the row under both names.
 */
function renameEvidence(e: RenameEvidence): Record<string, unknown> {
  return pick({ board: e.board, before: e.before, after: e.after, rank: e.rank, score: e.score, votes: e.votes, sources: e.sources }, ['board', 'before', 'after', 'rank', 'score', 'votes', 'sources'])
}

export function modelsJson(registry: Registry): string {
  return toJson(publicRegistry(registry))
}

const csvFields = rowFields.filter((f) => f !== 'metrics')

/** Text that a spreadsheet would run as a formula (OWASP "CSV injection"): `=`, `+`, `-`, `@`, tab, CR first. */
const formulaStart = /^[=+\-@\t\r]/

/**
 * A text cell made inert for spreadsheets: prefixed with `'` when it starts
 * like a formula (the field is then quoted too). Numbers stay numbers,
 * negative ones included; booleans are `true`/`false`.
 */
export function csvCell(value: unknown): string | number | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'number') return value
  const text = String(value)
  return formulaStart.test(text) ? `'${text}` : text
}

/**
 * The snapshot as CSV (RFC 4180, CRLF, written by csv-stringify): `model`,
 * then the row fields in their public order (flags as their codes joined by
 * `;`), then one `metric:<name>` column per extra measure. Columns no row has
 * are left out. Text cells that start like a formula are neutralised
 * (`csvCell`).
 */
export function snapshotCsv(s: ReconciledSnapshot): string {
  const used = csvFields.filter((f) => s.rows.some((r) => r[f] !== undefined))
  const metrics = [...new Set(s.rows.flatMap((r) => Object.keys(r.metrics ?? {})))].sort()
  const header = ['model', ...used, ...metrics.map((m) => `metric:${m}`)]
  const records: unknown[][] = [header]
  for (const row of s.rows) {
    const cells: unknown[] = [row.model]
    for (const f of used) cells.push(f === 'flags' ? row.flags?.map((flag) => flag.code).join(';') : row[f])
    for (const m of metrics) cells.push(row.metrics?.[m]?.value)
    records.push(cells)
  }
  return stringify(
    records.map((r) => r.map(csvCell)),
    {
      record_delimiter: 'windows',
      // Quote a line break of either kind (a lone CR too), and every neutralised formula.
      quoted_match: [/[\r\n]/, /^'[=+\-@\t\r]/]
    }
  )
}

/**
 * `dist/data/models/<id>.csv`: the model's full daily history on every board
 * (RFC 4180, CRLF): `board,date,rank,score,ciPlus,ciMinus,votes`, boards in
 * board order, dates oldest first; a value a snapshot lacks is empty.
 */
export function modelHistoryCsv(history: ReadonlyMap<string, BoardTrack>): string {
  const records: unknown[][] = [['board', 'date', 'rank', 'score', 'ciPlus', 'ciMinus', 'votes']]
  for (const [board, track] of history) {
    const dates = datesOf(track)
    track.rows.forEach((r, i) => records.push([board, dates[i], r.rank, r.score, r.ciPlus, r.ciMinus, r.votes]))
  }
  return stringify(
    records.map((r) => r.map(csvCell)),
    { record_delimiter: 'windows' }
  )
}
