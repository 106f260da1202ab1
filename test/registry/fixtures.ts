import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { NormalizeInput } from '../../src/registry/normalize.js'
import type { Row } from '../../src/schema/row.js'
import { tempDir } from '../helpers.js'

/**
 * Small stores and snapshots written for one rule each: a leaderboard page in
 * upstream's markdown (as the parser reads it), and parsed snapshots built
 * directly (as normalize receives them).
 */
export interface FixtureRow {
  name: string
  score: number
  votes: number
  ci?: number
  organization?: string
  license?: string
  /** Default: the row's place in the table, ties sharing the rank of equal scores. */
  rank?: number
  /** Upstream's rank spread: best and worst rank. */
  spread?: [number, number]
  preliminary?: boolean
}

/** Ranks as upstream gives them: equal scores share the rank. */
function ranked(rows: readonly FixtureRow[]): (FixtureRow & { rank: number })[] {
  return rows.map((r) => ({ ...r, rank: r.rank ?? 1 + rows.findIndex((x) => x.score === r.score) }))
}

/** An English LMArena text page of `date` holding `rows` (highest score first). */
export function page(date: string, rows: readonly FixtureRow[]): string {
  const lines = [
    '# LLM Arena Leaderboard (Live Update)',
    '',
    'This is a leaderboard generated through an automated process, based on Chatbot Arena (lmarena.ai) data.',
    '',
    `> **Data Update Time**: ${date} 08:08:22 UTC`,
    '',
    '## Leaderboard',
    '',
    '| Rank | Model | Score | 95% Confidence Interval (±) | Votes | Organization/Company | License |',
    '|-----:|:------|:------|:----------------------------|:------|:---------------------|:--------|'
  ]
  for (const r of ranked(rows)) lines.push(`| ${r.rank} | ${r.name} | ${r.score} | ±${r.ci ?? 5} | ${r.votes.toLocaleString('en-US')} | ${r.organization ?? 'Acme'} | ${r.license ?? 'Proprietary'} |`)
  lines.push('', '## Notes', '', 'Rank (UB): the upper bound of the model rank. Votes: the number of votes the model received.', '')
  return lines.join('\n')
}

/** A store directory with these files (`lmarena-text/<date>.en.md` → content) and, when given, a registry data file. */
export async function store(files: Record<string, string>, registry?: string): Promise<string> {
  const dir = await tempDir('leaderlog-fixture-')
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
    await writeFile(path.join(dir, file), content)
  }
  if (registry !== undefined) await writeFile(path.join(dir, 'registry.json'), registry)
  return dir
}

/** A parsed snapshot as normalize receives it, each cell placed on its own line. */
export function input(date: string, rows: readonly FixtureRow[], options: { language?: string; board?: string; declaredRows?: number; file?: string } = {}): NormalizeInput {
  const language = options.language ?? 'en'
  const board = options.board ?? 'lmarena-text'
  const full: Row[] = ranked(rows).map((r) => ({
    rank: r.rank,
    ...(r.spread ? { rankUpper: r.spread[0], rankLower: r.spread[1] } : {}),
    name: r.name,
    score: r.score,
    ciPlus: r.ci ?? 5,
    ciMinus: r.ci ?? 5,
    votes: r.votes,
    ...(r.organization ? { organization: r.organization } : {}),
    ...(r.license ? { license: r.license } : {}),
    ...(r.preliminary ? { preliminary: true } : {})
  }))
  return {
    file: options.file ?? `snapshots/${board}/${date}.${language}.md`,
    snapshot: {
      board,
      date,
      updatedAt: `${date}T08:08:22Z`,
      language,
      source: board,
      rows: full,
      places: full.map((_, i) => ({ row: [10 + i, 1], rank: [10 + i, 3], name: [10 + i, 9], score: [10 + i, 30], votes: [10 + i, 50] })),
      ...(options.declaredRows !== undefined ? { declaredRows: options.declaredRows } : {})
    }
  }
}

/** Twelve models that stay on the board, scores 1400 down to 1290, for rename tests to move around. */
export function board(votes = (i: number) => 20_000 + i * 1_000): FixtureRow[] {
  return Array.from({ length: 12 }, (_, i) => ({ name: `steady-${String.fromCharCode(97 + i)}`, score: 1400 - i * 10, votes: votes(i), ci: 5 }))
}

/** `rows` with `extra` placed by score (highest first). */
export function withRows(rows: readonly FixtureRow[], ...extra: FixtureRow[]): FixtureRow[] {
  return [...rows, ...extra].sort((a, b) => b.score - a.score)
}
