import { compareText } from '../core/compare.js'
import type { Row } from '../schema/row.js'
import { jaccard, nameWords } from './similarity.js'
import type { ReconciledRow, ReconciledSnapshot } from './types.js'

/**
 * Rename tracking. Upstream renames models (display names became model ids
 * around 2025-10, dates are added and dropped): between two consecutive
 * snapshots of a board, the model that disappears and the one that appears
 * with the same numbers are one model. The evidence is read against the
 * models that stayed (the continuing models), so a day when upstream
 * re-scored the whole board is judged by what it did to everyone:
 *  - votes: the same count, or a change within what the continuing models
 *    show (their ratio of new to old votes, 2nd to 98th percentile);
 *  - score: within the new row's interval of the old score moved as its
 *    neighbours moved (the continuing models ranked just above and below);
 *  - rank: between the new ranks of those neighbours.
 * All three, and alike names (half their words shared: `meta-llama-3.1-8b-instruct`
 * / `llama-3.1-8b-instruct`), or names of one family with exactly the same
 * votes: a link, when each is the other's best candidate (the more alike
 * name, the same votes, the votes that moved least). Weaker evidence (all three numbers for names of one
 * family only, two of three for alike names, a tie, a link the data file or
 * a shared snapshot forbids) is a suggestion for a maintainer. Names that
 * appear in one snapshot together are never linked.
 */
export interface RenameEvidence {
  board: string
  /** The last snapshot with the old name and the first with the new one. */
  before: string
  after: string
  rank: [number, number]
  score?: [number, number]
  votes?: [number, number]
  /** When two captures of one day show the row under two names (an archive and a page): their files. */
  sources?: [string, string]
}

export interface RenameCandidate {
  /** Ids of the model before and after (as their names give them). */
  from: string
  to: string
  /** Names shown before and after. */
  names: [string, string]
  evidence: RenameEvidence
  /** What the evidence lacks; empty for a link. */
  weak: string[]
}

export interface RenameSwitch {
  board: string
  before: string
  after: string
  /** Renames found between the two snapshots. */
  count: number
}

export interface Renames {
  /** Strong evidence, in date order: each is linked unless the data file or a shared snapshot forbids it. */
  links: RenameCandidate[]
  /** Weaker evidence, for `registry suggest`. */
  suggestions: RenameCandidate[]
  /** Days when many rows of a board were renamed at once (a naming-scheme switch). */
  switches: RenameSwitch[]
}

/** Continuing models on each side of a row whose moves predict its own. */
const NEIGHBOURS = 3
/** Ranks of slack around the neighbours' new ranks. */
const RANK_SLACK = 2
/** A board with at least this many renames between two snapshots switched naming scheme. */
export const SWITCH_RENAMES = 10

/** Rename candidates between every two consecutive snapshots of each board (`snapshots` sorted by board, then date). */
export function findRenames(snapshots: readonly ReconciledSnapshot[]): Renames {
  const links: RenameCandidate[] = []
  const suggestions: RenameCandidate[] = []
  const switches: RenameSwitch[] = []
  for (let k = 1; k < snapshots.length; k++) {
    const p = snapshots[k - 1]!
    const d = snapshots[k]!
    if (p.board !== d.board) continue
    const found = between(p, d)
    links.push(...found.links)
    suggestions.push(...found.suggestions)
    if (found.links.length >= SWITCH_RENAMES) switches.push({ board: d.board, before: p.date, after: d.date, count: found.links.length })
  }
  const order = (a: RenameCandidate, b: RenameCandidate) =>
    compareText(a.evidence.after, b.evidence.after) || compareText(a.evidence.board, b.evidence.board) || compareText(a.from, b.from) || compareText(a.to, b.to)
  return { links: links.sort(order), suggestions: suggestions.sort(order), switches }
}

export interface Continuing {
  before: ReconciledRow
  after: ReconciledRow
}

export interface Check {
  votes: boolean | undefined
  score: boolean | undefined
  rank: boolean
  /** Exactly the same vote count. */
  sameVotes: boolean
  /** Half the words of the names shared. */
  alike: boolean
  similarity: number
  /** One name's first word is a word of the other. */
  family: boolean
  /** How far the vote ratio is from 1. */
  votesMove: number
}

/** Names sharing this much of their words are alike (`athene-70b` / `athene-70b-0725`). */
export const ALIKE_NAMES = 0.5

/** What two consecutive snapshots of a board say about the rows that changed names. */
export interface Sides {
  /** Rows of the first that the second lacks, and of the second that the first lacks. */
  gone: ReconciledRow[]
  appeared: ReconciledRow[]
  /** The models in both, in order of rank before, then score down. */
  continuing: Continuing[]
  /** How far the continuing models' votes moved (`votesBand`). */
  band: [number, number] | undefined
}

/** The sides of `p` and the next snapshot `d`; undefined when no row left or none arrived. */
export function sidesOf(p: ReconciledSnapshot, d: ReconciledSnapshot): Sides | undefined {
  // Most days list the models of the day before in the same order: none left, none arrived, nothing to index.
  if (p.rows.length === d.rows.length && p.rows.every((r, i) => r.model === d.rows[i]!.model)) return undefined
  const after = new Set(d.rows.map((r) => r.model))
  const before = new Map(p.rows.map((r) => [r.model, r]))
  const gone = p.rows.filter((r) => !after.has(r.model))
  const appeared = d.rows.filter((r) => !before.has(r.model))
  if (gone.length === 0 || appeared.length === 0) return undefined
  const continuing: Continuing[] = d.rows.flatMap((r) => (before.has(r.model) ? [{ before: before.get(r.model)!, after: r }] : []))
  continuing.sort((a, b) => a.before.rank - b.before.rank || (b.before.score ?? 0) - (a.before.score ?? 0) || compareText(a.before.model, b.before.model))
  return { gone, appeared, continuing, band: votesBand(continuing) }
}

/** The renames between snapshot `p` and the next snapshot `d` of the same board. */
export function between(p: ReconciledSnapshot, d: ReconciledSnapshot): { links: RenameCandidate[]; suggestions: RenameCandidate[] } {
  const sides = sidesOf(p, d)
  if (!sides) return { links: [], suggestions: [] }
  const { gone, appeared, continuing, band } = sides
  // Each name's words once: a board of thousands of rows has millions of pairs.
  const wordsOf = new Map<ReconciledRow, NameWords>()
  for (const r of [...gone, ...appeared]) wordsOf.set(r, nameWordsOf(r))
  const strong = (c: Check) => c.votes === true && c.score === true && c.rank && (c.alike || (c.sameVotes && c.family))
  // The pairs that can come to something (a link or a suggestion needs alike names or names of one
  // family), in the order of the rows that appeared; the strong ones also by the row that appeared.
  const pairs = new Map<ReconciledRow, { row: ReconciledRow; check: Check }[]>()
  const strongFor = new Map<ReconciledRow, { row: ReconciledRow; check: Check }[]>()
  for (const o of gone) {
    const near = neighbours(continuing, o)
    const wo = wordsOf.get(o)!
    const list: { row: ReconciledRow; check: Check }[] = []
    for (const n of appeared) {
      const names = nameRelation(wo, wordsOf.get(n)!)
      if (!names.alike && !names.family) continue
      const check = pairCheck(o, n, { near, band, names })
      list.push({ row: n, check })
      if (strong(check)) {
        const forN = strongFor.get(n) ?? []
        forN.push({ row: o, check })
        strongFor.set(n, forN)
      }
    }
    pairs.set(o, list)
  }
  // Of several strong candidates, the one with the same votes, else the most alike name, else
  // the votes that moved least: when each is the other's unique best, they are linked.
  const best = (list: { row: ReconciledRow; check: Check }[]) => {
    const sorted = [...list].sort((a, b) => compareCandidates(a.check, b.check))
    return sorted.length === 1 || (sorted.length > 1 && compareCandidates(sorted[0]!.check, sorted[1]!.check) < 0) ? sorted[0]!.row : undefined
  }
  const links: RenameCandidate[] = []
  const suggestions: RenameCandidate[] = []
  for (const o of gone) {
    const forO = pairs.get(o)!.filter((x) => strong(x.check))
    const bestForO = best(forO)
    for (const { row: n, check: c } of pairs.get(o)!) {
      const candidate = (weak: string[]): RenameCandidate => ({ from: o.model, to: n.model, names: [o.name, n.name], evidence: evidence(p, d, o, n), weak })
      const numbers = [c.votes, c.score, c.rank].filter((x) => x === true).length
      if (strong(c)) {
        const forN = strongFor.get(n)!
        if (bestForO === n && best(forN) === o) links.push(candidate([]))
        else {
          const rivals = forO.length + forN.length - 2
          suggestions.push(candidate([`${rivals} other ${rivals === 1 ? 'candidate' : 'candidates'} with the same evidence`]))
        }
      } else if ((numbers === 3 && c.family) || (numbers === 2 && c.alike)) suggestions.push(candidate(lacking(c)))
    }
  }
  return { links, suggestions }
}

/** What two names say of their being one model's: how alike they are, and whether of one family. */
export type NameRelation = Pick<Check, 'similarity' | 'alike' | 'family'>

export function nameRelation(a: NameWords, b: NameWords): NameRelation {
  const similarity = jaccard(a.name, b.name)
  return { similarity, alike: similarity >= ALIKE_NAMES, family: firstWordShared(a.family, b.family) }
}

/** What the numbers of `o` (gone) and `n` (appeared), and their names, say of their being one model. */
export function pairCheck(o: Row, n: Row, context: { near: Neighbours; band: [number, number] | undefined; names: NameRelation }): Check {
  return {
    votes: votesAgree(o, n, context.band),
    score: scoreAgrees(o, n, context.near),
    rank: rankAgrees(n, context.near),
    sameVotes: o.votes !== undefined && o.votes === n.votes,
    ...context.names,
    votesMove: o.votes && n.votes !== undefined ? Math.abs(n.votes / o.votes - 1) : Infinity
  }
}

/** A name's words (`nameWords`) and its id's words (`words`: the first tells its family). */
export interface NameWords {
  name: Set<string>
  family: string[]
}

export function nameWordsOf(row: Pick<ReconciledRow, 'name' | 'model'>): NameWords {
  return { name: nameWords(row.name), family: words(row.model) }
}

/** Better evidence first: the same votes, then the more alike names, then the votes that moved least. */
function compareCandidates(a: Check, b: Check): number {
  return b.similarity - a.similarity || Number(b.sameVotes) - Number(a.sameVotes) || a.votesMove - b.votesMove
}

function lacking(c: Check): string[] {
  const out: string[] = []
  if (c.votes === undefined) out.push('votes unknown')
  else if (!c.votes) out.push('votes changed more than the other models')
  if (c.score === undefined) out.push('score unknown')
  else if (!c.score) out.push('score outside the interval')
  if (!c.rank) out.push('rank outside the neighbourhood')
  if (!c.alike && !(c.sameVotes && c.family)) out.push(c.family ? 'names of one family, little else alike' : 'names not alike')
  return out
}

/** Words of an id, version digits dropped (`llama2` is `llama`). */
function words(id: string): string[] {
  return id.split(/[-.]+/).map((w) => w.replace(/\d+$/, '')).filter((w) => /^[a-z][a-z0-9]*$/.test(w))
}

/** One name's first word is a word of the other (`palm-chat-bison-001` / `palm-2`, `aya-expanse-32b` / `c4ai-aya-expanse-32b`). */
export function oneFamily(a: string, b: string): boolean {
  return firstWordShared(words(a), words(b))
}

function firstWordShared(x: readonly string[], y: readonly string[]): boolean {
  return (x[0] !== undefined && y.includes(x[0])) || (y[0] !== undefined && x.includes(y[0]))
}

function evidence(p: ReconciledSnapshot, d: ReconciledSnapshot, o: Row, n: Row): RenameEvidence {
  return {
    board: d.board,
    before: p.date,
    after: d.date,
    rank: [o.rank, n.rank],
    ...(o.score !== undefined && n.score !== undefined ? { score: [o.score, n.score] as [number, number] } : {}),
    ...(o.votes !== undefined && n.votes !== undefined ? { votes: [o.votes, n.votes] as [number, number] } : {})
  }
}

/** How far votes moved for the models that stayed: the ratios a renamed model's votes may have moved by. */
function votesBand(continuing: readonly Continuing[]): [number, number] | undefined {
  const ratios = continuing.flatMap((c) => (c.before.votes && c.after.votes !== undefined ? [c.after.votes / c.before.votes] : [])).sort((a, b) => a - b)
  if (ratios.length < NEIGHBOURS) return undefined
  const at = (q: number) => ratios[Math.round(q * (ratios.length - 1))]!
  return [Math.min(1, at(0.02)) - 0.01, Math.max(1, at(0.98)) + 0.01]
}

function votesAgree(o: Row, n: Row, band: [number, number] | undefined): boolean | undefined {
  if (o.votes === undefined || n.votes === undefined) return undefined
  if (o.votes === n.votes) return true
  if (!band || o.votes === 0) return false
  const ratio = n.votes / o.votes
  return ratio >= band[0] && ratio <= band[1]
}

/** The continuing models ranked just above and just below `o` before. */
export type Neighbours = { above: Continuing[]; below: Continuing[] }

export function neighbours(continuing: readonly Continuing[], o: Row): Neighbours {
  // `continuing` is in order of rank, then score down: the rows above `o` are a prefix of it.
  const isAbove = (c: Continuing) => c.before.rank < o.rank || (c.before.rank === o.rank && (c.before.score ?? 0) > (o.score ?? 0))
  let low = 0
  let high = continuing.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (isAbove(continuing[mid]!)) low = mid + 1
    else high = mid
  }
  return { above: continuing.slice(Math.max(0, low - NEIGHBOURS), low), below: continuing.slice(low, low + NEIGHBOURS) }
}

/** The old score, moved as its neighbours' scores moved, is within the new row's interval. */
function scoreAgrees(o: Row, n: Row, near: { above: Continuing[]; below: Continuing[] }): boolean | undefined {
  if (o.score === undefined || n.score === undefined) return undefined
  const moves = [...near.above, ...near.below].flatMap((c) => (c.before.score !== undefined && c.after.score !== undefined ? [c.after.score - c.before.score] : [])).sort((a, b) => a - b)
  if (moves.length === 0) return undefined
  const median = moves.length % 2 ? moves[(moves.length - 1) / 2]! : (moves[moves.length / 2 - 1]! + moves[moves.length / 2]!) / 2
  const spread = (moves.at(-1)! - moves[0]!) / 2
  const halfInterval = Math.max(n.ciPlus ?? o.ciPlus ?? 0, n.ciMinus ?? o.ciMinus ?? 0)
  // Integer scores are rounded: one point of slack.
  const rounding = Number.isInteger(o.score) && Number.isInteger(n.score) ? 1 : 0
  return Math.abs(n.score - (o.score + median)) <= halfInterval + spread + rounding
}

/** The new rank lies between the new ranks of the old neighbours. */
function rankAgrees(n: Row, near: { above: Continuing[]; below: Continuing[] }): boolean {
  const low = near.above.length ? Math.min(...near.above.map((c) => c.after.rank)) - RANK_SLACK : 1
  const high = near.below.length ? Math.max(...near.below.map((c) => c.after.rank)) + RANK_SLACK : Infinity
  return n.rank >= low && n.rank <= high
}
