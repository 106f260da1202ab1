import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SiteEntry } from '../../src/core/site-file.js'
import { renderDigest, templatesDir } from '../../src/render/eta.js'
import { KEYS_FILE, writeSiteAtomically } from '../../src/write/atomic.js'
import { createEta } from '../../src/render/eta.js'
import { historyFeeds } from '../../src/render/feed.js'
import { parseBaseUrl } from '../../src/render/urls.js'
import { modelFrame, modelPage, modelPageView } from '../../src/render/view-model.js'
import { buildSiteModel } from '../../src/model/site.js'
import { loadSite } from '../../src/pipeline/load-site.js'
import { snapshotsDir } from '../helpers.js'
import { listFiles, read, run, tempDir } from './helpers.js'

/**
 * Keyed files (`KeyedFile`): a page or data file known by a digest of what it
 * is made from is rendered only when that digest changes. The writer's side
 * (kept, linked, rendered), then the guarantee that matters: a site brought
 * up to date this way is byte for byte the site a build into an empty
 * directory writes, whatever changed in between.
 */

let work: string

beforeAll(async () => {
  work = await tempDir('keyed')
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

/** Keyed files whose `render` counts its calls (or throws, with `forbid`). */
function keyed(files: Record<string, [key: string, content: string]>, calls: string[], forbid = false): SiteEntry[] {
  return Object.entries(files).map(([p, [key, content]]) => ({
    path: p,
    key,
    render: () => {
      if (forbid) throw new Error(`rendered ${p}`)
      calls.push(p)
      return content
    }
  }))
}

const keysOf = (dir: string) => JSON.parse(gunzipSync(readFileSync(path.join(dir, KEYS_FILE))).toString('utf8')) as Record<string, [string, number]>

describe('the writer and keyed files', () => {
  it('renders a keyed file once; the next builds keep it, or link the previous site’s, without rendering it', async () => {
    const out = path.join(work, 'writer')
    const calls: string[] = []
    const files = { 'a/index.html': ['k1', '<p>a</p>'], 'data/b.csv': ['k2', 'x,y\r\n'] } satisfies Record<string, [string, string]>
    const first = await writeSiteAtomically(out, [...keyed(files, calls), { path: 'plain.txt', content: 'plain' }])
    expect(calls).toEqual(['a/index.html', 'data/b.csv'])
    expect(first).toMatchObject({ files: 3, unchanged: 0, bytes: 8 + 5 + 5 })
    expect(keysOf(out)).toEqual({ 'a/index.html': ['k1', 8], 'data/b.csv': ['k2', 5] })
    // Second build: no spare yet, the previous site's files are linked. Third: the spare's are kept.
    for (const reused of [false, true]) {
      const report = await writeSiteAtomically(out, [...keyed(files, calls, true), { path: 'plain.txt', content: 'plain' }])
      expect(report).toMatchObject({ files: 3, unchanged: 3, bytes: 18, reused })
      expect(read(out, 'a/index.html')).toBe('<p>a</p>')
      expect(read(out, 'data/b.csv')).toBe('x,y\r\n')
    }
    // The keys file is the writer's own: never listed as a file of the site, never written by a caller.
    await expect(writeSiteAtomically(out, [{ path: KEYS_FILE, content: '{}' }])).rejects.toThrow(/the writer's own file/)
  })

  it('renders a keyed file again when its key changes, links the previous site’s when only the spare is behind', async () => {
    const out = path.join(work, 'changes')
    const calls: string[] = []
    await writeSiteAtomically(out, keyed({ 'p.html': ['k1', 'one'] }, calls))
    await writeSiteAtomically(out, keyed({ 'p.html': ['k2', 'two!'] }, calls))
    expect(calls).toEqual(['p.html', 'p.html'])
    expect(read(out, 'p.html')).toBe('two!')
    // The spare holds k1's file, the site k2's: a third build of k2 links the site's file, never renders.
    const served = statSync(path.join(out, 'p.html')).ino
    await writeSiteAtomically(out, keyed({ 'p.html': ['k2', 'two!'] }, calls, true))
    expect(statSync(path.join(out, 'p.html')).ino).toBe(served)
    expect(read(out, 'p.html')).toBe('two!')
  })

  it('renders again a file whose size is not the one written under its key, and reads a damaged keys file as none', async () => {
    const out = path.join(work, 'tampered')
    const calls: string[] = []
    const files = { 'p.html': ['k1', 'one'], 'q.html': ['k2', 'two'] } satisfies Record<string, [string, string]>
    await writeSiteAtomically(out, keyed(files, calls))
    // Edited by hand (a new inode: the spare is not touched through a link).
    await rm(path.join(out, 'p.html'))
    await writeFile(path.join(out, 'p.html'), 'edited')
    await writeSiteAtomically(out, keyed(files, calls))
    expect(calls).toEqual(['p.html', 'q.html', 'p.html'])
    expect(read(out, 'p.html')).toBe('one')
    // Cut short: nothing can be kept by key, every file is rendered (and still left when its bytes are there).
    writeFileSync(path.join(out, KEYS_FILE), 'not gzip')
    cpSync(path.join(out, KEYS_FILE), path.join(path.dirname(out), `.${path.basename(out)}.spare`, KEYS_FILE))
    await writeSiteAtomically(out, keyed(files, calls))
    expect(calls.slice(3).sort()).toEqual(['p.html', 'q.html'])
    expect(keysOf(out)).toEqual({ 'p.html': ['k1', 3], 'q.html': ['k2', 3] })
  })

  it('writes no keys file for a site without keyed files, and removes the spare’s', async () => {
    const out = path.join(work, 'unkeyed')
    await writeSiteAtomically(out, keyed({ 'p.html': ['k1', 'one'] }, []))
    await writeSiteAtomically(out, [{ path: 'p.html', content: 'one' }])
    await writeSiteAtomically(out, [{ path: 'p.html', content: 'one' }])
    expect(existsSync(path.join(out, KEYS_FILE))).toBe(false)
    expect(listFiles(out)).toEqual(['.leaderlog', 'p.html'])
  })
})

describe('the render digest', () => {
  it('changes with any template or asset, and with nothing else of the folder', async () => {
    const views = path.join(work, 'templates')
    cpSync(templatesDir, views, { recursive: true })
    const before = renderDigest(views)
    expect(before).toBe(renderDigest(templatesDir))
    const edited = path.join(work, 'templates-edited')
    cpSync(templatesDir, edited, { recursive: true })
    await writeFile(path.join(edited, 'partials/table.eta'), (await readFile(path.join(edited, 'partials/table.eta'), 'utf8')) + '\n')
    expect(renderDigest(edited)).not.toBe(before)
    const asset = path.join(work, 'templates-asset')
    cpSync(templatesDir, asset, { recursive: true })
    await writeFile(path.join(asset, 'assets/site.css'), 'body{}')
    expect(renderDigest(asset)).not.toBe(before)
  })
})

/**
 * A store of real captures: the text board from 2026-07-22 (one day held
 * back, to be inserted later) and the agent board's first days.
 */
const text = ['2026-07-22', '2026-07-23', '2026-07-24', '2026-07-26', '2026-07-27', '2026-07-28'].map((d) => `lmarena-text/${d}.zh.md`)
const later = ['lmarena-text/2026-07-29.zh.md', 'lmarena-text/2026-07-30.zh.md', 'lmarena-agent/2026-08-07.zh.md']

/** Copy these files of the repository's store into `store`. */
async function copyInto(store: string, files: readonly string[]): Promise<void> {
  for (const file of files) {
    await mkdir(path.dirname(path.join(store, file)), { recursive: true })
    await copyFile(path.join(snapshotsDir, file), path.join(store, file))
  }
}

describe('a model page, keyed on its frame and its history', () => {
  let store: string
  beforeAll(async () => {
    store = path.join(work, 'frames')
    // The text board's top-30 pages of 2026-08-08 and -09 put 353 lines below its published top 30.
    await copyInto(store, [...text, ...later, 'lmarena-text/2026-08-08.zh.md', 'lmarena-text/2026-08-09.zh.md', 'registry.json', 'sources.json', 'events.json'])
  })

  it('is made the same from its frame’s JSON; its key changes with any field of any point', async () => {
    const site = buildSiteModel({ ...(await loadSite({ dir: store, shownAs: 'snapshots' })), today: '2026-08-10' })
    const base = parseBaseUrl('https://example.org/ll/')
    const feeds = historyFeeds(site, base)
    const ctx = { base, site, ...(feeds ? { feeds } : {}) }
    const eta = createEta()
    expect(site.models.length).toBeGreaterThan(100)
    let charts = 0
    let below = 0
    for (const model of site.models) {
      const frame = modelFrame(ctx, model)
      const html = eta.render('model', modelPage(ctx, model).view())
      charts += frame.boards.filter((b) => b.track.rows.length > 0).length
      below += frame.boards.filter((b) => b.shown.some((n) => n !== null)).length
      // Plain data: what the frame holds is what the page shows.
      expect(eta.render('model', modelPageView(base, JSON.parse(JSON.stringify(frame)) as typeof frame)), model.id).toBe(html)
      // The points the key names by their digest are the model's history, every board of it.
      const history = site.histories.get(model.id)
      for (const b of frame.boards) expect(b.track, `${model.id} on ${b.id}`).toBe(history?.get(b.id) ?? b.track)
      expect(frame.boards.filter((b) => b.track.rows.length > 0).map((b) => b.id).sort()).toEqual([...(history?.keys() ?? [])].sort())
    }
    expect(charts).toBeGreaterThan(100)
    expect(below, 'boards with lines below a published top N').toBeGreaterThan(100)

    // One field of one point changed, in a history of its own: the model's key changes, no other's.
    const model = site.models.find((m) => (site.histories.get(m.id)?.size ?? 0) > 0)!
    const keyOf = (c: typeof ctx) => JSON.stringify(modelPage(c, model).inputs())
    const before = keyOf(ctx)
    for (const field of ['votes', 'rank', 'score', 'date'] as const) {
      const histories = new Map(site.histories)
      const [board, track] = [...site.histories.get(model.id)!][0]!
      const changed =
        field === 'date'
          ? { ...track, on: track.on.map((d, k) => (k === track.runs[0] ? '2026-07-21' : d)) }
          : { ...track, rows: track.rows.map((r, i) => (i === 0 ? { ...r, [field]: (r[field] ?? 0) + 1 } : r)) }
      histories.set(model.id, new Map([...site.histories.get(model.id)!, [board, changed]]))
      expect(keyOf({ ...ctx, site: { ...site, histories } }), field).not.toBe(before)
    }
    expect(keyOf(ctx)).toBe(before)
  }, 60_000)

  it('stays the same on a new day for a model below the published top N before and after it', async () => {
    const contextOf = async () => {
      const site = buildSiteModel({ ...(await loadSite({ dir: store, shownAs: 'snapshots' })), today: '2026-08-10' })
      return { base: parseBaseUrl('/'), site }
    }
    const after = await contextOf()
    const newest = 'lmarena-text/2026-08-09.zh.md'
    await rm(path.join(store, newest))
    const before = await contextOf()
    await copyInto(store, [newest])
    const belowOn = (ctx: typeof after, id: string) => modelFrame(ctx, ctx.site.models.find((m) => m.id === id)!).boards.find((b) => b.id === 'lmarena-text')?.lines.at(-1)
    const eta = createEta()
    let kept = 0
    for (const model of after.site.models) {
      const line = belowOn(after, model.id)
      if (line?.until !== null || belowOn(before, model.id)?.until !== null) continue
      const old = before.site.models.find((m) => m.id === model.id)!
      expect(JSON.stringify(modelPage(after, model).inputs()), model.id).toBe(JSON.stringify(modelPage(before, old).inputs()))
      const html = eta.render('model', modelPage(after, model).view())
      expect(html).toContain(`<td>to date</td>`)
      expect(html).toContain('below the published top 30')
      kept++
    }
    expect(kept, 'models below the top 30 on both days').toBeGreaterThan(300)
  }, 60_000)
})

describe('a site brought up to date is the site built from nothing', () => {
  let store: string
  let cache: string
  let step = 0
  const inc = () => path.join(work, 'incremental')
  const pages = new Map<string, string>()

  beforeAll(async () => {
    store = path.join(work, 'store')
    cache = path.join(work, 'cache')
    await copyInto(store, [...text, 'lmarena-agent/2026-07-29.zh.md', 'registry.json', 'sources.json', 'events.json'])
  })

  /** Build the store into the incremental site and into an empty directory; every file of both the same, byte for byte. */
  async function same(extra: string[] = []): Promise<number> {
    const args = ['build', '--snapshots', store, '--cache', cache, '--today', '2026-08-10', ...extra]
    const a = await run([...args, '--out', inc()])
    expect(a.code, a.err).toBe(0)
    const fresh = path.join(work, `fresh-${++step}`)
    const b = await run([...args, '--out', fresh])
    expect(b.code, b.err).toBe(0)
    expect(listFiles(inc())).toEqual(listFiles(fresh))
    for (const f of listFiles(fresh)) if (read(inc(), f) !== read(fresh, f)) expect(read(inc(), f), f).toBe(read(fresh, f))
    await rm(fresh, { recursive: true })
    // The store files the first build parsed (its summary says): the second found them all cached.
    expect(b.out).toMatch(/, 0 of [\d,]+ store files parsed\n$/)
    return Number(/, (\d+) of [\d,]+ store files parsed\n$/.exec(a.out)![1])
  }

  const page = (date: string) => read(inc(), `boards/lmarena-text/${date}/index.html`)

  it('after new days, a day inserted before others, a registry edit, another base URL, a day removed, and nothing', async () => {
    await same()
    const keyedCount = Object.keys(keysOf(inc())).length
    expect(keyedCount).toBeGreaterThan(15)
    const modelPages = () => Object.keys(keysOf(inc())).filter((f) => f.startsWith('models/') && f.endsWith('/index.html'))
    expect(modelPages().length).toBeGreaterThan(100)
    pages.set('07-26', page('2026-07-26'))
    pages.set('07-28', page('2026-07-28'))

    // New days: the day before the new one gets its `next` link.
    await copyInto(store, later)
    // Only the new days' pages are parsed.
    expect(await same()).toBe(later.length)
    expect(page('2026-07-28')).not.toBe(pages.get('07-28'))

    // A day inserted between two: the next day's changes are now against it.
    await copyInto(store, ['lmarena-text/2026-07-25.zh.md'])
    await same()
    expect(page('2026-07-26')).not.toBe(pages.get('07-26'))
    pages.set('07-22', page('2026-07-22'))

    // The registry gives a model of every page another organization (its name: the rows show the name upstream published).
    const registry = JSON.parse(await readFile(path.join(store, 'registry.json'), 'utf8')) as { models: { id: string; name?: string; organization?: string }[] }
    const rows = (JSON.parse(read(inc(), 'data/lmarena-text/2026-07-22.json')) as { rows: [string, ...unknown[]][] }).rows.map((r) => r[0])
    const entry = registry.models.find((m) => m.name && rows.slice(1).includes(m.id))!
    expect(entry, 'a registry model on the 2026-07-22 page').toBeDefined()
    entry.organization = 'Renamed Organization'
    await writeFile(path.join(store, 'registry.json'), JSON.stringify(registry, null, 2))
    await same()
    expect(page('2026-07-22')).toContain('<td>Renamed Organization</td>')
    expect(page('2026-07-22')).not.toBe(pages.get('07-22'))

    // Every link and the feeds change with the base URL.
    await same(['--base-url', 'https://example.org/ll/'])

    // A day removed: its neighbours link past it.
    await rm(path.join(store, 'lmarena-text/2026-07-23.zh.md'))
    await same()
    expect(existsSync(path.join(inc(), 'boards/lmarena-text/2026-07-23/index.html'))).toBe(false)

    // Nothing changed.
    expect(await same()).toBe(0)
  }, 240_000)
})
