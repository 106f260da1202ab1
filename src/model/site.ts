import { compareText } from '../core/compare.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { NormalizeResult, RegistryModel } from '../registry/types.js'
import { buildBoards, siteToday, type Board } from './boards.js'
import { consecutiveDiffs, type SnapshotDiff } from './diffs.js'
import { buildHistories, type Histories } from './histories.js'
import { buildOrganizations, type Organization } from './organizations.js'
import { buildQuality, type Quality } from './quality.js'
import type { Event } from '../schema/events.js'
import { buildBoardHistories, type BoardHistory } from './board-history.js'

/** Everything the site shows, computed once from the normalized store. Pure. */
export interface SiteModel {
  /** The reference date for staleness (given, or the newest data date). */
  today: string | undefined
  boards: Board[]
  /** Per board id, diffs of consecutive snapshots, oldest first. */
  diffs: Map<string, SnapshotDiff[]>
  models: RegistryModel[]
  modelsById: Map<string, RegistryModel>
  histories: Histories
  organizations: Organization[]
  /** Organization name → slug (a former name too: the slug of the organization it is now). */
  organizationSlugs: Map<string, string>
  /** A former organization name (`findOrganizationRenames`) → the name it has now. */
  renamedOrganizations: Map<string, string>
  quality: Quality
  /** Dated events upstream (`events.json`), by date. */
  events: Event[]
  /** Per board id, its race, leaders, spans compared, lifecycles and frontier. */
  history: Map<string, BoardHistory>
}

export interface SiteInput {
  normalized: NormalizeResult
  /** Diagnostics of reading the store (parse, validate, checks across files). */
  fileDiagnostics: readonly Diagnostic[]
  files: readonly { file: string; snapshots: { board: string; date: string }[] }[]
  /** Files left out of the site because of blocking errors. */
  blocked: ReadonlySet<string>
  /** `YYYY-MM-DD`; defaults to the newest data date. */
  today?: string
  /** Dated events upstream (`events.json`). */
  events?: readonly Event[]
}

export function buildSiteModel(input: SiteInput): SiteModel {
  const { registry, snapshots, disagreements, diagnostics } = input.normalized
  const today = siteToday(snapshots, input.today)
  const boards = today ? buildBoards(snapshots, today) : []
  const models = [...registry.models].sort((a, b) => compareText(a.id, b.id))
  const organizations = buildOrganizations(models, input.normalized.organizationRenames)
  const modelsById = new Map(models.map((m) => [m.id, m]))
  const events = [...(input.events ?? [])]
  return {
    today,
    boards,
    diffs: new Map(boards.map((b) => [b.id, consecutiveDiffs(b.snapshots)])),
    models,
    modelsById,
    histories: buildHistories(boards),
    organizations,
    // A name an organization had before links to it too (a row keeps the name it was published with).
    organizationSlugs: new Map(organizations.flatMap((o) => [...o.formerly.map((f): [string, string] => [f.name, o.slug]), [o.name, o.slug]])),
    renamedOrganizations: new Map(organizations.flatMap((o) => o.formerly.map((f): [string, string] => [f.name, o.name]))),
    quality: buildQuality({
      diagnostics: input.fileDiagnostics,
      files: input.files,
      blocked: input.blocked,
      models,
      disagreements,
      registryDiagnostics: diagnostics,
      renames: input.normalized.renames
    }),
    events,
    history: buildBoardHistories(boards, modelsById, events)
  }
}
