import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { copyFile, mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { pruneCache, UNUSED_ENTRY_DAYS } from '../../src/parse/cache.js'
import { openPacks, packInBuffer, PACKS_DIR, packOf, type Packs } from '../../src/parse/pack.js'
import { digest } from '../../src/core/digest.js'
import { loadSite, parseCacheDigest, type LoadedSite } from '../../src/pipeline/load-site.js'
import { snapshotsDir, tempDir } from '../helpers.js'

/** Days of the real history over two months, most of whose rows repeat the day before's. */
const days = ['2026-07-28', '2026-07-29', '2026-07-30', '2026-08-07', '2026-08-08', '2026-08-09']
const files = days.map((d) => `lmarena-text/${d}.zh.md`)

async function storeOfDays(of: readonly string[] = files): Promise<string> {
  const store = await tempDir()
  await mkdir(path.join(store, 'lmarena-text'))
  for (const f of of) await copyFile(path.join(snapshotsDir, f), path.join(store, f))
  return store
}

const load = (store: string, cache?: string) => loadSite({ dir: store, shownAs: 'snapshots' }, { cache, threads: false })
const json = (site: LoadedSite) => JSON.parse(JSON.stringify(site.checked)) as unknown
const packsIn = (cache: string) => readdirSync(path.join(cache, PACKS_DIR)).map((f) => path.join(cache, PACKS_DIR, f))
/** The cache's entries (not its packs nor signatures): removed, a read can only take what the packs hold. */
async function removeEntries(cache: string): Promise<void> {
  for (const name of readdirSync(cache)) if (/^[0-9a-f]{2}$/.test(name)) await rm(path.join(cache, name), { recursive: true })
}

/** Which rows and rows arrays of a read are one object: each object numbered in order of first sight. */
function sharing(site: LoadedSite): { rows: number[]; lists: number[] } {
  const ids = new Map<object, number>()
  const id = (o: object) => ids.get(o) ?? (ids.set(o, ids.size), ids.size - 1)
  const snapshots = site.checked.flatMap((f) => f.result.snapshots)
  return { lists: snapshots.map((s) => id(s.rows)), rows: snapshots.flatMap((s) => s.rows.map(id)) }
}

describe('parse-cache packs', () => {
  it('packs a store by source and month', () => {
    expect(packOf('lmarena-text/2026-08-09.zh.md')).toBe('lmarena-text/2026-08')
    expect(packOf('lmarena-text/2025-12-31.en-x-exports.md')).toBe('lmarena-text/2025-12')
    expect(packOf('seal/notes.md')).toBe('seal')
  })

  it('gives what the entries gave, every row and rows array shared as the read stage shares them, with no entry left', async () => {
    const [store, cache] = await Promise.all([storeOfDays(), tempDir()])
    const first = await load(store, cache)
    expect(first.contents.read.parsed).toBe(files.length)
    expect(packsIn(cache)).toHaveLength(2)
    const shared = sharing(first)
    // Most rows repeat the day before's: the read stage made them one object, and a whole day's rows one array.
    expect(new Set(shared.rows).size).toBeLessThan(shared.rows.length / 2)
    expect(new Set(shared.lists).size).toBeLessThan(shared.lists.length)

    await removeEntries(cache)
    const second = await load(store, cache)
    expect(second.contents.read.parsed).toBe(0)
    // Read: the buffer holds no pack of it, whose rows' interning would keep the whole store's rows alive.
    expect(packInBuffer()).toBeUndefined()
    expect(json(second)).toEqual(json(first))
    expect(sharing(second)).toEqual(shared)
    expect(second.diagnostics).toEqual(first.diagnostics)
    expect(second.normalized).toEqual(first.normalized)
    expect(json(second)).toEqual(json(await load(store)))
  })

  it('gives rows whose metrics are equal one metrics object, from packs and from entries', async () => {
    // The agent board's rows have six metrics each; on these days most rows change while their metrics stay.
    const agent = readdirSync(path.join(snapshotsDir, 'lmarena-agent')).map((f) => `lmarena-agent/${f}`)
    const store = await tempDir()
    await mkdir(path.join(store, 'lmarena-agent'))
    for (const f of agent) await copyFile(path.join(snapshotsDir, f), path.join(store, f))
    const metricsOf = (site: LoadedSite) => {
      const rows = site.checked.flatMap((f) => f.result.snapshots.flatMap((s) => s.rows)).filter((r) => r.metrics !== undefined)
      return { rows: new Set(rows).size, objects: new Set(rows.map((r) => r.metrics)).size, distinct: new Set(rows.map((r) => JSON.stringify(r.metrics))).size }
    }
    const cache = await tempDir()
    const first = await load(store, cache)
    expect(packsIn(cache)).toHaveLength(2)
    const fromPacks = await load(store, cache)
    expect(fromPacks.contents.read.parsed).toBe(0)
    expect(json(fromPacks)).toEqual(json(first))
    const counts = metricsOf(fromPacks)
    // Rows that differ (their votes) but repeat the metrics of another: without sharing, each would have its own.
    expect(counts.distinct).toBeLessThan(counts.rows)
    expect(counts.objects).toBe(counts.distinct)
    // Read from the entries alone (no pack), the same.
    for (const f of packsIn(cache)) await rm(f)
    const fromEntries = await load(store, cache)
    expect(fromEntries.contents.read.parsed).toBe(0)
    expect(json(fromEntries)).toEqual(json(first))
    expect(metricsOf(fromEntries)).toEqual(counts)
  })

  it("writes again only the pack of a file's month when the file changes, and reads the change", async () => {
    const [store, cache] = await Promise.all([storeOfDays(), tempDir()])
    await load(store, cache)
    const [july, august] = packsIn(cache)
      .map((f) => ({ f, bytes: readFileSync(f), time: statSync(f).mtimeMs }))
      .sort((a, b) => (a.bytes.includes('2026-07-28') ? -1 : b.bytes.includes('2026-07-28') ? 1 : 0))
    expect(july!.bytes.includes('2026-07-28')).toBe(true)
    const old = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000)
    for (const p of [july!, august!]) utimesSync(p.f, old, old)
    const edited = path.join(store, files.at(-1)!)
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/\| 1(\d)(\d\d) \(/, (_, a: string, b: string) => `| 1${(Number(a) + 1) % 10}${b} (`))
    const after = await load(store, cache)
    expect(after.contents.read.parsed).toBe(1)
    expect(Math.round(statSync(july!.f).mtimeMs)).toBe(old.getTime())
    expect(statSync(august!.f).mtimeMs).toBeGreaterThan(old.getTime())
    expect(readFileSync(july!.f)).toEqual(july!.bytes)

    await removeEntries(cache)
    const again = await load(store, cache)
    expect(again.contents.read.parsed).toBe(0)
    const fresh = await load(store)
    expect(json(again)).toEqual(json(fresh))
    expect(json(again)).not.toEqual(json(await load(await storeOfDays())))
  })

  it('reads the entries instead of a pack whose bytes lost their digest, and writes it again', async () => {
    const [store, cache] = await Promise.all([storeOfDays(), tempDir()])
    const first = await load(store, cache)
    const [pack] = packsIn(cache)
    const bytes = readFileSync(pack!)
    // A score in the pack changed, its digest line kept.
    const at = bytes.indexOf('"score":', 100) + '"score":'.length
    bytes[at] = bytes[at] === 0x31 ? 0x32 : 0x31
    writeFileSync(pack!, bytes)
    const damaged = await load(store, cache)
    expect(damaged.contents.read.parsed).toBe(0)
    expect(json(damaged)).toEqual(json(first))
    expect(readFileSync(pack!)).not.toEqual(bytes)
    await removeEntries(cache)
    const packed = await load(store, cache)
    expect(packed.contents.read.parsed).toBe(0)
    expect(json(packed)).toEqual(json(first))
  })

  it('gives each store its own entries when the packs of two stores are read in turn (one buffer holds the pack being read)', async () => {
    const other = ['2026-07-20', '2026-07-21', '2026-07-22', '2026-08-07'].map((d) => `lmarena-text/${d}.zh.md`)
    const [a, b, cacheA, cacheB] = await Promise.all([storeOfDays(), storeOfDays(other), tempDir(), tempDir()])
    const [siteA, siteB] = [await load(a, cacheA), await load(b, cacheB)]
    const code = parseCacheDigest()
    const open = (store: string, cache: string) => openPacks(cache, code, store, () => {}, new Set())
    const [packsA, packsB] = [open(a, cacheA), open(b, cacheB)]
    const take = (packs: Packs, store: string, key: string) => packs.take(key, digest(code, '\0', key, '\0', readFileSync(path.join(store, key), 'utf8')))
    // In turn, a file of one store then one of the other: each pack read pushes the other store's out of the buffer.
    const fromA: unknown[] = []
    const fromB: unknown[] = []
    for (let i = 0; i < files.length; i++) {
      fromA.push(take(packsA, a, files[i]!))
      if (i < other.length) fromB.push(take(packsB, b, other[i]!))
    }
    const results = (site: LoadedSite) => site.checked.map((f) => JSON.parse(JSON.stringify(f.result)) as unknown)
    expect(JSON.parse(JSON.stringify(fromA))).toEqual(results(siteA))
    expect(JSON.parse(JSON.stringify(fromB))).toEqual(results(siteB))
  })

  it('forgets packs no run used for a month, and keeps those it used', async () => {
    const [store, cache] = await Promise.all([storeOfDays(), tempDir()])
    await load(store, cache)
    const packs = packsIn(cache)
    const stale = path.join(cache, PACKS_DIR, `${'b'.repeat(32)}.json`)
    const half = path.join(cache, PACKS_DIR, `${'c'.repeat(32)}.json.4242.tmp`)
    const foreign = path.join(cache, PACKS_DIR, 'notes.txt')
    const now = Date.now()
    const day = 86_400_000
    for (const [f, days] of [[stale, UNUSED_ENTRY_DAYS + 1], [half, 2], [foreign, 400]] as const) {
      writeFileSync(f, 'x')
      utimesSync(f, new Date(now - days * day), new Date(now - days * day))
    }
    for (const p of packs) utimesSync(p, new Date(now - 90 * day), new Date(now - 90 * day))
    const report = pruneCache(cache, new Set(packs), now)
    expect(report.removed).toBe(2)
    expect(existsSync(stale)).toBe(false)
    expect(existsSync(half)).toBe(false)
    expect(existsSync(foreign)).toBe(true)
    for (const p of packs) expect(statSync(p).mtimeMs).toBeGreaterThan(now - 1000)
  })
})
