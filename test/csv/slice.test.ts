import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { looksLikeCsv, sliceByDate } from '../../src/parse/csv/index.js'
import { parsePage } from '../../src/parse/index.js'
import { snapshotsDir } from '../helpers.js'

describe('CSV slicing and recognition', () => {
  it('cuts a many-dates file into the header plus each date’s records, as written', () => {
    const content = 'key,Model,rating,date\r\nb,B,2,20230522\r\na,A,1,20230508\r\nc,"C\r\nc",3,20230508'
    expect(sliceByDate(content)).toEqual([
      { date: '2023-05-08', content: 'key,Model,rating,date\r\na,A,1,20230508\r\nc,"C\r\nc",3,20230508\r\n' },
      { date: '2023-05-22', content: 'key,Model,rating,date\r\nb,B,2,20230522\r\n' }
    ])
    expect(sliceByDate('rank,model,arena_score\n1,A,1\n')).toBeUndefined()
  })

  it('each slice parses alone to that date’s snapshot', () => {
    const content = 'key,Model,rating,License,Organization,date\na,A,1000.5,MIT,X,20230508\nb,B,990,MIT,Y,20230522\nc,C,1001,MIT,Z,20230508\n'
    const whole = parsePage(content).snapshots
    const sliced = sliceByDate(content)!.flatMap((s) => parsePage(s.content).snapshots)
    expect(sliced.map((s) => [s.date, s.rows])).toEqual(whole.map((s) => [s.date, s.rows]))
  })

  it('recognises CSV leaderboards by their header, never a markdown page', () => {
    expect(looksLikeCsv('rank,model,arena_elo,95_pct_ci\n1,a,1,+1/-1\n')).toBe(true)
    expect(looksLikeCsv('\uFEFFkey,Model,rating,License,Organization,date\n')).toBe(true)
    expect(looksLikeCsv('name,age,city\n')).toBe(false)
    for (const seed of ['lmarena-text/2025-11-18.en.md', 'lmarena-text/2025-11-20.fr.md', 'seal/2024-05-13.en.md']) {
      expect(looksLikeCsv(readFileSync(path.join(snapshotsDir, seed), 'utf8')), seed).toBe(false)
    }
  })
})
