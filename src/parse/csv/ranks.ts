/**
 * What rank a CSV row carries.
 *
 * An archive's own `rank` column is kept as written; what it means is read
 * from the column itself: ranks counting 1, 2, 3, … down the file are the
 * rows' positions (the `lmarena_text` exports), anything else (shared ranks,
 * gaps) is upstream's rank copied by the archive (the `lmsys` exports'
 * `Rank (UB)`).
 *
 * A file without a rank column is ranked here by score, highest first, equal
 * scores sharing a rank and the next rank skipping as many places (standard
 * competition ranking: 1, 2, 2, 4).
 */
export function rankKind(ranksInFileOrder: readonly number[]): 'position' | 'upstream' {
  return ranksInFileOrder.every((rank, i) => rank === i + 1) ? 'position' : 'upstream'
}

/** Competition ranks of `scores` (same order as given). */
export function competitionRanks(scores: readonly number[]): number[] {
  const sorted = [...scores].sort((a, b) => b - a)
  const first = new Map<number, number>()
  sorted.forEach((score, i) => {
    if (!first.has(score)) first.set(score, i + 1)
  })
  return scores.map((score) => first.get(score)!)
}
