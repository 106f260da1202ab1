import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it, vi } from 'vitest'
import { openCache, pruneCache, UNUSED_ENTRY_DAYS } from '../../src/parse/cache.js'
import { openSignatures, SETTLE_MS, signatureOf } from '../../src/parse/signatures.js'
import { parsePage } from '../../src/parse/index.js'
import { loadSite, parseCacheDigest } from '../../src/pipeline/load-site.js'
import { copySeeds, snapshotsDir, tempDir } from '../helpers.js'

const seal = readFileSync(path.join(snapshotsDir, 'seal/2024-05-13.en.md'), 'utf8')
const result = parsePage(seal, { source: 'seal' })
/** A clock past the settling time of everything written so far. */
const later = () => Date.now() + SETTLE_MS + 1000
const signatureAt = (file: string, now = later()) => signatureOf(statSync(file, { bigint: true }), now)
/** A modification time a program can put back exactly (`utimes` takes milliseconds). */
const whole = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000)
/** Longer than a tick of file times (a few milliseconds on Linux). */
const tick = () => sleep(50)

describe('file signatures', () => {
  it('a file changed within SETTLE_MS has none; a settled file has one, and any write changes it', async () => {
    const dir = await tempDir()
    const file = path.join(dir, 'page.md')
    writeFileSync(file, 'score 1470\n')
    utimesSync(file, whole, whole)
    expect(signatureOf(statSync(file, { bigint: true }))).toBeUndefined()
    const before = signatureAt(file)
    expect(before).toMatch(/^\d+:\d+:\d+:\d+:\d+$/)
    expect(signatureAt(file)).toBe(before)
    // Edited in place, same size, its modification time put back: its change time still moved.
    const { mtimeNs } = statSync(file, { bigint: true })
    await tick()
    writeFileSync(file, 'score 1471\n')
    utimesSync(file, whole, whole)
    expect(statSync(file).size).toBe(11)
    expect(statSync(file, { bigint: true }).mtimeNs).toBe(mtimeNs)
    expect(signatureAt(file)).not.toBe(before)
    expect(signatureOf(await stat(dir, { bigint: true }), later())).toBeUndefined()
  })

  it("a store's cache recalls the entry of a file unchanged since it was read, without reading it", async () => {
    const [dir, store, other] = await Promise.all([tempDir(), tempDir(), tempDir()])
    const file = path.join(store, 'page.md')
    writeFileSync(file, seal)
    const signature = signatureAt(file)!
    const first = openCache(dir, 'code-1', store)
    expect(first.recall('page.md', signature)).toBeUndefined()
    expect(first.get('page.md', seal, signature)).toBeUndefined()
    first.set('page.md', seal, result, signature)
    first.saveSignatures(true)
    expect(first.used.size).toBe(2)

    const second = openCache(dir, 'code-1', store)
    const recalled = second.recall('page.md', signature)
    expect(JSON.parse(JSON.stringify(recalled))).toEqual(JSON.parse(JSON.stringify(result)))
    expect(second.stats).toEqual({ hits: 1, misses: 0, unread: 1 })
    // Another signature, key, parser or store, or no store: nothing recalled, nothing counted.
    expect(second.recall('page.md', signature.replace(/^\d+/, '1'))).toBeUndefined()
    expect(second.recall('page.md', undefined)).toBeUndefined()
    expect(second.recall('other.md', signature)).toBeUndefined()
    expect(second.stats).toEqual({ hits: 1, misses: 0, unread: 1 })
    expect(openCache(dir, 'code-2', store).recall('page.md', signature)).toBeUndefined()
    expect(openCache(dir, 'code-1', other).recall('page.md', signature)).toBeUndefined()
    expect(openCache(dir, 'code-1').recall('page.md', signature)).toBeUndefined()

    // A damaged entry is not recalled (the file is read and parsed again); nor is anything from damaged signatures.
    const entry = [...first.used].find((f) => !f.includes('signatures'))!
    const signatures = openSignatures(dir, 'code-1', store).file
    const entryText = readFileSync(entry, 'utf8')
    writeFileSync(entry, entryText.replace('"rank":1', '"rank":2'))
    expect(openCache(dir, 'code-1', store).recall('page.md', signature)).toBeUndefined()
    writeFileSync(entry, entryText)
    expect(openCache(dir, 'code-1', store).recall('page.md', signature)).toBeDefined()
    const text = readFileSync(signatures, 'utf8')
    writeFileSync(signatures, text.replace('page.md', 'page.MD'))
    expect(openCache(dir, 'code-1', store).recall('page.md', signature)).toBeUndefined()
    expect(openCache(dir, 'code-1', store).recall('page.MD', signature)).toBeUndefined()
  })

  it('forgets the files a whole read did not see; a read of some sources keeps the others', async () => {
    const [dir, store] = await Promise.all([tempDir(), tempDir()])
    const entry = 'e'.repeat(64)
    const write = (keys: string[], whole: boolean) => {
      const s = openSignatures(dir, 'code', store)
      for (const key of keys) s.record(key, `sig-${key}`, entry)
      s.save(whole)
    }
    const known = (key: string) => openSignatures(dir, 'code', store).entry(key, `sig-${key}`) !== undefined
    write(['a/1.md', 'b/1.md'], true)
    write(['a/2.md'], false)
    expect(['a/1.md', 'a/2.md', 'b/1.md'].map(known)).toEqual([true, true, true])
    write(['a/2.md'], true)
    expect(['a/1.md', 'a/2.md', 'b/1.md'].map(known)).toEqual([false, true, false])
    // Nothing changed: the file is not written again.
    const file = openSignatures(dir, 'code', store).file
    const old = new Date(Date.now() - 86_400_000)
    utimesSync(file, old, old)
    write(['a/2.md'], true)
    expect(Math.round(statSync(file).mtimeMs)).toBe(old.getTime())
  })

  it('are pruned with the entries: kept while used, removed after UNUSED_ENTRY_DAYS, and nothing else touched', async () => {
    const [dir, store] = await Promise.all([tempDir(), tempDir()])
    const cache = openCache(dir, 'code', store)
    cache.set('page.md', seal, result, 'sig')
    cache.saveSignatures(true)
    const stale = openCache(dir, 'old-code', store)
    stale.set('page.md', seal + 'x', result, 'sig')
    stale.saveSignatures(true)
    const [used, unused] = [openSignatures(dir, 'code', store).file, openSignatures(dir, 'old-code', store).file]
    const foreign = path.join(dir, 'signatures', 'notes.json')
    await writeFile(foreign, 'mine')
    const now = Date.now()
    const age = new Date(now - (UNUSED_ENTRY_DAYS + 1) * 86_400_000)
    for (const f of [used, unused, foreign]) utimesSync(f, age, age)
    pruneCache(dir, cache.used, now)
    expect([used, unused, foreign].map((f) => existsSync(f))).toEqual([true, false, true])
    expect(statSync(used).mtimeMs).toBeGreaterThan(now - 1000)
  })
})

describe('a store read with signatures', () => {
  it('records every settled file, reads back what a fresh read gives, and sees a file edited in place with its size and modification time kept', async () => {
    const [store, cache] = await Promise.all([copySeeds(), tempDir()])
    const relative = 'lmarena-text/2025-11-18.en.md'
    const file = path.join(store, relative)
    const load = () => loadSite({ dir: store, shownAs: 'snapshots' }, { cache, threads: false })
    utimesSync(file, whole, whole)
    const fresh = await loadSite({ dir: store, shownAs: 'snapshots' }, { threads: false })
    // Just copied: no signatures yet; once the files settle, a read records them, and the next takes every file by them.
    // The clock is held at the copy for that read, however long a loaded machine takes to get to each file.
    const copied = Math.max(...(await readdir(store, { recursive: true })).map((f) => statSync(path.join(store, f)).ctimeMs))
    vi.useFakeTimers({ toFake: ['Date'], now: Math.ceil(copied) })
    const unsettled = await load().finally(() => vi.useRealTimers())
    expect(existsSync(path.join(cache, 'signatures'))).toBe(false)
    await sleep(SETTLE_MS + 100)
    await load()
    const signatures = openSignatures(cache, parseCacheDigest(), store)
    const stored = unsettled.checked.map((f) => f.path)
    expect(stored.length).toBeGreaterThanOrEqual(3)
    for (const f of stored) expect(signatures.entry(f, signatureAt(path.join(store, f))!), f).toMatch(/^[0-9a-f]{64}$/)
    const recalled = await load()
    expect(JSON.parse(JSON.stringify(recalled.checked))).toEqual(JSON.parse(JSON.stringify(fresh.checked)))
    expect(recalled.diagnostics).toEqual(fresh.diagnostics)
    expect(recalled.normalized).toEqual(fresh.normalized)

    // One score edited in place (same length), the modification time put back: read again.
    const text = await readFile(file, 'utf8')
    const edited = text.replace(/\| (1\d\d)(\d)(?=\D)/, (_, head: string, last: string) => `| ${head}${(Number(last) + 1) % 10}`)
    expect(edited).not.toBe(text)
    expect(edited.length).toBe(text.length)
    const { mtimeNs } = statSync(file, { bigint: true })
    await tick()
    await writeFile(file, edited)
    utimesSync(file, whole, whole)
    expect(statSync(file, { bigint: true }).mtimeNs).toBe(mtimeNs)
    // Read at once, the file is too recent to be known by its signature; read once it has settled, it is known as changed.
    await sleep(SETTLE_MS + 100)
    expect(signatureAt(file, Date.now())).toBeDefined()
    const after = await load()
    const rows = (site: typeof fresh) => site.checked.find((f) => f.path === relative)!.result.snapshots[0]!.rows.map((r) => r.score)
    expect(rows(after)).not.toEqual(rows(fresh))
    expect(rows(after)).toEqual(rows(await loadSite({ dir: store, shownAs: 'snapshots' }, { threads: false })))
  }, 120_000)
})
