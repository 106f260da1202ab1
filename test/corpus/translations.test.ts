import { describe, expect, it } from 'vitest'
import { countSeverities } from '../../src/diagnostics/diagnostic.js'
import { hasCorpus } from '../helpers.js'
import { expectRowsOrAnomaly } from './assertions.js'
import { corpusGroups, runGroup, table } from './run.js'

// The machine translations (en, fr, es, ja): every glitch upstream shipped.
describe.runIf(hasCorpus)('corpus: translations', () => {
  it('every version yields rows or a named anomaly', () => {
    const results = corpusGroups()
      .filter((g) => ['en', 'fr', 'es', 'ja'].includes(g.group))
      .flatMap((g) => runGroup(g.group, g.files))
    console.log('\n' + table(results) + '\n')
    expectRowsOrAnomaly(results)
    for (const lang of ['en', 'fr', 'es', 'ja']) {
      const rs = results.filter((r) => r.group === lang)
      expect(rs.length).toBeGreaterThan(100)
      // Most days translate cleanly; a clean day has a full table.
      const clean = rs.filter((r) => r.rows > 0 && countSeverities(r.messages).errors === 0)
      expect(clean.length / rs.length).toBeGreaterThan(0.3)
      expect(clean.every((r) => r.rows >= 150)).toBe(true)
    }
  }, 600_000)
})
