import type { Table } from 'mdast'
import { message, START, type Message } from '../../diagnostics/diagnostic.js'
import { clean, readCutoff, type Ordinal, type ScoreStyle } from '../cells.js'
import { doubtfulCutoffs, doubtfulOrganizations } from './doubtful.js'
import { cellPlace, hasLink, isPlaceholder, place, repeatsHeader, type GridRow } from './grid.js'
import { metricKey, roleOfHeader, type Role } from './headers.js'
import { placeholdersOf } from './placeholders.js'
import { unitWord, withoutUnitWord } from './unit-words.js'
import { allowedRoles, max, profileOf, rankDisorder, silent, steps, type Profile } from './profile.js'

/**
 * The layout of an LMArena table: which column holds what. Cells decide,
 * headers help: each column's cells allow some roles (`profile.ts`); a
 * header we know chooses among them; the rest is the reading of the whole
 * table that fits its cells best. A header its cells contradict loses (a
 * `header-mismatch` warning names both), and a column two readings fit
 * equally well is an `ambiguous-column` error, never a guess.
 */
export interface Column {
  index: number
  header: string
  role: Role | undefined
  metric?: string
  /** How a score or metric column writes its numbers. */
  style?: ScoreStyle
  /** What a rank column writes around every rank (`1위`, `#1`, `第1名`), or a spread column around every spread (`1~4위`). */
  ordinal?: Ordinal
  /** The word a column of numbers writes after every number (`1M tokens`, `23,626 票`: `unitWord`), left out when its cells are read. */
  unit?: string
  /** The signs a model column writes between a name and its organization and license (`gluedSeparator`). */
  separator?: string
  /** What its header names (`roleOfHeader`; none in a table without a header row): the cells may say otherwise. */
  headedAs?: Role
}

export interface Layout {
  columns: Column[]
  /** The table had no header row: its first row is data. */
  headerless: boolean
  /** The data rows (the header row left out, unless it is data). */
  body: GridRow[]
  /** Cells per row, as the header says (or the widest row of a headerless table). */
  width: number
  /** What the layout found about the columns (headers contradicted, columns unknown or ambiguous, placeholders). */
  messages: Message[]
  /** Texts the table writes for no data that no list knows (`placeholders.ts`): cells holding one are empty. */
  placeholders: ReadonlySet<string>
  /** Rows of the body that are the header row again (`repeatsHeader`): no data, left out of the profiles and of the rows. */
  headerCopies: ReadonlySet<GridRow>
}

/** Does this header row look like a data row (a table with its header missing)? */
function looksLikeData(cells: readonly string[]): boolean {
  const known = cells.filter((c) => roleOfHeader(c) !== undefined).length
  const numeric = cells.filter((c) => /^\s*[\d,.±+\-/\s◄─►]+\s*$/.test(c) && /\d/.test(c)).length
  return known === 0 && numeric >= 2
}

/** Roles a table has at most once; `metric` columns may be many. */
const once = (role: Role): boolean => role !== 'metric'

/** Rank, rank after style control and rank spread; score and the measures beside it. */
const family = (role: Role): string => (role === 'rank' || role === 'rankStyleControl' || role === 'rankSpread' ? 'rank' : role === 'score' || role === 'metric' ? 'score' : role)

/** How well a column's cells fit a role they allow, to weigh one reading of the table against another. */
function strength(role: Role, p: Profile): number {
  switch (role) {
    case 'score': {
      const s = steps(p.scores)
      // A step between equal values says nothing of the order: a column of one value (`1 млн` read as `1` and a
      // marker, on most rows) is not shown to go down.
      const moved = s.up + s.down
      const monotone = !s.pairs ? 1 : ((moved ? 1 - s.up / moved : 0) * moved + 0.5 * (s.pairs - moved)) / s.pairs
      // Cells that are no score (a word no reader knows after the number: `128 тыс`) count against it.
      const read = p.score.ok / (p.score.ok + p.score.bad + p.score.corrupted)
      return 0.5 + 0.5 * monotone - 0.3 * p.grouped - 0.5 * (1 - read) + (p.withInterval >= 0.5 || p.style.markers.size > 0 ? 0.2 : 0)
    }
    case 'votes': {
      const s = steps(p.counts)
      const disorder = s.pairs >= 8 && s.up / s.pairs >= 0.15 && s.down / s.pairs >= 0.15 ? 1 : 0
      // Written as counts are: grouped thousands, or shortened with a unit to values no size of memory has (`5.5K`).
      return 0.5 + 0.3 * Math.max(p.grouped, p.suffixed * (1 - p.roundSizes)) + 0.2 * disorder
    }
    // Context windows are sizes of memory (`131.1K` is 2^17); shortened counts (`5.5K`) seldom are.
    case 'context':
      return 0.5 + 0.5 * p.roundSizes
    case 'metric':
      return 0.3
    case 'rankStyleControl':
      return 0.7
    case 'knowledgeCutoff':
      return 0.5 + 0.5 * p.dates
    case 'model':
      return 0.3 + 0.3 * p.unique + 0.2 * Math.min(1, p.links) + 0.2 * p.modelish
    // Licenses: known license words, one dominant value (`Proprietary`); organizations: names, more evenly spread.
    case 'license':
      return 0.2 + 0.5 * p.licenseWords + 0.3 * p.mode
    case 'organization':
      return 0.2 + 0.3 * (1 - p.licenseWords) + 0.2 * (1 - p.modelish) + 0.3 * (1 - p.mode)
    default:
      return 1
  }
}

/** Two readings closer than this are equally plausible. */
const MARGIN = 0.1

/**
 * How much better the cells must fit two headers' roles swapped for the cells
 * to overrule both headers (on the real history, the headers' own reading of
 * organization and license is never worse: every page's difference is 0 or
 * less; weighing every pair of headers so reads no page of the corpus or the
 * store otherwise).
 */
const SWAP_MARGIN = 2 * MARGIN

interface Choice {
  roles: (Role | undefined)[]
  total: number
}

/**
 * The reading of the open columns that fits their cells best: each column one
 * of the roles it allows (or none), each role once (but `metric`). With it, for
 * each column, the best reading that gives it another role.
 */
function bestReading(open: readonly number[], allowed: ReadonlyMap<number, Role[]>, profiles: readonly Profile[], taken: ReadonlySet<Role>, forbid?: { column: number; role: Role | undefined }): Choice | undefined {
  let best: Choice | undefined
  const roles: (Role | undefined)[] = []
  const used = new Set<Role>(taken)
  const visit = (k: number, total: number): void => {
    if (k === open.length) {
      if (!best || total > best.total + 1e-9) best = { roles: [...roles], total }
      return
    }
    const column = open[k]!
    const options: (Role | undefined)[] = [...allowed.get(column)!, undefined]
    for (const role of options) {
      if (forbid && forbid.column === column && forbid.role === role) continue
      if (role && once(role) && used.has(role)) continue
      if (role && once(role)) used.add(role)
      roles.push(role)
      visit(k + 1, total + (role ? strength(role, profiles[column]!) : 0))
      roles.pop()
      if (role && once(role)) used.delete(role)
    }
  }
  visit(0, 0)
  return best
}

/** How much more in order one rank-like column must be than another for the cells to tell which is the rank. */
const ORDER_MARGIN = 0.04

/**
 * The rank column: the rank-like column most in order (a rank column goes
 * down least). The header helps: the column it names is the rank unless
 * another column's cells are clearly more in order (`overruled`: header words
 * swapped by a translation, a `header-mismatch`); between two columns as much
 * in order as each other, a header naming another role for one tells them apart.
 */
function chooseRank(profiles: readonly Profile[], strict: readonly Set<Role>[], lenient: readonly Set<Role>[], hints: readonly (Role | undefined)[]): { rank?: number; tied?: [number, number]; overruled?: number; asMuch?: number } {
  const disorder = (i: number) => rankDisorder(profiles[i]!)
  const candidates = profiles.map((p) => p.index).filter((i) => strict[i]!.has('rank'))
  const headed = profiles.findIndex((p, i) => hints[i] === 'rank' && lenient[i]!.has('rank'))
  if (headed !== -1) {
    const clearer = candidates.filter((i) => i !== headed && disorder(headed) - disorder(i) >= ORDER_MARGIN)
    if (clearer.length === 0) {
      // Another column as much in order, on as many rows: only the header says which is the rank.
      const asMuch = candidates.find((i) => i !== headed && Math.abs(disorder(headed) - disorder(i)) < ORDER_MARGIN && asLong(profiles[i]!, profiles[headed]!))
      return { rank: headed, ...(asMuch !== undefined ? { asMuch } : {}) }
    }
    const chosen = mostInOrder(clearer, disorder, hints, profiles)
    return chosen.rank === undefined ? chosen : { ...chosen, overruled: headed }
  }
  return mostInOrder(candidates, disorder, hints, profiles)
}

function mostInOrder(candidates: readonly number[], disorder: (i: number) => number, hints: readonly (Role | undefined)[], profiles: readonly Profile[]): { rank?: number; tied?: [number, number]; asMuch?: number } {
  if (candidates.length <= 1) return candidates.length ? { rank: candidates[0]! } : {}
  const sorted = [...candidates].sort((a, b) => disorder(a) - disorder(b) || a - b)
  const [first, second] = [sorted[0]!, sorted[1]!]
  if (disorder(second) - disorder(first) >= ORDER_MARGIN) return { rank: first }
  // As much in order as each other: a rank is never past its row (the rows above it hold every better model), where
  // spreads glued into one number are (`11`, `25` on the first rows). Else a header naming another role tells them apart.
  const [placedFirst, placedSecond] = [withinRows(profiles[first]!), withinRows(profiles[second]!)]
  if (placedFirst !== placedSecond) return { rank: placedFirst ? first : second }
  const other = (i: number) => hints[i] !== undefined && hints[i] !== 'rank'
  if (other(second) && !other(first)) return { rank: first, ...(asLong(profiles[second]!, profiles[first]!) ? { asMuch: second } : {}) }
  if (other(first) && !other(second)) return { rank: second, ...(asLong(profiles[first]!, profiles[second]!) ? { asMuch: first } : {}) }
  return { tied: [first, second] }
}

/**
 * Whether a column's whole numbers are each at most their row's place in the
 * table (and 2), on nine rows in ten: ranks are (a row's rank counts the rows
 * above it, ties sharing one), and so are the ranks of a table that lost a row or two.
 */
function withinRows(p: Profile): boolean {
  let read = 0
  let within = 0
  p.ints.forEach((v, row) => {
    if (v === undefined) return
    read++
    if (v <= row + 3) within++
  })
  return read > 0 && within >= 0.9 * read
}

/**
 * A column of ranks that could be the rank as well as another: as many steps
 * from row to row (as much evidence of its order), none far past the other's
 * last rank (as ranks after style control reach, `styleRankLike`: not glued
 * spreads such as `714`).
 */
function asLong(p: Profile, than: Profile): boolean {
  return steps(p.ints).pairs >= steps(than.ints).pairs && max(p.ints) <= 2 * max(than.ints) + 20
}

export function layoutOf(table: Table, grid: readonly GridRow[]): Layout {
  const [head, ...rest] = grid
  const headerCells = head ? head.texts : []
  const headerless = looksLikeData(headerCells)
  const body = headerless ? [...grid] : rest
  const headerCopies = new Set(headerless ? [] : body.filter((r) => repeatsHeader(r.texts, headerCells)))
  const data = body.filter((r) => !isPlaceholder(r.texts) && !headerCopies.has(r))
  const width = Math.max(headerCells.length, ...data.map((r) => r.cells.length))
  // Rows that will be read: a ragged row's cells cannot be matched to columns.
  const rows = headerless ? data : data.filter((r) => r.cells.length >= headerCells.length && r.texts.slice(headerCells.length).every((t) => t.trim() === ''))
  const columns: Column[] = []
  const profiles: Profile[] = []
  const texts = Array.from({ length: width }, (_, i) => rows.map((r) => r.texts[i] ?? ''))
  const found = placeholdersOf(texts)
  const placeholders = new Set(found.map((p) => p.text))
  for (let i = 0; i < width; i++) {
    const filled = placeholders.size ? texts[i]!.map((t) => (placeholders.has(clean(t)) ? '' : t)) : texts[i]!
    const unit = unitWord(filled)
    profiles.push(profileOf(i, unit ? filled.map((t) => withoutUnitWord(t, unit)) : filled, rows.map((r) => hasLink(r.cells[i]))))
    const header = headerless ? '' : (headerCells[i] ?? '').trim()
    const headedAs = headerless ? undefined : roleOfHeader(header)
    columns.push({ index: i, header, role: undefined, ...(headedAs ? { headedAs } : {}), ...(unit ? { unit } : {}) })
  }
  const hints = columns.map((c) => c.headedAs)
  const messages: Message[] = []
  for (const p of found) {
    const row = rows[p.first.row]!
    messages.push(message('placeholder-cells', cellPlace(row.cells[p.first.column], row.place), { value: p.text, cells: p.cells, headers: p.columns.map((c) => columns[c]!.header) }))
  }
  const headAt = (i: number) => cellPlace(table.children[0]?.children[i], place(table, START))
  const ambiguous = (i: number, roles: [Role, Role]): void => {
    messages.push(message('ambiguous-column', headAt(i), { header: columns[i]!.header, roles }))
  }

  // 1. The rank column, then what the ranks tell about the others (spreads, style-control ranks, votes).
  const before = { bound: rows.length }
  const { rank, tied, overruled, asMuch } = chooseRank(profiles, profiles.map((p) => allowedRoles(p, before)), profiles.map((p) => allowedRoles(p, before, true)), hints)
  if (tied) for (const i of tied) ambiguous(i, ['rank', 'rankStyleControl'])
  // Two columns of ranks as much in order as each other (a short table): the headers chose, which the cells cannot bear out.
  if (rank !== undefined && asMuch !== undefined) messages.push(message('rank-by-header', headAt(rank), { header: columns[rank]!.header, other: columns[asMuch]!.header }))
  const ranks = rank !== undefined ? profiles[rank]!.ints : undefined
  let bound = rows.length
  for (const r of ranks ?? []) if (r !== undefined && r > bound) bound = r
  const facts = { bound, ...(ranks ? { ranks } : {}) }
  const allowed = profiles.map((p) => allowedRoles(p, facts))
  const lenient = profiles.map((p) => allowedRoles(p, facts, true))
  for (const roles of [...allowed, ...lenient]) roles.delete('rank')
  const taken = new Set<Role>()
  if (rank !== undefined) {
    columns[rank]!.role = 'rank'
    taken.add('rank')
  }

  // 2. Headers choose among the roles the cells allow (any, when the cells say nothing).
  columns.forEach((col, i) => {
    const hint = hints[i]
    if (col.role || !hint || tied?.includes(i)) return
    const fits = (role: Role) => lenient[i]!.has(role) || silent(profiles[i]!)
    let role: Role | undefined = hint
    if (role === 'score' && taken.has('score')) role = 'metric'
    if (role === 'rank' && taken.has('rank')) role = allowed[i]!.has('rankSpread') ? 'rankSpread' : 'rankStyleControl'
    if (fits(role) && !(once(role) && taken.has(role))) {
      col.role = role
      if (once(role)) taken.add(role)
    }
  })

  // 2b. Two headers a translation swapped: a column read as its header says, and another whose header names
  // another role (read so, or not read at all: its cells do not bear it out), whose cells fit the two roles
  // swapped much better. Organizations and licenses are both words (a license column repeats a few values,
  // most often one); in a short table scores may pass for counts, and a model's name for an organization.
  const as = (i: number, role: Role) => strength(role, profiles[i]!)
  columns.forEach((_, i) => {
    for (let j = 0; j < columns.length; j++) {
      const [said, other] = [hints[i], hints[j]]
      if (i === j || !said || !other || said === other || columns[i]!.role !== said || !once(said) || !once(other) || family(said) === 'rank' || family(other) === 'rank') continue
      const read = columns[j]!.role
      if ((read !== undefined && read !== other) || tied?.includes(j) || !lenient[i]!.has(other) || !lenient[j]!.has(said)) continue
      const kept = as(i, said) + (read ? as(j, other) : 0)
      if (as(i, other) + as(j, said) - kept < SWAP_MARGIN) continue
      columns[i]!.role = other
      columns[j]!.role = said
      taken.add(other)
      return
    }
  })

  // 3. Cells decide the rest: the reading of the open columns that fits best, unless another fits as well.
  const open = columns.filter((c) => !c.role && !tied?.includes(c.index)).map((c) => c.index)
  const options = new Map(open.map((i) => [i, [...allowed[i]!].filter((r) => !(once(r) && taken.has(r)))]))
  const best = bestReading(open, options, profiles, taken)
  open.forEach((column, k) => {
    const role = best?.roles[k]
    if (!role) return
    const rival = bestReading(open, options, profiles, taken, { column, role })
    const other = rival?.roles[k]
    if (rival && other && best!.total - rival.total < MARGIN) {
      ambiguous(column, [role, other])
      return
    }
    columns[column]!.role = role
  })

  // What the headers said that the cells did not bear out; columns nothing explains.
  columns.forEach((col, i) => {
    const hint = hints[i]
    // Within the rank family too where the cells chose the rank over the header (`chooseRank`).
    const overrode = (i === rank || i === overruled) && overruled !== undefined
    if (hint && col.role && hint !== col.role && (family(hint) !== family(col.role) || overrode)) {
      messages.push(message('header-mismatch', headAt(i), { header: col.header, said: hint, read: col.role }))
    }
    if (!col.role && !headerless && !messages.some((m) => m.rule === 'ambiguous-column' && m.line === headAt(i).line && m.column === headAt(i).column)) {
      messages.push(message('unknown-column', headAt(i), { header: col.header }))
    }
  })
  // Columns of words or dates no header names, read by their cells alone: left out where the cells show another
  // column (a note on every row, a release date) than the one they looked like (`doubtful.ts`).
  const model = columns.find((c) => c.role === 'model')
  columns.forEach((col, i) => {
    if (headerless || hints[i] || (col.role !== 'organization' && col.role !== 'knowledgeCutoff')) return
    const doubt =
      col.role === 'organization'
        ? model && doubtfulOrganizations(texts[model.index]!, texts[i]!)
        : doubtfulCutoffs(texts[i]!.map((t) => {
            const read = readCutoff(t)
            return 'value' in read ? read.value : undefined
          }))
    if (!doubt) return
    messages.push(message('doubtful-column', headAt(i), { header: col.header, read: col.role, doubt }))
    col.role = undefined
  })
  // Measures beside the score (the agent board's percentages) are kept under stable keys.
  for (const col of columns) {
    const p = profiles[col.index]!
    if (col.role === 'score' || col.role === 'metric') col.style = p.style
    if ((col.role === 'rank' || col.role === 'rankStyleControl') && p.ordinal) col.ordinal = p.ordinal
    if (col.role === 'rankSpread' && p.spreadAffix) col.ordinal = p.spreadAffix
    if (col.role === 'model' && p.separator) col.separator = p.separator
    if (col.role === 'metric' || (col.role === 'score' && p.percent >= 0.5)) col.metric = metricKey(col.header, col.index)
  }
  // Two measures under one name (a translation that gave two columns one header): the cells cannot say which
  // is which (both percentages, say), and the row would keep one value under that name, the other lost. Neither is read.
  const byMetric = new Map<string, Column[]>()
  for (const col of columns) if (col.metric) byMetric.set(col.metric, [...(byMetric.get(col.metric) ?? []), col])
  for (const [metric, same] of byMetric) {
    if (same.length < 2) continue
    const first = same[0]!
    for (const col of same.slice(1)) messages.push(message('duplicate-column', headAt(col.index), { header: col.header, metric, first: { header: first.header, column: headAt(first.index).column } }))
    for (const col of same) {
      col.role = undefined
      delete col.metric
      delete col.style
    }
  }
  return { columns, headerless, body, width: headerless ? width : (table.children[0]?.children.length ?? 0), messages, placeholders, headerCopies }
}

export function isLeaderboard(layout: Layout): boolean {
  const roles = new Set(layout.columns.map((c) => c.role))
  return roles.has('model') && (roles.has('rank') || roles.has('score'))
}

export function columnOf(layout: Layout, role: Role): Column | undefined {
  return layout.columns.find((c) => c.role === role)
}
