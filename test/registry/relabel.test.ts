import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { nameKey } from '../../src/registry/keys.js'
import { originalFirst, reconcile, relabelled, repeated, replacedIds, type ReconcileResult, type Variant } from '../../src/registry/reconcile.js'
import { parseOptionsFor } from '../../src/store/check.js'
import { corpusParse, snapshotsDir } from '../helpers.js'

/**
 * Real days of the repository's store: five languages with and without
 * disagreements, a page and an archive of the same day, two archives, a page
 * alone.
 */
const days = [
  ['lmarena-text/2025-07-10.zh.md', 'lmarena-text/2025-07-10.en.md', 'lmarena-text/2025-07-10.es.md', 'lmarena-text/2025-07-10.fr.md', 'lmarena-text/2025-07-10.ja.md'],
  ['lmarena-text/2025-07-09.zh.md', 'lmarena-text/2025-07-09.en.md', 'lmarena-text/2025-07-09.es.md', 'lmarena-text/2025-07-09.fr.md', 'lmarena-text/2025-07-09.ja.md'],
  ['lmarena-text/2025-07-04.zh.md', 'lmarena-text/2025-07-04.en.md', 'lmarena-text/2025-07-04.fr.md', 'lmarena-text/2025-07-04.ja.md'],
  ['lmarena-text/2025-08-04.zh.md', 'lmarena-text/2025-08-04.en.md', 'lmarena-text/2025-08-04.fr.md', 'lmarena-text/2025-08-04.ja.md', 'lmarena-text/2025-08-04.en-x-exports.csv'],
  ['lmarena-text/2025-01-15.zh.md', 'lmarena-text/2025-01-15.en-x-ratings.csv'],
  ['lmarena-text/2024-08-23.en-x-exports.csv', 'lmarena-text/2024-08-23.en-x-ratings.csv'],
  ['lmarena-vision/2026-08-07.zh.md'],
  ['seal/2024-05-13.en.md']
]

function variantsOf(files: readonly string[]): Variant[] {
  return files.flatMap((file) =>
    corpusParse(readFileSync(path.join(snapshotsDir, file), 'utf8'), parseOptionsFor(file)).snapshots.map((snapshot) => ({
      file,
      snapshot,
      ids: snapshot.rows.map((row) => nameKey(row.name)),
      names: snapshot.rows.map((row) => row.name)
    }))
  )
}

const canon = { organization: (raw: string) => raw.trim(), license: (raw: string) => raw.trim() }

/** `reconcile` as normalize calls it: the ids the original shows are known. */
function reconciled(variants: readonly Variant[]): ReconcileResult {
  const known = new Set([...variants].sort(originalFirst)[0]!.ids)
  return reconcile(variants, canon, { known: (id) => known.has(id) })
}

/** Two one-to-one replacements of a day's ids: every id renamed; every id taking the next one's (a cycle: ids swap meanings). */
function replacements(variants: readonly Variant[]): Map<string, string>[] {
  const ids = [...new Set(variants.flatMap((v) => v.ids))].sort()
  return [new Map(ids.map((id) => [id, `renamed-${id}`])), new Map(ids.map((id, i) => [id, ids[(i + 1) % ids.length]!]))]
}

describe('relabelled: a reconciled day under new ids', () => {
  it('is what reconciling the day under those ids gives, or undefined when its diagnostics name the old ids', () => {
    let relabelledDays = 0
    let withVariants = 0
    let withDiagnostics = 0
    for (const files of days) {
      const variants = variantsOf(files)
      expect(variants.length, files[0]).toBeGreaterThan(0)
      const before = reconciled(variants)
      for (const ids of replacements(variants)) {
        const after = reconciled(variants.map((v) => ({ ...v, ids: v.ids.map((id) => ids.get(id)!) })))
        const got = relabelled(before, ids)
        if (before.diagnostics.length > 0) {
          expect(got, files[0]).toBeUndefined()
          withDiagnostics++
          continue
        }
        expect(JSON.stringify(got), files[0]).toBe(JSON.stringify(after))
        expect(got!.snapshot.rows.every((row, i) => row.model === ids.get(before.snapshot.rows[i]!.model))).toBe(true)
        relabelledDays++
        if (variants.length > 1) withVariants++
      }
    }
    // Both ways were taken, and a day of several variants was relabelled.
    expect(relabelledDays).toBeGreaterThanOrEqual(8)
    expect(withVariants).toBeGreaterThanOrEqual(6)
    expect(withDiagnostics).toBeGreaterThanOrEqual(2)
  })

  it('keeps rows whose id is not replaced as they were', () => {
    const variants = variantsOf(days[6]!)
    const before = reconciled(variants)
    const first = before.snapshot.rows[0]!.model
    const got = relabelled(before, new Map([[first, 'renamed']]))!
    expect(got.snapshot.rows[0]!.model).toBe('renamed')
    expect(got.snapshot.rows.slice(1)).toEqual(before.snapshot.rows.slice(1))
    expect(got.snapshot.rows[1]).toBe(before.snapshot.rows[1])
    expect(Object.keys(got.snapshot.rows[0]!).at(-1)).toBe('model')
  })
})

describe('replacedIds: when a reconciled day may be relabelled', () => {
  // Two variants of a day, their ids replaced; each row's id before is the variant's own.
  // The original and the Japanese translation of 2025-07-10, which shows names the original does not.
  const variants = variantsOf(days[0]!).filter((v) => v.snapshot.language === 'zh' || v.snapshot.language === 'ja')
  const known = new Set(variants[0]!.ids)
  const knownAfter = (ids: ReadonlyMap<string, string>) => new Set([...known].map((id) => ids.get(id) ?? id))
  const check = (ids: ReadonlyMap<string, string>, after = knownAfter(ids)) => {
    const now = variants.map((v) => ({ ...v, ids: v.ids.map((id) => ids.get(id) ?? id) }))
    return replacedIds(now, (v, i) => variants[now.indexOf(v)]!.ids[i]!, (id) => after.has(id), (id) => known.has(id))
  }
  const [a, b] = variants[0]!.ids

  it('lists the ids replaced one to one, each as known as before; none when none was', () => {
    expect(check(new Map())).toEqual(new Map())
    expect(check(new Map([[a!, 'renamed-a']]))).toEqual(new Map([[a!, 'renamed-a']]))
    // Two ids swapping meanings is one to one too.
    expect(check(new Map([[a!, b!], [b!, a!]]))).toEqual(new Map([[a!, b!], [b!, a!]]))
  })

  it('refuses two ids that became one, and an id whose being known changed', () => {
    expect(check(new Map([[a!, b!]]))).toBeUndefined()
    expect(check(new Map([[a!, 'renamed-a']]), known)).toBeUndefined()
    // An id only a translation shows, now known (a rename joined it to a model of the original).
    const onlyTranslated = variants[1]!.ids.find((id) => !known.has(id))
    expect(onlyTranslated).toBeDefined()
    expect(check(new Map(), new Set([...known, onlyTranslated!]))).toBeUndefined()
  })
})

describe('repeated: a day whose variants are the day before’s again', () => {
  /** The next day of `variants`: each page again, its rows the very rows array of the day before's, under the next day's file, date and update time. */
  const nextDay = (variants: readonly Variant[], declaredRows?: number): Variant[] =>
    variants.map((v) => ({
      ...v,
      file: v.file.replace(v.snapshot.date, '2030-01-02'),
      snapshot: { ...v.snapshot, date: '2030-01-02', updatedAt: '2030-01-02T08:00:00Z', ...(declaredRows !== undefined ? { declaredRows } : {}) }
    }))

  it('is what reconciling the day gives, with the day before’s rows array; undefined when the day before had diagnostics, disagreements or links', () => {
    let same = 0
    let refused = 0
    for (const files of days) {
      const variants = variantsOf(files)
      const before = reconciled(variants)
      for (const declared of [undefined, 30]) {
        const next = nextDay(variants, declared)
        const result = repeated(next, { variants, result: before })
        const quiet = before.diagnostics.length + before.disagreements.length + before.links.length + before.archiveLinks.length === 0
        if (!quiet) {
          expect(result, files[0]).toBeUndefined()
          refused++
          continue
        }
        expect(result, files[0]).toBeDefined()
        expect(JSON.stringify(result), files[0]).toBe(JSON.stringify(reconciled(next)))
        expect(result!.snapshot.rows, files[0]).toBe(before.snapshot.rows)
        same++
      }
    }
    // Both outcomes are seen on the real days.
    expect(same).toBeGreaterThanOrEqual(4)
    expect(refused).toBeGreaterThanOrEqual(4)
  })

  it('is undefined unless every variant has the day before’s rows array, language, ids and names', () => {
    const variants = variantsOf(['lmarena-vision/2026-08-07.zh.md'])
    const before = reconciled(variants)
    expect(before.diagnostics).toEqual([])
    const next = nextDay(variants)
    expect(repeated(next, { variants, result: before })).toBeDefined()
    // Equal rows, but another array: the page was not shared with the day before's (a row changed somewhere).
    expect(repeated(next.map((v) => ({ ...v, snapshot: { ...v.snapshot, rows: [...v.snapshot.rows] } })), { variants, result: before })).toBeUndefined()
    expect(repeated(next.map((v) => ({ ...v, snapshot: { ...v.snapshot, language: 'en' } })), { variants, result: before })).toBeUndefined()
    expect(repeated(next.map((v) => ({ ...v, ids: v.ids.map((id, i) => (i === 0 ? 'renamed' : id)) })), { variants, result: before })).toBeUndefined()
    expect(repeated(next.map((v) => ({ ...v, names: v.names.map((n, i) => (i === 0 ? 'Renamed' : n)) })), { variants, result: before })).toBeUndefined()
    expect(repeated([...next, ...next], { variants, result: before })).toBeUndefined()
  })
})
