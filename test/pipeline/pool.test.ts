import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LARGE_FILE, loadSite, type LoadOptions } from '../../src/pipeline/load-site.js'
import { createPool, YOUNG_GENERATION_MB } from '../../src/pipeline/pool.js'
import type { CheckedFile } from '../../src/store/check.js'
import { parsePage } from '../../src/parse/index.js'
import { copySeeds, snapshotsDir, tempDir } from '../helpers.js'

const crashingWorker = path.join(import.meta.dirname, 'crashing-worker.mjs')

/**
 * A sample of the repo's store: the first and the newest capture of every
 * source and language (full boards, translations, top-30 category pages,
 * SEAL), plus the registry data file.
 */
async function sampleStore(): Promise<string> {
  const dir = await tempDir('leaderlog-pool-')
  const picked: string[] = ['registry.json']
  for (const source of (await readdir(snapshotsDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name)) {
    const names = (await readdir(path.join(snapshotsDir, source))).filter((n) => n.endsWith('.md')).sort()
    for (const language of new Set(names.map((n) => n.split('.')[1]))) {
      const mine = names.filter((n) => n.split('.')[1] === language)
      for (const n of new Set([mine[0]!, mine.at(-1)!])) picked.push(`${source}/${n}`)
    }
  }
  for (const f of picked) {
    await mkdir(path.dirname(path.join(dir, f)), { recursive: true })
    await copyFile(path.join(snapshotsDir, f), path.join(dir, f))
  }
  return dir
}

const load = (dir: string, options: LoadOptions) => loadSite({ dir, shownAs: 'snapshots' }, options)

/** Checked files as plain data (cell positions unpacked, as JSON writes them). */
const plain = (files: readonly CheckedFile[]) => JSON.parse(JSON.stringify(files)) as CheckedFile[]

describe('parsing on worker threads', () => {
  it('gives the same results as the main thread', async () => {
    const dir = await sampleStore()
    const alone = await load(dir, { threads: false })
    const pooled = await load(dir, { threads: { threshold: 0, size: 2 } })
    expect(alone.checked.length).toBeGreaterThanOrEqual(15)
    expect(alone.checked.every((f) => f.result.snapshots.length > 0)).toBe(true)
    expect(plain(pooled.checked)).toEqual(plain(alone.checked))
    expect(plain(alone.checked)[0]!.result.snapshots[0]!.places[0]).toMatchObject({ row: [expect.any(Number), 1], rank: expect.any(Array), name: expect.any(Array) })
    expect(pooled.diagnostics).toEqual(alone.diagnostics)
    expect(pooled.normalized).toEqual(alone.normalized)
  }, 300_000)

  it('fills and reads the same cache; a cached load equals a fresh one', async () => {
    const dir = await sampleStore()
    const cache = await tempDir('leaderlog-pool-cache-')
    const fresh = await load(dir, { threads: false })
    const filled = await load(dir, { cache, threads: { threshold: 0, size: 2 } })
    const again = await load(dir, { cache, threads: { threshold: 0, size: 2 } })
    expect(plain(filled.checked)).toEqual(plain(fresh.checked))
    expect(plain(again.checked)).toEqual(plain(fresh.checked))
    expect(again.diagnostics).toEqual(fresh.diagnostics)
  }, 300_000)

  it("gives each thread its heap limit and the parse's young generation (YOUNG_GENERATION_MB), or the one asked for", async () => {
    for (const [options, young] of [[{}, YOUNG_GENERATION_MB], [{ youngMb: 32 }, 32]] as const) {
      const pool = createPool({ size: 1, maxHeapMb: 256, worker: crashingWorker, ...options })
      try {
        const limits = (await pool.check('page.md', 'LIMITS')) as unknown as Record<string, number>
        expect(limits).toMatchObject({ maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: young })
      } finally {
        await pool.close()
      }
    }
    // Larger than a thread's default (48 MB: semi-spaces of 16 MB), or it would change nothing.
    expect(YOUNG_GENERATION_MB).toBeGreaterThan(48)
  })

  it('turns a file that kills its thread into a parser-crash error on that file; the run goes on', async () => {
    const dir = await copySeeds()
    await writeFile(path.join(dir, 'lmarena-text/2025-11-19.en.md'), 'OOM: a page that needs more memory than a thread has\n')
    await writeFile(path.join(dir, 'lmarena-text/2025-11-21.en.md'), 'EXIT\n')
    await writeFile(path.join(dir, 'lmarena-text/2025-11-22.en.md'), 'THROW\n')
    const alone = await load(dir, { threads: false })
    const site = await load(dir, { threads: { threshold: 0, size: 2, maxHeapMb: 64, worker: crashingWorker } })
    const crashes = site.diagnostics.filter((d) => d.rule === 'parser-crash').map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}`)
    expect(crashes).toEqual([
      'snapshots/lmarena-text/2025-11-19.en.md:1:1 error Cannot parse file: the parser stopped (out of memory: the file needs more than 64 MB); nothing of it is published',
      'snapshots/lmarena-text/2025-11-21.en.md:1:1 error Cannot parse file: the parser stopped (its worker thread exited with code 3); nothing of it is published',
      'snapshots/lmarena-text/2025-11-22.en.md:1:1 error Cannot parse file: the parser stopped (boom in the worker); nothing of it is published'
    ])
    expect([...site.blocked].sort()).toEqual(['snapshots/lmarena-text/2025-11-19.en.md', 'snapshots/lmarena-text/2025-11-21.en.md', 'snapshots/lmarena-text/2025-11-22.en.md'])
    // The other files are checked as on the main thread, by the threads that replaced the dead ones.
    const good = (s: typeof site) => s.checked.filter((f) => !/2025-11-(19|21|22)/.test(f.path))
    expect(plain(good(site))).toEqual(plain(good(alone)))
    expect(site.normalized.snapshots.map((s) => `${s.board} ${s.date}`)).toEqual(alone.normalized.snapshots.map((s) => `${s.board} ${s.date}`))
  }, 300_000)

  it('parses a file larger than LARGE_FILE on a thread, however few files miss the cache', async () => {
    const dir = await copySeeds()
    // One miss: under the threshold, the main thread would parse it (and a page this size can need more memory than it has).
    await writeFile(path.join(dir, 'lmarena-text/2025-11-19.en.md'), 'OOM: a large page\n' + 'x'.repeat(LARGE_FILE))
    const cache = await tempDir('leaderlog-pool-cache-')
    await load(dir, { cache, threads: false })
    await writeFile(path.join(dir, 'lmarena-text/2025-11-19.en.md'), 'OOM: a large page, edited\n' + 'x'.repeat(LARGE_FILE))
    const site = await load(dir, { cache, threads: { size: 1, maxHeapMb: 64, worker: crashingWorker } })
    expect(site.diagnostics.filter((d) => d.rule === 'parser-crash').map((d) => `${d.file} ${d.message}`)).toEqual([
      'snapshots/lmarena-text/2025-11-19.en.md Cannot parse file: the parser stopped (out of memory: the file needs more than 64 MB); nothing of it is published'
    ])
    // A small file that misses alone stays on the main thread (the crashing worker would have failed it).
    await writeFile(path.join(dir, 'lmarena-text/2025-11-19.en.md'), 'OOM: a small page\n')
    const small = await load(dir, { cache, threads: { size: 1, maxHeapMb: 64, worker: crashingWorker } })
    expect(small.diagnostics.filter((d) => d.rule === 'parser-crash')).toEqual([])
  }, 300_000)

  it('turns a parser that throws on the main thread into the same error', async () => {
    const dir = await copySeeds()
    const site = await load(dir, {
      threads: false,
      parse: (content, options) => {
        if (options.language === 'fr') throw new Error('no French today')
        return parsePage(content, options)
      }
    })
    expect(site.diagnostics.filter((d) => d.rule === 'parser-crash').map((d) => `${d.file} ${d.message}`)).toEqual([
      'snapshots/lmarena-text/2025-11-20.fr.md Cannot parse file: the parser stopped (no French today); nothing of it is published'
    ])
    expect(site.blocked.has('snapshots/lmarena-text/2025-11-20.fr.md')).toBe(true)
    expect(site.normalized.snapshots.length).toBeGreaterThan(0)
  })
})
