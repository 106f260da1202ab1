import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { Row } from '../schema/row.js'
import type { OrganizationRename } from './organization-renames.js'
import type { RenameCandidate, RenameEvidence, RenameSwitch } from './renames.js'

/**
 * The contract between the registry (normalize stage) and the model/render
 * stages. The registry stage turns parsed snapshots into:
 *  - one registry of models (stable ids, aliases, repairs, per-board history),
 *  - one reconciled snapshot per (board, date) — language variants merged,
 *  - diagnostics for disagreements between variants.
 */

export interface Repair {
  /** Raw spelling as upstream published it, e.g. `Anthropicclaude-opus-4-1-20250805`. */
  from: string
  /** Repaired spelling, e.g. `claude-opus-4-1-20250805`. */
  to: string
  /** Rule id that made the repair, e.g. `glued-provider-prefix`. */
  rule: string
  /** For a `renamed` repair: where and how the numbers showed the old and the new name to be one model. */
  evidence?: RenameEvidence
}

export interface BoardPresence {
  /** First and last date (YYYY-MM-DD) the model is on the board. */
  first: string
  last: string
  bestRank: number
}

/** One model of the registry; the public shape of `dist/data/models.json` entries. */
export interface RegistryModel {
  /** Stable, URL-safe: `[a-z0-9][a-z0-9.-]*`. Never changes once published. */
  id: string
  name: string
  organization?: string
  /**
   * True when no row of the model names its organization and it was inferred
   * from its family (`claude-…` models are Anthropic's on every board that says so).
   */
  organizationInferred?: boolean
  license?: string
  /** SPDX id of the license where one exists (`Apache-2.0`, `MIT`). */
  spdx?: string
  /** Whether the weights are open; absent when unknown. */
  openWeights?: boolean
  /** Every raw spelling seen (sorted, deduplicated). */
  aliases: string[]
  boards: Record<string, BoardPresence>
  repairs: Repair[]
}

export interface Registry {
  models: RegistryModel[]
}

/** A row of a reconciled snapshot: the parsed row (name repaired) plus its registry id. */
export type ReconciledRow = Row & { model: string }

/** One snapshot per (board, date): the language variants of that day merged. */
export interface ReconciledSnapshot {
  board: string
  date: string
  updatedAt: string | null
  /** Languages merged, original first (zh, then en, then the rest). */
  languages: string[]
  /** Store files the rows came from (display paths), in the same order. */
  sources: string[]
  rows: ReconciledRow[]
  /**
   * The page shows only its top N rows (from 2026-07-29 upstream publishes the
   * top 30): a model missing from it is below the published top N, not gone.
   */
  shownRows?: number
  /**
   * What the rank column is when the rows come first from an archive whose
   * ranks are not upstream's: `position` (the archive's row order) or
   * `derived` (by leaderlog, from the ratings). Absent: upstream's rank.
   */
  rankShown?: 'position' | 'derived'
}

/** Two variants of one day disagree on a cell. */
export interface Disagreement {
  board: string
  date: string
  model: string
  field: string
  /** The value kept and where each value was found. */
  kept: unknown
  values: { file: string; line: number; column: number; value: unknown }[]
}

/** A rename linked by rename tracking, and the model it joined. */
export type LinkedRename = RenameCandidate & { model: string }

export interface NormalizeResult {
  registry: Registry
  snapshots: ReconciledSnapshot[]
  disagreements: Disagreement[]
  /** Positioned diagnostics (disagreements, registry data file errors). */
  diagnostics: Diagnostic[]
  /** What rename tracking found: links made, weaker evidence, naming-scheme switches. */
  renames: { links: LinkedRename[]; suggestions: RenameCandidate[]; switches: RenameSwitch[] }
  /** Organizations upstream renamed (`findOrganizationRenames`): the registry names each by its newest name. */
  organizationRenames: OrganizationRename[]
}
