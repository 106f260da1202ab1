/**
 * The sources leaderlog knows: each is one upstream page, holding one or more boards.
 */
export interface SourceInfo {
  readonly id: string
  readonly title: string
  /** Adapter that parses this source's pages. */
  readonly format: 'lmarena' | 'seal'
  /** Boards this source publishes (a SEAL page has four). */
  readonly boards: readonly string[]
}

export const lmarenaCategories = ['text', 'agent', 'search', 'vision', 'code-webdev', 'text-to-image'] as const
export type LmarenaCategory = (typeof lmarenaCategories)[number]

const categoryTitles: Record<LmarenaCategory, string> = {
  text: 'LMArena Text',
  agent: 'LMArena Agent',
  search: 'LMArena Search',
  vision: 'LMArena Vision',
  'code-webdev': 'LMArena WebDev (code)',
  'text-to-image': 'LMArena Text-to-Image'
}

export const sealBoards = ['seal-coding', 'seal-instruction-following', 'seal-math', 'seal-spanish'] as const

export const sources: readonly SourceInfo[] = [
  ...lmarenaCategories.map((c) => ({
    id: `lmarena-${c}`,
    title: categoryTitles[c],
    format: 'lmarena' as const,
    boards: [`lmarena-${c}`]
  })),
  { id: 'seal', title: 'Scale SEAL', format: 'seal', boards: sealBoards }
]

export const sourceIds = sources.map((s) => s.id)

/** Every board of every source, in catalogue order. */
export const boardIds: readonly string[] = sources.flatMap((s) => s.boards)

export function sourceInfo(id: string): SourceInfo | undefined {
  return sources.find((s) => s.id === id)
}

const boardTitles: Record<string, string> = {
  ...Object.fromEntries(lmarenaCategories.map((c) => [`lmarena-${c}`, categoryTitles[c]])),
  'seal-coding': 'SEAL Coding',
  'seal-instruction-following': 'SEAL Instruction Following',
  'seal-math': 'SEAL Math',
  'seal-spanish': 'SEAL Spanish'
}

/** Human title of a board id; unknown boards get a title made from their id. */
export function boardTitle(board: string): string {
  return (
    boardTitles[board] ??
    board
      .split('-')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(' ')
  )
}
