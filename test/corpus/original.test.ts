import { describe, expect, it } from 'vitest'
import { hasCorpus } from '../helpers.js'
import { expectRowsOrAnomaly } from './assertions.js'
import { corpusGroups, runGroup, table } from './run.js'

// The Chinese original and the 2026 category pages: upstream's own output.
describe.runIf(hasCorpus)('corpus: Chinese original and category pages', () => {
  it('every version yields rows or a named anomaly', () => {
    const results = corpusGroups()
      .filter((g) => g.group === 'zh' || g.group.startsWith('zh-categories/'))
      .flatMap((g) => runGroup(g.group, g.files))
    console.log('\n' + table(results) + '\n')
    expectRowsOrAnomaly(results)
    // The original is clean: apart from its first empty stub, every version has a full table.
    const zh = results.filter((r) => r.group === 'zh')
    expect(zh.length).toBeGreaterThan(400)
    expect(zh.filter((r) => r.rows === 0).map((r) => r.file)).toEqual(['zh/2025-01-17T043758Z_4bb1b8c.md'])
    expect(zh.filter((r) => r.rows > 0).every((r) => r.rows >= 150)).toBe(true)
    // Each category page shows its top 30 and nothing else.
    const categories = results.filter((r) => r.group.startsWith('zh-categories/') && r.rows > 0)
    const shown = (r: (typeof categories)[number]) => r.rows + r.messages.filter((m) => m.rule === 'unranked-row').length
    expect(categories.filter((r) => r.messages.every((m) => m.severity !== 'error')).map(shown)).toEqual(categories.filter((r) => r.messages.every((m) => m.severity !== 'error')).map(() => 30))
    // Every category page is clean: its one unranked (AutoEval) row is told apart, not taken for a cut table.
    expect(categories.filter((r) => r.messages.some((m) => m.severity === 'error')).map((r) => r.file)).toEqual([])
  }, 600_000)
})
