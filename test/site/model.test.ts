import { beforeAll, describe, expect, it } from 'vitest'
import { buildBoards, siteToday, STALE_AFTER_DAYS } from '../../src/model/boards.js'
import { daysBetween } from '../../src/core/dates.js'
import { consecutiveDiffs, diffSnapshots, interval, isSignificant } from '../../src/model/diffs.js'
import { buildOrganizations, slugify } from '../../src/model/organizations.js'
import { buildHistories, datesOf, firstDate, historyJson, lastDate, pointsOf } from '../../src/model/histories.js'
import { blockedFiles } from '../../src/validate/publishable.js'
import type { SiteModel } from '../../src/model/site.js'
import type { ReconciledSnapshot } from '../../src/registry/types.js'
import { seedSite } from './helpers.js'

let site: SiteModel
const text = () => site.boards.find((b) => b.id === 'lmarena-text')!

beforeAll(async () => {
  site = await seedSite()
})

function row(snapshot: ReconciledSnapshot, name: string) {
  const r = snapshot.rows.find((x) => x.name === name)
  if (!r) throw new Error(`no row ${name} on ${snapshot.board} ${snapshot.date}`)
  return r
}

describe('boards', () => {
  it('groups the seeds into five boards, snapshots oldest first', () => {
    expect(site.boards.map((b) => [b.id, b.dates])).toEqual([
      ['lmarena-text', ['2025-11-18', '2025-11-20']],
      ['seal-coding', ['2024-05-13']],
      ['seal-instruction-following', ['2024-05-13']],
      ['seal-math', ['2024-05-13']],
      ['seal-spanish', ['2024-05-13']]
    ])
    expect(text().latest.date).toBe('2025-11-20')
  })

  it('takes "today" from the data, not the clock, and flags boards upstream stopped', () => {
    expect(site.today).toBe('2025-11-20')
    expect(text().stale).toBe(false)
    const seal = site.boards.find((b) => b.id === 'seal-math')!
    expect(seal.ageDays).toBe(daysBetween('2024-05-13', '2025-11-20'))
    expect(seal.stale).toBe(true)
  })

  it('honours an injected today: the text board goes stale a few days after its last snapshot', () => {
    const snapshots = site.boards.flatMap((b) => b.snapshots)
    expect(siteToday(snapshots, '2025-11-23')).toBe('2025-11-23')
    const fresh = buildBoards(snapshots, '2025-11-23').find((b) => b.id === 'lmarena-text')!
    expect(fresh.ageDays).toBe(STALE_AFTER_DAYS)
    expect(fresh.stale).toBe(false)
    expect(buildBoards(snapshots, '2025-11-24').find((b) => b.id === 'lmarena-text')!.stale).toBe(true)
  })
})

describe('diffs', () => {
  it('lmarena-text 2025-11-18 → 2025-11-20: exactly 4 entered, none left, grok-4.1-thinking 1 → 2', () => {
    const diffs = site.diffs.get('lmarena-text')!
    expect(diffs).toHaveLength(1)
    const d = diffs[0]!
    expect([d.from, d.to]).toEqual(['2025-11-18', '2025-11-20'])
    expect(d.entered.map((e) => e.name)).toEqual(['gemini-3-pro', 'gpt-5.1-high', 'gpt-5.1', 'hunyuan-vision-1.5-thinking'])
    expect(d.entered.map((e) => e.rank)).toEqual([1, 4, 15, 54])
    const hunyuan = site.modelsById.get(d.entered[3]!.model)!
    expect(hunyuan.organization).toBe('Tencent')
    expect(hunyuan.aliases).toContain('Tencenthunyuan-vision-1.5-thinking')
    expect(d.left).toEqual([])
    const grok = d.moved.find((m) => m.name === 'grok-4.1-thinking')!
    expect(grok.from.rank).toBe(1)
    expect(grok.to.rank).toBe(2)
    expect(grok.rankDelta).toBe(-1)
    expect(grok.scoreDelta).toBe(0)
    expect(grok.votesGained).toBe(3467 - 3298)
    expect(grok.significant).toBe(false)
    // Every model of the older snapshot is accounted for exactly once.
    const [before, after] = text().snapshots
    expect(d.moved.length + d.unchanged + d.left.length).toBe(before!.rows.length)
    expect(d.moved.length + d.unchanged + d.entered.length).toBe(after!.rows.length)
  })

  it('puts the biggest movers first', () => {
    const moved = site.diffs.get('lmarena-text')![0]!.moved
    const sizes = moved.map((m) => Math.abs(m.rankDelta))
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a))
    expect(sizes[0]).toBeGreaterThan(sizes[sizes.length - 1]!)
  })

  it('calls a move significant only when the confidence intervals do not overlap (real rows)', () => {
    const s = text().latest
    const gemini = row(s, 'gemini-3-pro') // 1498 ±11
    const grok = row(s, 'grok-4.1-thinking') // 1483 ±11
    expect(interval(gemini)).toEqual([1487, 1509])
    expect(isSignificant(gemini, grok)).toBe(false)
    const opus = row(s, 'claude-opus-4-1-20250805') // 1440 ±4
    expect(isSignificant(gemini, opus)).toBe(true)
    expect(isSignificant(opus, gemini)).toBe(true)
    // Touching intervals overlap: not significant.
    expect(isSignificant({ rank: 1, score: 10, ciPlus: 1, ciMinus: 1 }, { rank: 2, score: 12, ciPlus: 1, ciMinus: 1 })).toBe(false)
    // Unknown interval: never claimed significant.
    const { ciPlus: _drop, ...noCi } = gemini
    expect(isSignificant(noCi, opus)).toBe(false)
  })

  it('sees a model leave, a model enter and a significant jump in a derived snapshot', () => {
    const [, latest] = text().snapshots
    const base = latest!
    // The next day: the leader drops out, an old model jumps with a disjoint interval.
    const next: ReconciledSnapshot = {
      ...base,
      date: '2025-11-21',
      rows: base.rows
        .filter((r) => r.name !== 'gemini-3-pro')
        .map((r) => (r.name === 'gpt-5.1' ? { ...r, rank: 1, score: 1520, ciPlus: 5, ciMinus: 5, votes: (r.votes ?? 0) + 1000 } : r))
    }
    const d = diffSnapshots(base, next)
    expect(d.left.map((e) => e.name)).toEqual(['gemini-3-pro'])
    expect(d.entered).toEqual([])
    expect(d.moved[0]).toMatchObject({ name: 'gpt-5.1', from: { rank: 15, score: 1432 }, to: { rank: 1, score: 1520 }, rankDelta: 14, scoreDelta: 88, votesGained: 1000, significant: true })
    expect(consecutiveDiffs([base, next])).toEqual([d])
  })

  it('sees nothing but unchanged rows on a day whose ranks are the same, its scores and votes new', () => {
    const base = text().latest
    const next: ReconciledSnapshot = { ...base, date: '2025-11-21', rows: base.rows.map((r) => ({ ...r, score: (r.score ?? 0) + 3, votes: (r.votes ?? 0) + 500 })) }
    expect(diffSnapshots(base, next)).toEqual({ board: 'lmarena-text', from: base.date, to: '2025-11-21', entered: [], left: [], moved: [], unchanged: base.rows.length, belowTop: [], enteredTop: [], shownRows: {} })
    // One model a place down, the one below it a place up: a day of the same models in the same order is not enough.
    const swapped = next.rows.map((r, i) => (i === 3 ? { ...r, rank: r.rank + 1 } : i === 4 ? { ...r, rank: r.rank - 1 } : r))
    const moved = diffSnapshots(base, { ...next, rows: swapped }).moved.map((m) => `${m.name} ${m.rankDelta}`)
    expect(moved.sort()).toEqual([`${base.rows[3]!.name} -1`, `${base.rows[4]!.name} 1`].sort())
  })

  it('compares a model listed twice by its last row, as for any other day', () => {
    // Never published (reconciling keeps one row per model), but the diff must not depend on how the day is found.
    const base = text().latest
    const twice: ReconciledSnapshot = { ...base, rows: [...base.rows.slice(0, 2), { ...base.rows[0]!, rank: base.rows[1]!.rank + 1 }] }
    const d = diffSnapshots(twice, { ...twice, date: '2025-11-21' })
    expect(d.unchanged).toBe(2)
    expect(d.moved.map((m) => [m.name, m.from.rank, m.to.rank])).toEqual([[base.rows[0]!.name, base.rows[1]!.rank + 1, base.rows[0]!.rank]])
  })
})

describe('histories', () => {
  it('keeps every board a model is on, points oldest first', () => {
    const grok = site.histories.get(row(text().latest, 'grok-4.1-thinking').model)!
    expect([...grok.keys()]).toEqual(['lmarena-text'])
    expect(pointsOf(grok.get('lmarena-text')!)).toEqual([
      // The seeds' rank spreads: `1◄─►2`, then `1◄─►3`.
      { date: '2025-11-18', rank: 1, rankUpper: 1, rankLower: 2, score: 1483, ciPlus: 11, ciMinus: 11, votes: 3298 },
      { date: '2025-11-20', rank: 2, rankUpper: 1, rankLower: 3, score: 1483, ciPlus: 11, ciMinus: 11, votes: 3467 }
    ])
  })

  it('writes a history as the JSON of its points, each made from its row and date', () => {
    const a = { model: 'a', name: 'A', rank: 2, rankUpper: 1, rankLower: 3, score: 1500.5, ciPlus: 4, ciMinus: 5, votes: 1200, organization: 'Acme' }
    // One end of a spread alone is no spread; a row without a score has only its rank.
    const b = { model: 'a', name: 'A', rank: 3, rankUpper: 2, votes: 1300 }
    const c = { model: 'a', name: 'A "quoted"', rank: 1 }
    const history = new Map([
      ['lmarena-text', { on: ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'], runs: [0, 3], rows: [a, a, b, a] }],
      ['lmarena-vision', { on: ['2026-01-20', '2026-02-01'], runs: [1, 1], rows: [c] }]
    ])
    const points = [...history].map(([board, track]) => [board, pointsOf(track)] as const)
    expect(points[0]![1][2]).toEqual({ date: '2026-01-03', rank: 3, votes: 1300 })
    expect(points[0]![1][0]).toEqual({ date: '2026-01-01', rank: 2, rankUpper: 1, rankLower: 3, score: 1500.5, ciPlus: 4, ciMinus: 5, votes: 1200 })
    expect(historyJson(history)).toBe(JSON.stringify(points))
    // The same row on two dates: the second point has its own date.
    expect(JSON.parse(historyJson(history))[0][1][1].date).toBe('2026-01-02')
    expect(historyJson(new Map())).toBe('[]')
  })

  it('follows a SEAL model over the boards it is on', () => {
    const sonnet = row(site.boards.find((b) => b.id === 'seal-coding')!.latest, 'Claude 3.5 Sonnet').model
    const boards = [...site.histories.get(sonnet)!.keys()]
    expect(boards).toEqual(expect.arrayContaining(['seal-coding', 'seal-math']))
    for (const track of site.histories.get(sonnet)!.values()) {
      expect(track.rows.length).toBeGreaterThan(0)
      expect(datesOf(track)).toHaveLength(track.rows.length)
    }
  })

  it('keeps the dates of a track as runs of the board\'s dates: one a day, in order, the same snapshot twice included', () => {
    const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}`
    const r = (model: string, rank: number) => ({ model, name: model.toUpperCase(), rank })
    // `a` on days 1–3, not 4, then 5–6; listed twice on day 6; `b` on day 4 alone.
    const rows = [[r('a', 1)], [r('a', 1)], [r('a', 2)], [r('b', 1)], [r('a', 1)], [r('a', 1), r('a', 2)]]
    const snapshots = rows.map((list, i) => ({ board: 'lmarena-text', date: day(i + 1), updatedAt: null, languages: ['en'], sources: [], rows: list }))
    const boards = buildBoards(snapshots, day(6))
    const histories = buildHistories(boards)
    const a = histories.get('a')!.get('lmarena-text')!
    expect(a.on).toBe(boards[0]!.dates)
    expect(a.runs).toEqual([0, 2, 4, 5, 5, 5])
    expect(datesOf(a)).toEqual([day(1), day(2), day(3), day(5), day(6), day(6)])
    expect(pointsOf(a).map((p) => [p.date, p.rank])).toEqual([[day(1), 1], [day(2), 1], [day(3), 2], [day(5), 1], [day(6), 1], [day(6), 2]])
    expect([firstDate(a), lastDate(a)]).toEqual([day(1), day(6)])
    const b = histories.get('b')!.get('lmarena-text')!
    expect([b.runs, datesOf(b), firstDate(b), lastDate(b)]).toEqual([[3, 3], [day(4)], day(4), day(4)])
    expect([datesOf({ on: [], runs: [], rows: [] }), firstDate({ on: [], runs: [], rows: [] })]).toEqual([[], undefined])
  })
})

describe('organizations', () => {
  it('groups registry models by organization with unique URL slugs', () => {
    const orgs = buildOrganizations(site.models)
    expect(orgs.length).toBeGreaterThan(10)
    expect(new Set(orgs.map((o) => o.slug)).size).toBe(orgs.length)
    const anthropic = orgs.find((o) => o.name === 'Anthropic')!
    expect(anthropic.slug).toBe('anthropic')
    expect(anthropic.models.length).toBeGreaterThan(5)
    for (const o of orgs) expect(o.slug).toMatch(/^[a-z0-9][a-z0-9-]*$/)
  })

  it('slugs names of any script', () => {
    expect(slugify('DeepSeek AI')).toBe('deepseek-ai')
    expect(slugify('Zhipu.AI')).toBe('zhipu-ai')
    expect(slugify('智谱')).toMatch(/^u[0-9a-f-]+$/)
  })
})

describe('data quality', () => {
  it('blocks a file only for errors that spoil the whole snapshot', () => {
    const d = (rule: 'truncated-table' | 'corrupted-token', file: string) => ({ file, line: 1, column: 1, severity: 'error' as const, rule, message: '' })
    expect([...blockedFiles([d('truncated-table', 'a.md'), d('corrupted-token', 'b.md')])]).toEqual(['a.md'])
  })

  it('lists the seed repairs with the model they lead to', () => {
    const repair = site.quality.repairs.find((r) => r.from === 'Anthropicclaude-opus-4-1-20250805')!
    expect(repair.to).toBe('claude-opus-4-1-20250805')
    expect(site.modelsById.get(repair.model)!.organization).toBe('Anthropic')
  })
})
