/** The history views of a board: pure functions of its snapshots, oldest first. */
export { compareSnapshots, compareSpans, standardSpans, type Comparison, type Span, type SpanId } from './compare.js'
export { buildFrontier, condenseFrontier, keptFrontier, leadingOrganizations, type Best, type Frontier, type FrontierDay, type ModelInfo, type OrganizationBest } from './frontier.js'
export { leaderTimeline, type LeaderTimeline, type Reign, type Streak } from './leaders.js'
export { boardLifecycles, DEFAULT_VOTES_RATIO, type Lifecycle, type LifecycleOptions, type LifecyclePoint } from './lifecycle.js'
export { buildRace, condenseRace, DEFAULT_TOP, type Race, type RaceDay, type RaceEntry, type RaceOptions, type RacePoint, type RaceRun, type RaceSeries, type RunEnd, type RunStart } from './race.js'
export { absence, chronological, coverage, DEFAULT_GAP_DAYS, isGap, ranked, type Absence, type GapOptions, type HistorySnapshot } from './snapshot.js'
export { canTell, isTied, overlaps, rankSpread, tieGroups, type Range, type TieGroup, type TieRule } from './ties.js'
