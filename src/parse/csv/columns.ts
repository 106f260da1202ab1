import type { CsvLayout } from '../../core/archives.js'
import type { Field } from './tokenize.js'

/**
 * What a CSV header names. Columns are found by name, in any order:
 * the exports' `rank,rank_stylectrl,model,arena_score|arena_elo,95_pct_ci,
 * votes,organization,license,knowledge_cutoff,url` and the ratings'
 * `key,Model,rating,License,Organization,date` (names compared without case;
 * spaces and hyphens read as `_`).
 */
export type Role = 'rank' | 'rankStyleControl' | 'name' | 'key' | 'score' | 'ci' | 'votes' | 'organization' | 'license' | 'knowledgeCutoff' | 'url' | 'date'

const roles: Record<string, Role> = {
  rank: 'rank',
  rank_ub: 'rank',
  rank_stylectrl: 'rankStyleControl',
  model: 'name',
  key: 'key',
  arena_score: 'score',
  arena_elo: 'score',
  rating: 'score',
  score: 'score',
  '95_pct_ci': 'ci',
  votes: 'votes',
  organization: 'organization',
  license: 'license',
  knowledge_cutoff: 'knowledgeCutoff',
  url: 'url',
  date: 'date'
}

export function roleOf(header: string): Role | undefined {
  const key = header.trim().toLowerCase().replace(/[\s-]+/g, '_')
  return Object.hasOwn(roles, key) ? roles[key] : undefined
}

export interface Header {
  /** The header's names, as written. */
  names: string[]
  /** Column index of each role (the first column naming it). */
  at: Partial<Record<Role, number>>
  /** Columns whose name says nothing we know, or repeats a role already taken: ignored. */
  ignored: number[]
  width: number
  layout: CsvLayout
  /** Roles a leaderboard needs that the header lacks (`name`; `rank` or `score`). */
  missing: ('name' | 'rank or score')[]
}

export function readHeader(fields: readonly Field[]): Header {
  const at: Header['at'] = {}
  const ignored: number[] = []
  fields.forEach((field, index) => {
    const role = roleOf(field.text)
    if (role && at[role] === undefined) at[role] = index
    else ignored.push(index)
  })
  const missing: Header['missing'] = []
  if (at.name === undefined) missing.push('name')
  if (at.rank === undefined && at.score === undefined) missing.push('rank or score')
  return { names: fields.map((f) => f.text.trim()), at, ignored, width: fields.length, layout: at.date !== undefined ? 'ratings' : 'export', missing }
}

/** A header we can read a leaderboard from: a model column and a rank or score column. */
export function isLeaderboardHeader(fields: readonly Field[]): boolean {
  return fields.length >= 2 && readHeader(fields).missing.length === 0
}
