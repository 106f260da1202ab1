import { beforeAll, describe, expect, it } from 'vitest'
import { unchangedRuns } from '../../src/model/boards.js'
import type { SiteModel } from '../../src/model/site.js'
import type { ReconciledRow, ReconciledSnapshot } from '../../src/registry/types.js'
import { emptyData } from '../../src/registry/data.js'
import { normalize } from '../../src/registry/normalize.js'
import { LINE_TOLERANCE, linePoints } from '../../src/render/chart.js'
import { snapshotCsv } from '../../src/render/data.js'
import type { SiteFile } from '../../src/render/site.js'
import { filtersFor, type Table } from '../../src/render/view-table.js'
import { input, type FixtureRow } from '../registry/fixtures.js'
import { renderNormalized } from './helpers.js'

/**
 * What keeps the site small without losing data: a day that repeats the day
 * before's rows links to it instead of repeating the table; the JSON writes
 * its field names once; charts leave out the points of a level run; filter
 * options carry no value their text already gives.
 */
const rows: FixtureRow[] = Array.from({ length: 5 }, (_, i) => ({ name: `model-${'abcde'[i]}`, score: 1500 - i * 10, votes: 10_000 - i * 100, organization: i === 4 ? 'Two  Spaces' : 'Acme', ...(i === 1 ? { license: 'MIT' } : {}) }))
const moved: FixtureRow[] = rows.map((r) => (r.name === 'model-a' ? { ...r, score: 1502, votes: 10_500 } : r))

let site: SiteModel
let files: SiteFile[]
const file = (p: string) => files.find((f) => f.path === p)!.content
const text = (p: string) => file(p).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

beforeAll(() => {
  // 01 → 02 → 03 the same rows (upstream published nothing new), 04 new numbers, 05 as 04.
  const days = [
    ['2026-01-01', rows],
    ['2026-01-02', rows],
    ['2026-01-03', rows],
    ['2026-01-04', moved],
    ['2026-01-05', moved]
  ] as const
  const normalized = normalize(
    days.map(([date, r]) => input(date, r)),
    emptyData
  )
  ;({ site, files } = renderNormalized(normalized))
})

describe('a day that repeats the rows of the day before', () => {
  it('is known to the model, with the first day of its run', () => {
    expect([...site.boards[0]!.unchangedSince]).toEqual([
      ['2026-01-02', '2026-01-01'],
      ['2026-01-03', '2026-01-01'],
      ['2026-01-05', '2026-01-04']
    ])
  })

  it('links the first day with those rows instead of repeating the table', () => {
    const page = file('boards/lmarena-text/2026-01-03/index.html')
    expect(page).not.toContain('<table')
    expect(text('boards/lmarena-text/2026-01-03/index.html')).toContain('Unchanged: every row — models, ranks, scores, intervals, votes — is as on 2026-01-01 (2 days earlier)')
    expect(page).toContain('<a href="/boards/lmarena-text/2026-01-01/">2026-01-01</a>')
    // Its own data files, citation and neighbours stay.
    expect(page).toContain('href="/data/lmarena-text/2026-01-03.json"')
    expect(page).toContain('href="/data/lmarena-text/2026-01-03.csv"')
    expect(page).toContain('Cite this snapshot')
    expect(page).toContain('<meta name="description" content="LMArena Text leaderboard on 2026-01-03: 5 models, led by model-a, unchanged since 2026-01-01.">')
    expect(JSON.parse(file('data/lmarena-text/2026-01-03.json')).rows).toHaveLength(5)
  })

  it('keeps the table on a day with new numbers, and on the board page whatever the day', () => {
    expect(file('boards/lmarena-text/2026-01-01/index.html')).toContain('<table')
    expect(file('boards/lmarena-text/2026-01-04/index.html')).toContain('<table')
    // The latest snapshot (05) repeats 04: the board page still shows its standings.
    expect(file('boards/lmarena-text/2026-01-05/index.html')).not.toContain('<table')
    expect(file('boards/lmarena-text/index.html')).toContain('<table id="t-lmarena-text"')
  })

  it('is marked unchanged in the list of snapshots, the others link their changes', () => {
    const list = text('boards/lmarena-text/index.html')
    expect(list).toContain('2026-01-02 · 5 models · unchanged')
    // New numbers, the same order: its diff changes no rank.
    expect(list).toContain('2026-01-04 · 5 models · same ranks')
    expect(file('boards/lmarena-text/index.html')).toContain('<a href="/boards/lmarena-text/diff/2026-01-03_2026-01-04/">same ranks</a>')
  })
})

describe('the snapshot CSV', () => {
  it('of a repeated day is its own rows, made once per run of equal days', () => {
    const csv = (date: string) => file(`data/lmarena-text/${date}.csv`)
    for (const s of site.boards[0]!.snapshots) expect(csv(s.date)).toBe(snapshotCsv(s))
    expect(csv('2026-01-03')).toBe(csv('2026-01-01'))
    expect(csv('2026-01-04')).not.toBe(csv('2026-01-03'))
    expect(csv('2026-01-04').split('\r\n')[1]).toMatch(/^model-a,1,.*1502/)
    expect(csv('2026-01-05')).toBe(csv('2026-01-04'))
  })
})

describe('the snapshot JSON', () => {
  it('names its columns once and gives each row as an array, null where the row lacks a field', () => {
    const snap = JSON.parse(file('data/lmarena-text/2026-01-04.json'))
    expect(snap.columns).toEqual(['model', 'rank', 'name', 'score', 'ciPlus', 'ciMinus', 'votes', 'organization', 'license'])
    expect(snap.rows[0]).toEqual(['model-a', 1, 'model-a', 1502, 5, 5, 10_500, 'Acme', null])
    expect(snap.rows[1]).toEqual(['model-b', 2, 'model-b', 1490, 5, 5, 9_900, 'Acme', 'MIT'])
    expect(snap.rows[4]).toEqual(['model-e', 5, 'model-e', 1460, 5, 5, 9_600, 'Two  Spaces', null])
  })

  it('is each day the JSON of its own snapshot, byte for byte, the rows made once for a run of equal days', () => {
    const fields = ['rank', 'name', 'score', 'ciPlus', 'ciMinus', 'votes', 'organization', 'license'] as const
    for (const s of site.boards[0]!.snapshots) {
      const whole = { board: s.board, date: s.date, updatedAt: s.updatedAt, languages: s.languages, sources: s.sources, columns: ['model', ...fields], rows: s.rows.map((r) => [r.model, ...fields.map((f) => r[f] ?? null)]) }
      expect(file(`data/lmarena-text/${s.date}.json`)).toBe(`${JSON.stringify(whole)}\n`)
    }
  })
})

describe('history charts', () => {
  it('leave out the points inside a level run, keeping both ends of it', () => {
    const points = linePoints([
      [0, 10],
      [1, 10],
      [2, 10],
      [3, 12],
      [4, 12],
      [5, 12.001],
      [6, 8]
    ])
    // 12 and 12.001 are the same height once rounded to what the SVG shows.
    expect(points).toEqual(['0,10', '2,10', '3,12', '5,12', '6,8'])
    expect(linePoints([[0, 1]])).toEqual(['0,1'])
    expect(linePoints([])).toEqual([])
  })

  it('leave out the points within a fraction of a pixel of the line drawn, keeping every turn', () => {
    // A slow drift: the middle points are within LINE_TOLERANCE of the line from the first to the last.
    const drift = Array.from({ length: 50 }, (_, i) => [i, 100 + i * 0.5 + (i % 2 && i < 49 ? LINE_TOLERANCE / 2 : 0)] as const)
    expect(linePoints(drift)).toEqual(['0,100', '49,124.5'])
    // One snapshot off the line by a little more is kept (with the points beside it, off the chords to it).
    const spike = linePoints(drift.map(([x, y]) => [x, x === 20 ? y + LINE_TOLERANCE * 2 : y] as const))
    expect(spike).toContain('20,111')
    expect(spike[0]).toBe('0,100')
    expect(spike.at(-1)).toBe('49,124.5')
    expect(spike.length).toBeLessThan(8)
  })

  it('draw a model whose score never moves with two points, not one a day', () => {
    const svg = file('models/model-c/index.html')
    const line = /<polyline class="chart-line" points="([^"]+)"/.exec(svg)![1]!
    expect(line.split(' ')).toHaveLength(2)
  })
})

describe('filter options', () => {
  it('carry a value only where their text alone would not give it', () => {
    const table = { rows: ['Acme', 'Two  Spaces', ' Lead'].map((org) => ({ org, license: '', open: '', search: '', cells: [] })) } as unknown as Table
    expect(filtersFor([table]).organizations).toEqual([{ text: ' Lead', value: ' Lead' }, { text: 'Acme' }, { text: 'Two  Spaces', value: 'Two  Spaces' }])
    const page = file('boards/lmarena-text/index.html')
    expect(page).toContain('<option>Acme</option>')
    expect(page).toContain('<option value="Two  Spaces">Two  Spaces</option>')
  })
})

describe('unchangedRuns', () => {
  const row = (model: string, rank: number, extra: Partial<ReconciledRow> = {}): ReconciledRow => ({ rank, name: model, score: 1500 - rank, votes: 100, model, ...extra })
  const snap = (date: string, rows: ReconciledRow[], extra: Partial<ReconciledSnapshot> = {}): ReconciledSnapshot => ({ board: 'b', date, updatedAt: null, languages: ['en'], sources: [`${date}.en.md`], rows, ...extra })
  const base = [row('a', 1), row('b', 2, { flags: [{ code: 'preliminary', mark: 'P', text: 'Preliminary' }] })]

  it('counts a day as unchanged only when every row and field its JSON publishes is the same', () => {
    const days = [
      snap('2026-01-01', base),
      // The same rows, fields in another order and an undefined field: unchanged (the JSON is the same).
      snap('2026-01-02', [{ model: 'a', votes: 100, score: 1499, name: 'a', rank: 1, license: undefined }, base[1]!]),
      // A flag dropped: changed.
      snap('2026-01-03', [base[0]!, row('b', 2)]),
      snap('2026-01-04', [base[0]!, row('b', 2)], { sources: ['other.md'], languages: ['fr'] }),
      // Only the top 1 published: changed.
      snap('2026-01-05', [base[0]!, row('b', 2)], { shownRows: 1 }),
      // Two models swap: changed.
      snap('2026-01-06', [row('b', 1), row('a', 2)], { shownRows: 1 }),
      snap('2026-01-07', [row('b', 1), row('a', 2)], { shownRows: 1 })
    ]
    expect([...unchangedRuns(days)]).toEqual([
      ['2026-01-02', '2026-01-01'],
      ['2026-01-04', '2026-01-03'],
      ['2026-01-07', '2026-01-06']
    ])
  })
})
