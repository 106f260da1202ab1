import { describe, expect, it } from 'vitest'
import * as history from '../../src/model/history/index.js'
import * as charts from '../../src/render/charts/index.js'
import { seedSite } from '../site/helpers.js'
import { churn } from './fixtures.js'

describe('on the seed store, through the real pipeline', () => {
  it('takes the site model snapshots as they are and renders every chart', async () => {
    const site = await seedSite()
    const board = site.boards.find((b) => b.id === 'lmarena-text')!
    const t = history.leaderTimeline(board.snapshots)
    expect(t.reigns.map((r) => [r.leaders, r.from, r.until, r.days])).toEqual([
      [['grok-4.1-thinking'], '2025-11-18', '2025-11-19', 2],
      [['gemini-3-pro'], '2025-11-20', '2025-11-20', 1]
    ])
    const race = history.buildRace(board.snapshots)
    expect(race.days.map((d) => d.top.length)).toEqual([10, 10])
    const info = (id: string) => site.modelsById.get(id)
    const all = [charts.bumpChart(race, { id: 'r' }), charts.leaderTimelineChart(t, { id: 'l' }), charts.frontierChart(history.buildFrontier(board.snapshots, info), { id: 'f' })]
    for (const c of all) {
      expect(c.svg).toMatch(/^<svg class="chart [^"]+" viewBox=[^>]+role="img"[^>]*>.*<\/svg>$/)
      expect(c.table.rows.length).toBeGreaterThan(0)
    }
    const lives = history.boardLifecycles(board.snapshots)
    expect(lives.find((l) => l.model === 'gemini-3-pro')).toMatchObject({ first: '2025-11-20', daysAtTop: 1, status: 'listed' })
    expect(history.compareSpans(board.snapshots).map((s) => s.span.id)).toEqual(['all']) // 2 days apart: no snapshot a week back
  }, 60_000) // parsing the seeds takes seconds on a busy machine

  it('condensing twice changes nothing; charts of no snapshot are empty but valid', () => {
    const once = history.condenseRace(history.buildRace(churn(200)))
    expect(once.days.length).toBeLessThan(200)
    expect(history.condenseRace(once)).toEqual(once)
    const empty = charts.bumpChart(history.buildRace([]), { id: 'e', boardTitle: 'Empty' })
    expect(empty.caption).toBe('No snapshot of Empty yet.')
    expect(empty.svg).toMatch(/<\/svg>$/)
  })
})
