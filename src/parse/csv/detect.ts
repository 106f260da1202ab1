import { isLeaderboardHeader } from './columns.js'
import { tokenize } from './tokenize.js'

/**
 * Is this capture a CSV leaderboard? Its first record must be a header naming
 * a model column and a rank or score column, with at least three columns
 * (a markdown page's first line never is: `# Title`, `| a | b |`).
 */
export function looksLikeCsv(content: string): boolean {
  const [head] = tokenize(content, 1).records
  return head !== undefined && head.fields.length >= 3 && isLeaderboardHeader(head.fields)
}
