import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareText } from '../../src/core/compare.js'
import { between, nameRelation, nameWordsOf, neighbours, pairCheck, sidesOf, type Check, type Continuing } from '../../src/registry/renames.js'
import type { ReconciledRow, ReconciledSnapshot } from '../../src/registry/types.js'

/**
 * `between` looks only at pairs of names alike or of one family, and finds a
 * row's neighbours by binary search: a board of 20,000 new rows took 37 s
 * and 1 GB of memory, every pair held. These tests hold it to the plain
 * reading of the rules: every pair checked, the neighbours filtered.
 */

const words = ['gpt', 'llama', 'claude', 'gemini', 'qwen', 'pro', 'mini', '4o', '3.1', '70b', 'preview', '0613', '20240620', 'chat']
const row = (model: string, rank: number, score: number | undefined, votes: number | undefined, ci?: number): ReconciledRow =>
  ({ model, name: model, rank, ...(score === undefined ? {} : { score }), ...(votes === undefined ? {} : { votes }), ...(ci === undefined ? {} : { ciPlus: ci, ciMinus: ci }) }) as ReconciledRow
const snapshot = (date: string, rows: ReconciledRow[]): ReconciledSnapshot => ({ board: 'lmarena-text', date, updatedAt: null, languages: ['en'], sources: [], rows }) as ReconciledSnapshot

/** The rules as the module comment states them, over every pair. */
function everyPair(p: ReconciledSnapshot, d: ReconciledSnapshot) {
  const sides = sidesOf(p, d)
  if (!sides) return { links: [], suggestions: [] }
  const { gone, appeared, continuing, band } = sides
  const naiveNear = (o: ReconciledRow) => {
    const above = continuing.filter((c) => c.before.rank < o.rank || (c.before.rank === o.rank && (c.before.score ?? 0) > (o.score ?? 0)))
    const below = continuing.filter((c) => !above.includes(c))
    return { above: above.slice(-3), below: below.slice(0, 3) }
  }
  const check = new Map(gone.map((o) => [o, new Map(appeared.map((n) => [n, pairCheck(o, n, { near: naiveNear(o), band, names: nameRelation(nameWordsOf(o), nameWordsOf(n)) })]))]))
  const strong = (c: Check) => c.votes === true && c.score === true && c.rank && (c.alike || (c.sameVotes && c.family))
  const compare = (a: Check, b: Check) => b.similarity - a.similarity || Number(b.sameVotes) - Number(a.sameVotes) || a.votesMove - b.votesMove
  const best = (list: { row: ReconciledRow; check: Check }[]) => {
    const sorted = [...list].sort((a, b) => compare(a.check, b.check))
    return sorted.length === 1 || (sorted.length > 1 && compare(sorted[0]!.check, sorted[1]!.check) < 0) ? sorted[0]!.row : undefined
  }
  const links: [string, string][] = []
  const suggestions: [string, string][] = []
  for (const o of gone) {
    const forO = appeared.filter((n) => strong(check.get(o)!.get(n)!)).map((n) => ({ row: n, check: check.get(o)!.get(n)! }))
    for (const n of appeared) {
      const c = check.get(o)!.get(n)!
      const numbers = [c.votes, c.score, c.rank].filter((x) => x === true).length
      if (strong(c)) {
        const forN = gone.filter((x) => strong(check.get(x)!.get(n)!)).map((x) => ({ row: x, check: check.get(x)!.get(n)! }))
        ;(best(forO) === n && best(forN) === o ? links : suggestions).push([o.model, n.model])
      } else if ((numbers === 3 && c.family) || (numbers === 2 && c.alike)) suggestions.push([o.model, n.model])
    }
  }
  return { links, suggestions }
}

const name = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((w) => w.join('-'))
const boards = fc
  .record({
    continuing: fc.uniqueArray(name, { maxLength: 8 }),
    gone: fc.uniqueArray(name, { maxLength: 6 }),
    appeared: fc.uniqueArray(name, { maxLength: 6 }),
    votes: fc.array(fc.integer({ min: 900, max: 1100 }), { minLength: 40, maxLength: 40 }),
    scores: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 40, maxLength: 40 }),
    moves: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 40, maxLength: 40 })
  })
  .map(({ continuing, gone, appeared, votes, scores, moves }) => {
    const all = new Set<string>()
    const keep = (list: string[], tag: string) => list.map((n) => `${n}-${tag}`).filter((n) => !all.has(n) && all.add(n))
    const c = keep(continuing, 'c')
    const g = keep(gone, 'g')
    const a = keep(appeared, 'a')
    // Before: continuing and gone rows interleaved; after: the continuing rows moved a little, the appeared ones where the gone ones were.
    const beforeRows = [...c, ...g].map((m, i) => row(m, i + 1, 1400 - 3 * i + scores[i]!, votes[i], 4))
    const afterRows = [...c.map((m, i) => row(m, Math.max(1, i + 1 + moves[i]!), 1402 - 3 * i + scores[i + 10]!, votes[i]! + 20, 4)), ...a.map((m, j) => row(m, c.length + j + 1 + moves[j + 20]!, 1400 - 3 * (c.length + j) + scores[j + 20]!, votes[c.length + j + (j % 2)], 4))]
    return [snapshot('2025-01-01', beforeRows), snapshot('2025-01-02', afterRows)] as const
  })

describe('rename tracking between two snapshots, at any size', () => {
  it('finds the links and suggestions of the rules read over every pair (property)', () => {
    let found = 0
    fc.assert(
      fc.property(boards, ([p, d]) => {
        const r = between(p, d)
        const expected = everyPair(p, d)
        expect(r.links.map((l) => [l.from, l.to])).toEqual(expected.links)
        expect(r.suggestions.map((l) => [l.from, l.to])).toEqual(expected.suggestions)
        found += r.links.length + r.suggestions.length
      }),
      { numRuns: 1500 }
    )
    // The boards make renames often enough for the comparison to mean something.
    expect(found).toBeGreaterThan(300)
  })

  it('finds a row’s neighbours as the rank and score order says (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ rank: fc.integer({ min: 1, max: 20 }), score: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }) }), { maxLength: 30 }), fc.integer({ min: 1, max: 22 }), fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }), (rows, rank, score) => {
        const continuing: Continuing[] = rows.map((r, i) => ({ before: row(`m${i}`, r.rank, r.score, 1), after: row(`m${i}`, r.rank, r.score, 1) }))
        continuing.sort((a, b) => a.before.rank - b.before.rank || (b.before.score ?? 0) - (a.before.score ?? 0) || compareText(a.before.model, b.before.model))
        const o = row('x', rank, score, 1)
        const above = continuing.filter((c) => c.before.rank < o.rank || (c.before.rank === o.rank && (c.before.score ?? 0) > (o.score ?? 0)))
        const below = continuing.filter((c) => !above.includes(c))
        expect(neighbours(continuing, o)).toEqual({ above: above.slice(-3), below: below.slice(0, 3) })
      }),
      { numRuns: 3000 }
    )
  })
})
