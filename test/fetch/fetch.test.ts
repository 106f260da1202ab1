import { readFile, readdir, writeFile, mkdir, copyFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fetchCommand } from '../../src/commands/fetch.js'
import { main } from '../../src/cli.js'
import { checkStoreFile } from '../../src/pipeline/check-file.js'
import { normaliseContent } from '../../src/store/import.js'
import { DATA_FILES_CACHE } from '../../src/parse/cache.js'
import { captureIo, repoRoot, snapshotsDir, tempDir } from '../helpers.js'
import { page, redirect, sequence, slow, stalling, startServer, status, truncated, type TestServer } from './server.js'

// `leaderlog fetch` against a real HTTP server on 127.0.0.1, serving real
// upstream pages and the seeds. test/fixtures/fetch/ holds unedited copies of
// corpus files (../shared/corpus/cherry-studio-docs/), so CI needs no corpus:
//   new-day.en.md          en/2025-11-21T081845Z_676a951.md  (2025-11-21, 273 rows)
//   older.en.md            en/2025-11-15T081418Z_9cd8d6a.md  (2025-11-15)
//   not-leaderboard.en.md  en/2025-11-14T082319Z_cc7a179.md  (the project introduction)
//   corrupted.fr.md        fr/2025-08-03T115324Z_cbbe406.md  (`极` inside cells)

const fixtures = path.join(repoRoot, 'test/fixtures/fetch')
const read = (file: string) => readFile(file, 'utf8')

let pages: Record<'newDay' | 'sameDay' | 'older' | 'notLeaderboard' | 'corrupted' | 'cut', string>
let server: TestServer

/** The page with its table cut cleanly after `keep` rows (no in-page sign of the cut). */
function cutTable(text: string, keep: number): string {
  let n = 0
  return text
    .split('\n')
    .filter((line) => !/^\|\s*\d+\s*\|/.test(line) || ++n <= keep)
    .join('\n')
}

beforeAll(async () => {
  const newDay = await read(path.join(fixtures, 'new-day.en.md'))
  pages = {
    newDay,
    sameDay: await read(path.join(snapshotsDir, 'lmarena-text/2025-11-18.en.md')),
    older: await read(path.join(fixtures, 'older.en.md')),
    notLeaderboard: await read(path.join(fixtures, 'not-leaderboard.en.md')),
    corrupted: await read(path.join(fixtures, 'corrupted.fr.md')),
    cut: cutTable(newDay, 5)
  }
  server = await startServer({
    '/new-day.md': page(pages.newDay),
    '/same-day.md': page(pages.sameDay),
    '/older.md': page(pages.older),
    '/not-leaderboard.md': page(pages.notLeaderboard),
    '/corrupted.md': page(pages.corrupted),
    '/cut.md': page(pages.cut),
    '/500.md': status(500),
    '/404.md': status(404),
    '/flaky.md': sequence(status(503), page(pages.newDay)),
    '/slow.md': slow(2000, page(pages.newDay)),
    '/stalling.md': stalling(pages.newDay, 2000),
    '/truncated.md': truncated(pages.newDay),
    '/truncated-once.md': sequence(truncated(pages.newDay), page(pages.newDay)),
    '/moved.md': redirect('/new-day.md'),
    '/moved-twice.md': redirect('/moved.md', 301),
    '/loop.md': redirect('/loop.md')
  })
})

afterAll(async () => {
  await server.close()
})

let dir: string
let hitsBefore: Map<string, number>

beforeEach(async () => {
  // A fresh store holding the seeds, as in the repository.
  dir = await tempDir('leaderlog-fetch-')
  for (const f of ['lmarena-text/2025-11-18.en.md', 'lmarena-text/2025-11-20.fr.md', 'seal/2024-05-13.en.md']) {
    await mkdir(path.dirname(path.join(dir, 'snapshots', f)), { recursive: true })
    await copyFile(path.join(snapshotsDir, f), path.join(dir, 'snapshots', f))
  }
  hitsBefore = new Map()
})

const seeds = ['lmarena-text/2025-11-18.en.md', 'lmarena-text/2025-11-20.fr.md', 'seal/2024-05-13.en.md']

async function storeFiles(): Promise<string[]> {
  const out: string[] = []
  for (const source of await readdir(path.join(dir, 'snapshots'))) {
    const sub = path.join(dir, 'snapshots', source)
    if (!(await readdir(sub).catch(() => null))) continue
    for (const f of await readdir(sub)) out.push(`${source}/${f}`)
  }
  return out.sort()
}

/** Hits on a path since the start of this test. */
function hits(p: string): number {
  return server.hits(p) - (hitsBefore.get(p) ?? 0)
}

async function fetchWith(entries: { source?: string; language: string; path: string }[], extra: string[] = []) {
  for (const e of entries) hitsBefore.set(e.path, server.hits(e.path))
  for (const p of ['/new-day.md', '/moved.md', '/loop.md']) if (!hitsBefore.has(p)) hitsBefore.set(p, server.hits(p))
  const sources = { sources: entries.map((e) => ({ source: e.source ?? 'lmarena-text', language: e.language, url: server.url(e.path) })) }
  await writeFile(path.join(dir, 'snapshots/sources.json'), JSON.stringify(sources, null, 2))
  const c = captureIo(dir)
  const code = await fetchCommand(['--timeout', '300', '--retries', '2', '--backoff', '10', ...extra], c.io)
  const lines = c.out().trimEnd().split('\n')
  return { code, lines, summary: lines.at(-1)!, err: c.err() }
}

describe('leaderlog fetch over loopback HTTP', () => {
  it('stores a new day under its data date, atomically and normalised', async () => {
    const r = await fetchWith([{ language: 'en', path: '/new-day.md' }])
    expect(r.lines[0]).toBe('stored      lmarena-text en 2025-11-21 (273 rows) → snapshots/lmarena-text/2025-11-21.en.md')
    expect(r.summary).toMatch(/^Fetched 1 page in \d+\.\d\d s: 1 stored, 0 unchanged, 0 older, 0 broken, 0 unreachable$/)
    expect(r.code).toBe(0)
    expect(await storeFiles()).toEqual([...seeds, 'lmarena-text/2025-11-21.en.md'].sort())
    const stored = await read(path.join(dir, 'snapshots/lmarena-text/2025-11-21.en.md'))
    expect(stored).toBe(normaliseContent(pages.newDay))
    // What was stored passes `leaderlog check` with the rest of the store.
    const check = captureIo(dir)
    expect(await main(['check'], check.io)).toBe(0)
    expect(check.out()).toMatch(/Checked 4 files .*: 0 errors/)
  })

  it('reads the stored history through the parse cache with --cache, deciding the same', async () => {
    const cache = path.join(dir, 'cache')
    const first = await fetchWith([{ language: 'en', path: '/same-day.md' }], ['--cache', cache, '--dry-run'])
    // Parse results only: the store's files, once settled (2 s after they were copied, which a loaded machine may
    // pass between two runs), are also known by their signatures, in a file of their own; their results are
    // kept again in a pack for their source and month; and the data files' result is kept in a file of its own.
    const kept = async () => (await readdir(cache, { recursive: true })).filter((f) => f.endsWith('.json'))
    const parsed = async () => (await kept()).filter((f) => !f.startsWith('signatures') && !f.startsWith('packs') && f !== DATA_FILES_CACHE)
    const entries = await parsed()
    expect(entries).toHaveLength(2) // the two lmarena-text files of the store: only the source that arrived is read
    expect((await kept()).filter((f) => f.startsWith('packs'))).toHaveLength(1)
    expect(await kept()).toContain(DATA_FILES_CACHE)
    const second = await fetchWith([{ language: 'en', path: '/same-day.md' }], ['--cache', cache, '--dry-run'])
    const plain = await fetchWith([{ language: 'en', path: '/same-day.md' }], ['--dry-run'])
    expect(second.lines[0]).toBe(first.lines[0])
    expect(plain.lines[0]).toBe(first.lines[0])
    expect(first.lines[0]).toBe('unchanged   lmarena-text en 2025-11-18 (266 rows, already stored)')
    expect(await parsed()).toEqual(entries)
  })

  it('reports the same day again as unchanged and stores nothing', async () => {
    const r = await fetchWith([{ language: 'en', path: '/same-day.md' }])
    expect(r.lines[0]).toBe('unchanged   lmarena-text en 2025-11-18 (266 rows, already stored)')
    expect(r.code).toBe(0)
    expect(await storeFiles()).toEqual(seeds)
  })

  it('a second run over a stored new day is unchanged', async () => {
    expect((await fetchWith([{ language: 'en', path: '/new-day.md' }])).code).toBe(0)
    const again = await fetchWith([{ language: 'en', path: '/new-day.md' }])
    expect(again.lines[0]).toMatch(/^unchanged   lmarena-text en 2025-11-21 \(273 rows, already stored\)$/)
    expect(again.code).toBe(0)
  })

  it('reports an older page and stores nothing, without failing', async () => {
    const r = await fetchWith([{ language: 'en', path: '/older.md' }])
    expect(r.lines[0]).toBe('older       lmarena-text en 2025-11-15: the store already has 2025-11-18; not stored')
    expect(r.code).toBe(0)
    expect(await storeFiles()).toEqual(seeds)
  })

  it('reports a wrong page (the project introduction) as broken and fails', async () => {
    const r = await fetchWith([{ language: 'es', path: '/not-leaderboard.md' }])
    expect(r.lines[0]).toMatch(/^broken      lmarena-text es: 1:1 Unexpected page `Project Introduction`, expected a leaderboard .*\[not-leaderboard\]$/)
    expect(r.summary).toMatch(/0 stored, 0 unchanged, 0 older, 1 broken, 0 unreachable$/)
    expect(r.code).toBe(1)
    expect(await storeFiles()).toEqual(seeds)
  })

  it('reports a page with corrupted tokens as broken, pointing at the first one', async () => {
    const r = await fetchWith([{ language: 'fr', path: '/corrupted.md' }])
    expect(r.lines[0]).toMatch(/^broken      lmarena-text fr 2025-08-03: \d+:\d+ .*极.* \[corrupted-token\] \(\+\d+ more errors?\)$/)
    expect(r.code).toBe(1)
    expect(await storeFiles()).toEqual(seeds)
  })

  it('catches a table cut cleanly by comparing with the stored history, as check does', async () => {
    // Alone, the cut page looks fine: only the history shows the cut.
    const alone = checkStoreFile('lmarena-text/2025-11-21.en.md', normaliseContent(pages.cut))
    expect(alone.result.messages.filter((m) => m.severity === 'error')).toEqual([])
    const r = await fetchWith([{ language: 'en', path: '/cut.md' }])
    expect(r.lines[0]).toMatch(/^broken      lmarena-text en 2025-11-21: \d+:\d+ Unexpected 5 rows on `lmarena-text`, expected about 270 like the previous snapshot \(2025-11-20\) \[truncated-table\]$/)
    expect(r.code).toBe(1)
    expect(await storeFiles()).toEqual(seeds)
  })

  it('retries HTTP 500 a bounded number of times, then reports the source unreachable', async () => {
    const r = await fetchWith([{ language: 'en', path: '/500.md' }])
    expect(r.lines[0]).toBe(`unreachable lmarena-text en: HTTP 500 Internal Server Error after 3 attempts (${server.url('/500.md')})`)
    expect(hits('/500.md')).toBe(3)
    expect(r.code).toBe(1)
    expect(await storeFiles()).toEqual(seeds)
  })

  it('stores the page when a retry after a 5xx succeeds', async () => {
    const r = await fetchWith([{ language: 'en', path: '/flaky.md' }])
    expect(r.lines[0]).toMatch(/^stored      lmarena-text en 2025-11-21 \(273 rows\)/)
    expect(hits('/flaky.md')).toBe(2)
    expect(r.code).toBe(0)
  })

  it('never retries a 4xx', async () => {
    const r = await fetchWith([{ language: 'en', path: '/404.md' }])
    expect(r.lines[0]).toBe(`unreachable lmarena-text en: HTTP 404 Not Found (${server.url('/404.md')})`)
    expect(hits('/404.md')).toBe(1)
    expect(r.code).toBe(1)
  })

  it('gives up on a response slower than the timeout', async () => {
    const started = Date.now()
    const r = await fetchWith([{ language: 'en', path: '/slow.md' }])
    expect(r.lines[0]).toBe(`unreachable lmarena-text en: timed out after 300 ms after 3 attempts (${server.url('/slow.md')})`)
    expect(hits('/slow.md')).toBe(3)
    // Waiting for the answer (2 s per attempt) would take 6 s.
    expect(Date.now() - started).toBeLessThan(4000)
    expect(r.code).toBe(1)
    expect(await storeFiles()).toEqual(seeds)
  }, 10_000)

  it('gives up on a body that stalls past the timeout', async () => {
    const r = await fetchWith([{ language: 'en', path: '/stalling.md' }], ['--retries', '0'])
    expect(r.lines[0]).toBe(`unreachable lmarena-text en: timed out after 300 ms (${server.url('/stalling.md')})`)
    expect(await storeFiles()).toEqual(seeds)
  })

  it('detects a truncated body (connection closed before Content-Length) and stores nothing', async () => {
    const r = await fetchWith([{ language: 'en', path: '/truncated.md' }])
    expect(r.lines[0]).toMatch(/^unreachable lmarena-text en: truncated body: .* after 3 attempts \(/)
    expect(r.lines[0]).toContain(`of ${Buffer.byteLength(pages.newDay)}`)
    expect(hits('/truncated.md')).toBe(3)
    expect(r.code).toBe(1)
    expect(await storeFiles()).toEqual(seeds)
  })

  it('retries a truncated body and stores the complete page', async () => {
    const r = await fetchWith([{ language: 'en', path: '/truncated-once.md' }])
    expect(r.lines[0]).toMatch(/^stored      lmarena-text en 2025-11-21 \(273 rows\)/)
    expect(hits('/truncated-once.md')).toBe(2)
    expect(await read(path.join(dir, 'snapshots/lmarena-text/2025-11-21.en.md'))).toBe(normaliseContent(pages.newDay))
  })

  it('follows redirects (302, 301) to the page', async () => {
    const r = await fetchWith([{ language: 'en', path: '/moved-twice.md' }])
    expect(r.lines[0]).toMatch(/^stored      lmarena-text en 2025-11-21 \(273 rows\)/)
    expect(hits('/moved-twice.md')).toBe(1)
    expect(hits('/moved.md')).toBe(1)
    expect(hits('/new-day.md')).toBe(1)
    expect(r.code).toBe(0)
  })

  it('bounds redirects', async () => {
    const r = await fetchWith([{ language: 'en', path: '/loop.md' }])
    expect(r.lines[0]).toBe(`unreachable lmarena-text en: more than 5 redirects (${server.url('/loop.md')})`)
    expect(hits('/loop.md')).toBe(6)
    expect(r.code).toBe(1)
  })

  it('reports every source on its own line, in file order, stores the good ones and fails when one is bad', async () => {
    const r = await fetchWith([
      { language: 'en', path: '/new-day.md' },
      { language: 'fr', path: '/500.md' },
      { language: 'en', path: '/same-day.md' },
      { language: 'ja', path: '/not-leaderboard.md' },
      { source: 'lmarena-vision', language: 'zh', path: '/404.md' }
    ])
    expect(r.lines.map((l) => l.split(' ')[0])).toEqual(['stored', 'unreachable', 'unchanged', 'broken', 'unreachable', 'Fetched'])
    expect(r.lines[4]).toMatch(/^unreachable lmarena-vision zh: HTTP 404/)
    expect(r.summary).toMatch(/^Fetched 5 pages in .* s: 1 stored, 1 unchanged, 0 older, 1 broken, 2 unreachable$/)
    expect(r.code).toBe(1)
    expect(await storeFiles()).toEqual([...seeds, 'lmarena-text/2025-11-21.en.md'].sort())
  })

  it('sees what an earlier entry of the same source and language stored in the same run', async () => {
    const r = await fetchWith([
      { language: 'en', path: '/new-day.md' },
      { language: 'en', path: '/moved.md' },
      { language: 'en', path: '/older.md' }
    ])
    expect(r.lines.slice(0, 3).map((l) => l.split(' ')[0])).toEqual(['stored', 'unchanged', 'older'])
    expect(r.lines[2]).toContain('the store already has 2025-11-21')
    expect(r.code).toBe(0)
  })

  it('--dry-run reports without writing', async () => {
    const r = await fetchWith([{ language: 'en', path: '/new-day.md' }], ['--dry-run'])
    expect(r.lines[0]).toMatch(/^stored      lmarena-text en 2025-11-21/)
    expect(r.summary).toMatch(/\(dry run: nothing written\)$/)
    expect(await storeFiles()).toEqual(seeds)
  })

  it('refuses an invalid sources file with positioned errors and exit 2, fetching nothing', async () => {
    const text = '{\n  "sources": [\n    { "source": "lmarena-text", "language": "en", "url": "ftp://example.com/x.md" }\n  ]\n}\n'
    await writeFile(path.join(dir, 'bad.json'), text)
    const c = captureIo(dir)
    expect(await fetchCommand(['--sources', 'bad.json'], c.io)).toBe(2)
    expect(c.err()).toBe('bad.json\n3:58 error Invalid `sources.0.url`: expected an absolute http(s) URL, found `"ftp://example.com/x.md"` invalid-sources leaderlog\n\n✖ 1 error\n')
    expect(c.out()).toBe('')
  })

  it('rejects bad options as usage errors', async () => {
    const c = captureIo(dir)
    expect(await main(['fetch', '--timeout', 'soon'], c.io)).toBe(2)
    expect(c.err()).toMatch(/--timeout needs a whole number ≥ 1, got `soon`/)
  })
})
