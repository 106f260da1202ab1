import { describe, expect, it } from 'vitest'
import { emptyData } from '../../src/registry/data.js'
import { normalize } from '../../src/registry/normalize.js'
import { board, input, withRows, type FixtureRow } from './fixtures.js'

/**
 * The registry counts every raw row: a model's name, organization and license
 * are the spellings most rows give, however many days repeat the same row
 * (normalize tallies each distinct row once, with its number).
 */
describe('the registry counts every row of every day', () => {
  const days = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05']
  const base: FixtureRow = { name: 'zeta-model', score: 1500, votes: 9_000, organization: 'Zeta Labs', license: 'MIT' }
  // Per field, a spelling on the first two days, the same row but for it on the next three: the second wins (the first
  // would win a tie, its code points being lower, and would take the others' count if rows differing only in it were one).
  const cases = [
    { field: 'name', loser: { name: 'Zeta-Model' }, winner: 'zeta-model' },
    { field: 'organization', loser: { organization: 'Beta Labs' }, winner: 'Zeta Labs' },
    { field: 'license', loser: { license: 'Apache 2.0' }, winner: 'MIT' }
  ] as const

  for (const { field, loser, winner } of cases) {
    it(`takes the ${field} most rows give, rows that differ only in it counted apart`, () => {
      const inputs = days.map((date, i) => input(date, withRows(board(), { ...base, ...(i < 2 ? loser : {}), votes: 9_000 + (i % 2) })))
      const model = normalize(inputs, emptyData).registry.models.find((m) => m.aliases.includes('zeta-model'))!
      expect(model[field]).toBe(winner)
    })
  }
})
