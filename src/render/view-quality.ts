import { count, formatNumber } from '../core/text.js'
import type { QualityPart } from '../model/quality.js'
import type { Disagreement, LinkedRename } from '../registry/types.js'
import { visible } from '../diagnostics/quote.js'
import { renameText } from './view-model.js'
import { boardTitle, sourceInfo } from '../core/sources.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { rules } from '../diagnostics/rules.js'
import { paths } from './urls.js'
import { layoutView, type LayoutView } from './view-layout.js'
import { link, numberCell, plainRow, type Context, type Table } from './view-table.js'
import { provenanceView } from './view-board.js'
import { archiveOf } from '../core/archives.js'

export interface QualityFileView {
  file: string
  published: boolean
  snapshots: { text: string; href?: string }[]
  summary: string
  diagnostics: { place: string; severity: string; rule: string; title: string; message: string }[]
  /** What the page leaves out of a file with more than `SHOWN_PER_FILE` diagnostics: how many, of which rules, on which lines. */
  more?: string
}

/**
 * Diagnostics a data-quality page lists for one file; the rest are counted
 * by rule. Upstream's files have at most 48; a crafted file can have one per
 * row of 20,000, which would make its month's page megabytes.
 */
export const SHOWN_PER_FILE = 50

/** `and 250 more, on lines 61–20,011: 240 corrupted-token, 10 ragged-row`. */
function moreText(hidden: readonly Diagnostic[]): string | undefined {
  if (hidden.length === 0) return undefined
  const byRule = new Map<string, number>()
  for (const d of hidden) byRule.set(d.rule, (byRule.get(d.rule) ?? 0) + 1)
  const rulesText = [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([rule, n]) => `${formatNumber(n)} ${rule}`)
  let from = Infinity
  let to = -Infinity
  for (const d of hidden) {
    from = Math.min(from, d.line)
    to = Math.max(to, d.line)
  }
  return `and ${formatNumber(hidden.length)} more, on ${from === to ? `line ${formatNumber(from)}` : `lines ${formatNumber(from)}–${formatNumber(to)}`}: ${rulesText.join(', ')}`
}

export interface DisagreementView {
  snapshot: string
  href?: string
  model: string
  modelHref?: string
  field: string
  kept: string
  values: { file: string; place: string; value: string }[]
}

/** `/data-quality/`: totals, one row per source and month, the registry's findings and every name repair. */
export interface QualityView {
  layout: LayoutView
  counts: { label: string; value: number }[]
  parts: Table
  /** How the counts above add up from the parts. */
  partsNote: string
  registry: { place: string; severity: string; rule: string; message: string }[]
  repairs: { from: string; to: string; rule: string; name: string; href: string }[]
  /** Naming-scheme switches, once each (their renames folded away), then the other renames. */
  renames: {
    switches: { title: string; renames: RenameLine[] }[]
    single: RenameLine[]
  }
}

interface RenameLine {
  from: string
  to: string
  name: string
  href: string
  text: string
}

/** `/data-quality/<source>/<month>/`: the files of one source dated in one month, and its disagreements. */
export interface QualityPartView {
  layout: LayoutView
  heading: string
  counts: { label: string; value: number }[]
  indexHref: string
  previous?: { text: string; href: string }
  next?: { text: string; href: string }
  files: QualityFileView[]
  registry: { place: string; severity: string; rule: string; title: string; message: string }[]
  disagreements: DisagreementView[]
}

/** A value as a page shows it: raw spellings with their invisible characters made visible (`\u{2066}`), as on model pages. */
function show(value: unknown): string {
  return value === undefined ? '(missing)' : typeof value === 'string' ? visible(value) : JSON.stringify(value)
}

/** `LMArena Text, 2025-11` (files outside the store convention: `Other files`). */
export function partTitle(part: Pick<QualityPart, 'source' | 'month'>): string {
  return part.source === 'other' ? 'Other files' : `${sourceInfo(part.source)?.title ?? part.source}, ${part.month}`
}

export function qualityView(ctx: Context): QualityView {
  const q = ctx.site.quality
  const renameLine = (l: LinkedRename): RenameLine => ({
    from: l.names[0],
    to: l.names[1],
    name: ctx.site.modelsById.get(l.model)?.name ?? l.model,
    href: link(ctx, paths.model(l.model)),
    text: renameText(l.evidence)
  })
  return {
    layout: layoutView(ctx, {
      title: 'Data quality',
      description: 'What leaderlog found wrong in the upstream pages, what it repaired, and where language versions disagree.',
      section: 'quality',
      crumbs: [{ label: 'Data quality' }]
    }),
    counts: [
      { label: 'Errors', value: q.counts.errors },
      { label: 'Warnings', value: q.counts.warnings },
      { label: 'Files not published', value: q.counts.unpublished },
      { label: 'Name repairs', value: q.counts.repairs },
      { label: 'Renames', value: q.counts.renames },
      { label: 'Disagreements', value: q.counts.disagreements }
    ],
    parts: {
      id: 'parts',
      caption: `Anomalies by source and month (${q.parts.length} pages)`,
      columns: [
        { key: 'page', label: 'Source and month', rowHeader: true },
        { key: 'files', label: 'Files with anomalies', numeric: true },
        { key: 'errors', label: 'Errors', numeric: true },
        { key: 'warnings', label: 'Warnings', numeric: true },
        { key: 'unpublished', label: 'Not published', numeric: true },
        { key: 'disagreements', label: 'Disagreements', numeric: true }
      ],
      rows: q.parts.map((p) =>
        plainRow([
          { text: partTitle(p), href: link(ctx, paths.qualityPart(p.source, p.month)) },
          numberCell(p.files.length),
          numberCell(p.counts.errors),
          numberCell(p.counts.warnings),
          numberCell(p.counts.unpublished),
          numberCell(p.counts.disagreements)
        ])
      ),
      empty: 'No anomaly in any snapshot file.',
      notes: []
    },
    partsNote: `The errors and warnings above are those of these pages${q.registryDiagnostics.length ? ` and the ${formatNumber(q.registryDiagnostics.length)} of the registry below, which concern no single file` : ''}; a disagreement between language versions is counted once, as a disagreement.`,
    registry: q.registryDiagnostics.map((d) => ({ place: `${d.file}:${d.line}:${d.column}`, severity: d.severity, rule: d.rule, message: d.message })),
    repairs: q.repairs.map((r) => ({ from: visible(r.from), to: r.to, rule: r.rule, name: r.name, href: link(ctx, paths.model(r.model)) })),
    renames: {
      switches: q.renames.switches.map((sw) => ({ title: switchTitle(ctx, sw), renames: sw.renames.map(renameLine) })),
      single: q.renames.single.map(renameLine)
    }
  }
}

/**
 * Many renames between two snapshots: upstream switched naming scheme, or the
 * two snapshots take their names from different sources — an archive and
 * upstream's pages, or two archives (a snapshot's names are its first
 * language's: upstream's original, else an archive's).
 */
function switchTitle(ctx: Context, sw: { board: string; before: string; after: string; count: number }): string {
  const board = ctx.site.boards.find((b) => b.id === sw.board)
  const [before, after] = [sw.before, sw.after].map((date) => board?.snapshots.find((s) => s.date === date))
  const head = `${boardTitle(sw.board)}, ${sw.before} → ${sw.after}: ${count(sw.count, 'model')} renamed at once`
  return before && after && archiveOf(before.languages[0]!) !== archiveOf(after.languages[0]!)
    ? `${head}: the first snapshot is ${provenanceView(before).fromText}, the second ${provenanceView(after).fromText}; these sources spell the models differently`
    : `${head} (upstream switched naming scheme)`
}

export function qualityPartView(ctx: Context, index: number): QualityPartView {
  const parts = ctx.site.quality.parts
  const part = parts[index]!
  const published = new Set(ctx.site.boards.flatMap((b) => b.dates.map((d) => `${b.id}/${d}`)))
  const snapshotLink = (board: string, date: string) => ({
    text: `${boardTitle(board)} ${date}`,
    href: published.has(`${board}/${date}`) ? link(ctx, paths.snapshot(board, date)) : undefined
  })
  const sibling = (p: QualityPart | undefined) => (p && p.source === part.source ? { text: partTitle(p), href: link(ctx, paths.qualityPart(p.source, p.month)) } : undefined)
  const title = `Data quality: ${partTitle(part)}`
  return {
    layout: layoutView(ctx, {
      title,
      description: `What leaderlog found wrong in the ${partTitle(part)} captures, and where their language versions disagree.`,
      section: 'quality',
      crumbs: [{ label: 'Data quality', href: link(ctx, paths.quality()) }, { label: partTitle(part) }]
    }),
    heading: title,
    counts: [
      { label: 'Errors', value: part.counts.errors },
      { label: 'Warnings', value: part.counts.warnings },
      { label: 'Files not published', value: part.counts.unpublished },
      { label: 'Disagreements', value: part.counts.disagreements }
    ],
    indexHref: link(ctx, paths.quality()),
    previous: sibling(parts[index - 1]),
    next: sibling(parts[index + 1]),
    files: part.files.map((f) => ({
      file: f.file,
      published: f.published,
      snapshots: f.snapshots.map((s) => snapshotLink(s.board, s.date)),
      summary: `${count(f.errors, 'error')}, ${count(f.warnings, 'warning')}`,
      diagnostics: f.diagnostics.slice(0, SHOWN_PER_FILE).map((d) => ({ place: `${d.line}:${d.column}`, severity: d.severity, rule: d.rule, title: rules[d.rule].title, message: d.message })),
      more: moreText(f.diagnostics.slice(SHOWN_PER_FILE))
    })),
    registry: part.registry.map((d) => ({ place: `${d.file}:${d.line}:${d.column}`, severity: d.severity, rule: d.rule, title: rules[d.rule].title, message: d.message })),
    disagreements: part.disagreements.map((d: Disagreement) => {
      const s = snapshotLink(d.board, d.date)
      const m = ctx.site.modelsById.get(d.model)
      return {
        snapshot: s.text,
        href: s.href,
        model: m?.name ?? d.model,
        modelHref: m ? link(ctx, paths.model(m.id)) : undefined,
        field: d.field,
        kept: show(d.kept),
        values: d.values.map((v) => ({ file: v.file, place: `${v.line}:${v.column}`, value: show(v.value) }))
      }
    })
  }
}
