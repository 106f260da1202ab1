import { describe, expect, it } from 'vitest'
import { competitionRanks, rankKind } from '../../src/parse/csv/ranks.js'

describe('CSV ranks', () => {
  it('derives ranks by score, highest first, equal scores sharing a rank (1, 2, 2, 4)', () => {
    expect(competitionRanks([1200, 1300, 1250, 1250, 1100])).toEqual([4, 1, 2, 2, 5])
    expect(competitionRanks([])).toEqual([])
  })

  it('reads a rank column counting 1, 2, 3, … as row positions, anything else as upstream ranks', () => {
    expect(rankKind([1, 2, 3, 4])).toBe('position')
    expect(rankKind([1, 2, 2, 4])).toBe('upstream')
    expect(rankKind([2, 3])).toBe('upstream')
  })
})
