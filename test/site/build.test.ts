import { spawn } from 'node:child_process'
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { existsSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import os from 'node:os'
import path from 'node:path'
import { HtmlValidate } from 'html-validate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STAMP, writeSiteAtomically } from '../../src/write/atomic.js'
import { PRUNED_STAMP } from '../../src/parse/cache.js'
import { listFiles, read, repoRoot, run, seedStore, tempDir } from './helpers.js'

let work: string
let out: string
let built: { code: number; out: string; err: string }
let files: string[]

let seeds: string

beforeAll(async () => {
  work = await tempDir('build')
  // A private copy of the seed store: every build of this file reads the same input.
  seeds = path.join(work, 'seeds')
  await cp(await seedStore(), seeds, { recursive: true })
  out = path.join(work, 'dist')
  built = await run(['build', '--snapshots', seeds, '--out', out])
  files = listFiles(out)
}, 60_000)

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

const pages = () => files.filter((f) => f.endsWith('.html'))

describe('leaderlog build on the seeds', () => {
  it('prints one summary line and exits 0', () => {
    expect(built.code).toBe(0)
    // Without a cache every store file is parsed: the three seeds.
    expect(built.out).toMatch(/^Wrote [\d,]+ files \(6 snapshots, \d+ models\) in \d+\.\d\d s, 3 of 3 store files parsed\n$/)
    // Every file of the site, the stamp that marks the directory as leaderlog's, and the keys of its keyed files.
    expect(built.out).toContain(`Wrote ${(files.length - 2).toLocaleString('en-US')} files`)
    expect(files).toContain('.leaderlog')
    expect(files).toContain('.leaderlog-keys')
    expect(built.err).toBe('')
  })

  it('writes every page the issue asks for', () => {
    for (const f of [
      'index.html',
      '404.html',
      'boards/lmarena-text/index.html',
      'boards/lmarena-text/2025-11-18/index.html',
      'boards/lmarena-text/2025-11-20/index.html',
      'boards/lmarena-text/diff/2025-11-18_2025-11-20/index.html',
      'boards/seal-math/2024-05-13/index.html',
      'models/index.html',
      'models/grok-4.1-thinking/index.html',
      'organizations/index.html',
      'organizations/anthropic/index.html',
      'data-quality/index.html',
      'assets/site.css',
      'assets/site.js',
      'data/boards.json',
      'data/models.json',
      'data/lmarena-text/2025-11-20.json',
      'data/lmarena-text/2025-11-20.csv',
      'data/lmarena-text/diff/2025-11-18_2025-11-20.json'
    ]) {
      expect(files, f).toContain(f)
    }
    // A feed and a sitemap need the site's absolute URL (`--base-url https://…`); see below.
    expect(files).not.toContain('feed.xml')
    expect(files).not.toContain('sitemap.xml')
    expect(read(out, 'index.html')).not.toContain('application/atom+xml')
    // One model page per registry model.
    const models = JSON.parse(read(out, 'data/models.json')).models as { id: string }[]
    expect(pages().filter((f) => /^models\/[^/]+\/index\.html$/.test(f))).toHaveLength(models.length)
  })

  it('warns on the home page about boards whose newest snapshot is old', () => {
    const home = read(out, 'index.html')
    const seal = home.slice(home.indexOf('id="h-seal-coding"'))
    expect(seal.slice(0, 1200)).toMatch(/class="warning"[^>]*><strong>Stale:<\/strong> No new snapshot for 556 days/)
    const text = home.slice(home.indexOf('id="h-lmarena-text"'), home.indexOf('id="h-seal-coding"'))
    expect(text).not.toContain('Stale:')
    expect(text).toContain('Updated 2025-11-20 08:08 UTC')
  })

  it('names a stale board with the date of its newest snapshot wherever it says "now"', () => {
    // Current places on the models page, boards led now on the organizations page: the SEAL boards are 556 days old.
    const models = read(out, 'models/index.html')
    expect(models).toMatch(/SEAL Coding \(as of 2024-05-13\) #\d/)
    expect(models).not.toMatch(/SEAL Coding #\d/)
    expect(models).toMatch(/LMArena Text #\d/)
    const orgs = read(out, 'organizations/index.html')
    expect(orgs).toMatch(/SEAL [A-Za-z ]+ \(as of 2024-05-13\)/)
    expect(orgs).not.toMatch(/LMArena Text \(as of/)
  })

  it('names each model on a board as the board published it, linked to its model page and searchable by the registry\'s name', () => {
    const seal = read(out, 'boards/seal-coding/index.html')
    // SEAL says `Claude 3.5 Sonnet`; the registry (one model with LMArena's) says `Claude 3.5 Sonnet (20240620)`.
    expect(seal).toMatch(/<tr data-search="[^"]*claude 3\.5 sonnet \(20240620\)[^"]*"><td>\d+<\/td><th scope="row"><a href="\/models\/claude-3-5-sonnet-20240620\/">Claude 3\.5 Sonnet<\/a>/)
    expect(read(out, 'models/claude-3-5-sonnet-20240620/index.html')).toContain('<h1>Claude 3.5 Sonnet (20240620)</h1>')
    // Its badge names it as the board does.
    expect(read(out, 'badges/seal-coding/claude-3-5-sonnet-20240620.svg')).toContain('#1 (Claude 3.5 Sonnet)')
  })

  it('shows the seed diff: 4 entered, none left, grok-4.1-thinking 1 → 2', () => {
    const diff = JSON.parse(read(out, 'data/lmarena-text/diff/2025-11-18_2025-11-20.json'))
    expect(Object.keys(diff)).toEqual(['board', 'from', 'to', 'entered', 'left', 'moved'])
    expect(diff.entered.map((e: { model: string }) => e.model)).toEqual(['gemini-3-pro', 'gpt-5.1-high', 'gpt-5.1', 'hunyuan-vision-1.5-thinking'])
    expect(diff.entered[0]).toEqual({ model: 'gemini-3-pro', rank: 1, score: 1498 })
    expect(diff.left).toEqual([])
    expect(diff.moved.find((m: { model: string }) => m.model === 'grok-4.1-thinking')).toEqual({
      model: 'grok-4.1-thinking',
      from: { rank: 1, score: 1483 },
      to: { rank: 2, score: 1483 },
      significant: false
    })
    const page = read(out, 'boards/lmarena-text/diff/2025-11-18_2025-11-20/index.html')
    expect(page).toContain('4 entered, 0 left, 266 moved')
    const entered = page.slice(page.indexOf('id="entered"'), page.indexOf('</table>', page.indexOf('id="entered"')))
    expect(entered.match(/<th scope="row"/g)).toHaveLength(4)
    expect(entered).toContain('hunyuan-vision-1.5-thinking')
    expect(page).toContain('No model left.')
  })

  it('publishes the data API in the documented shapes', async () => {
    expect(JSON.parse(read(out, 'data/boards.json')).boards[0]).toEqual({ id: 'lmarena-text', title: 'LMArena Text', dates: ['2025-11-18', '2025-11-20'] })
    const snap = JSON.parse(read(out, 'data/lmarena-text/2025-11-20.json'))
    expect(Object.keys(snap)).toEqual(['board', 'date', 'updatedAt', 'languages', 'sources', 'columns', 'rows'])
    expect(snap).toMatchObject({ board: 'lmarena-text', date: '2025-11-20', updatedAt: '2025-11-20T08:08:26Z', languages: ['fr'] })
    // The columns some row has, as the CSV's header; a cell the row lacks is null.
    expect(snap.columns).toEqual(['model', 'rank', 'rankUpper', 'rankLower', 'name', 'score', 'ciPlus', 'ciMinus', 'preliminary', 'votes', 'organization', 'license'])
    expect(snap.rows).toHaveLength(270)
    expect(snap.rows[0]).toEqual(['gemini-3-pro', 1, 1, 2, 'gemini-3-pro', 1498, 11, 11, true, 3768, 'Google', 'Proprietary'])
    expect(snap.rows.every((r: unknown[]) => r.length === snap.columns.length)).toBe(true)
    expect(snap.rows.some((r: unknown[]) => r[snap.columns.indexOf('preliminary')] === null)).toBe(true)
    const csv = read(out, 'data/lmarena-text/2025-11-20.csv').split('\r\n')
    expect(csv[0]).toBe('model,rank,rankUpper,rankLower,name,score,ciPlus,ciMinus,preliminary,votes,organization,license')
    expect(csv[1]).toBe('gemini-3-pro,1,1,2,gemini-3-pro,1498,11,11,true,3768,Google,Proprietary')
    expect(csv).toHaveLength(272) // header, 270 rows, final empty line
    const seal = read(out, 'data/seal-coding/2024-05-13.csv').split('\r\n')
    expect(seal[0]).toBe('model,rank,name,score,ciPlus,ciMinus,flags')
    expect(seal[1]).toMatch(/,1,Claude 3\.5 Sonnet,1165,33,33,contamination$/)
  })

  it('publishes the registry as models.json, the same data as `leaderlog registry --json`', async () => {
    const published = read(out, 'data/models.json')
    const cli = await run(['registry', '--snapshots', seeds, '--json'])
    expect(cli.code).toBe(0)
    expect(published).toBe(cli.out)
    const opus = JSON.parse(published).models.find((m: { name: string }) => m.name === 'claude-opus-4-1-20250805')
    expect(opus).toMatchObject({ organization: 'Anthropic', repairs: [{ from: 'Anthropicclaude-opus-4-1-20250805', to: 'claude-opus-4-1-20250805' }] })
  })

  it('writes an Atom feed of new leaders, new entries and big moves, and a sitemap, given the absolute URL', async () => {
    const abs = path.join(work, 'abs')
    expect((await run(['build', '--snapshots', seeds, '--out', abs, '--base-url', 'https://example.org/'])).code).toBe(0)
    const feed = read(abs, 'feed.xml')
    expect(feed).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/)
    expect(feed).toContain('<title type="html"><![CDATA[New leader on LMArena Text: gemini-3-pro]]></title>')
    expect(feed).toContain('<title type="html"><![CDATA[4 new on LMArena Text: gemini-3-pro, gpt-5.1-high, gpt-5.1, hunyuan-vision-1.5-thinking]]></title>')
    expect(feed).toContain('<updated>2025-11-20T08:08:26.000Z</updated>')
    expect(feed).toContain('<link rel="self" href="https://example.org/feed.xml"/>')
    expect(read(abs, 'index.html')).toContain('<link rel="alternate" type="application/atom+xml" title="leaderlog: leaders, entries and big moves" href="/feed.xml">')
    const sitemap = read(abs, 'sitemap.xml')
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])
    expect(locs).toHaveLength(pages().length - 1) // every page but the 404
    expect(locs).toContain('https://example.org/boards/lmarena-text/diff/2025-11-18_2025-11-20/')
  }, 60_000)

  it('passes html-validate on every page', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] })
    const problems: string[] = []
    for (const f of pages()) {
      const report = await validator.validateString(read(out, f), f)
      for (const r of report.results) for (const m of r.messages) problems.push(`${f}:${m.line}:${m.column} ${m.message} [${m.ruleId}]`)
    }
    expect(problems).toEqual([])
    expect(pages().length).toBeGreaterThan(280)
  }, 300_000)

  it('has no broken internal link, anchor or asset', () => {
    const all = new Set(files)
    const broken: string[] = []
    let checked = 0
    for (const f of pages()) {
      const html = read(out, f)
      const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]))
      for (const [, url] of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        if (/^https?:/.test(url!)) continue
        checked++
        if (url!.startsWith('#')) {
          if (!ids.has(url!.slice(1))) broken.push(`${f}: ${url}`)
          continue
        }
        if (!url!.startsWith('/')) {
          broken.push(`${f}: relative link ${url}`)
          continue
        }
        const target = url!.replace(/[?#].*$/, '').slice(1)
        const file = target === '' || target.endsWith('/') ? target + 'index.html' : target
        if (!all.has(decodeURIComponent(file))) broken.push(`${f}: ${url}`)
      }
    }
    expect(broken).toEqual([])
    expect(checked).toBeGreaterThan(5_000)
  })

  it('escapes text and links only http(s) URLs', () => {
    for (const f of pages()) {
      const html = read(out, f)
      expect(html, f).not.toMatch(/href="(?!https?:|\/|#)/)
    }
  })
})

describe('build behaviour', () => {
  it('is byte-identical across two builds of the same input', async () => {
    const second = path.join(work, 'again')
    expect((await run(['build', '--snapshots', seeds, '--out', second])).code).toBe(0)
    const again = listFiles(second)
    expect(again).toEqual(files)
    const differing: string[] = []
    for (const f of files) {
      const [a, b] = await Promise.all([readFile(path.join(out, f)), readFile(path.join(second, f))])
      if (!a.equals(b)) differing.push(f)
    }
    expect(differing).toEqual([])
  }, 60_000)

  it('builds the same site from the parse cache (--cache)', async () => {
    const cache = path.join(work, 'cache')
    // The summary says what was parsed: every seed on the first build, none on the second.
    for (const [name, parsed] of [['cached-1', 3], ['cached-2', 0]] as const) {
      const built = await run(['build', '--snapshots', seeds, '--out', path.join(work, name), '--cache', cache])
      expect(built.code).toBe(0)
      expect(built.out).toMatch(new RegExp(` s, ${parsed} of 3 store files parsed\n$`))
      const got = path.join(work, name)
      expect(listFiles(got)).toEqual(files)
      for (const f of files) expect(read(got, f), f).toBe(read(out, f))
    }
    expect(listFiles(cache).length).toBeGreaterThanOrEqual(3)
  }, 60_000)

  it('removes cache entries no build used for a month, when it has read the whole store', async () => {
    const cache = path.join(work, 'cache-pruned')
    expect((await run(['check', '--snapshots', seeds, '--cache', cache])).code).toBe(0)
    // The entries; the store's signatures (`signatures/`) are written once its files have settled, which may be between runs.
    const entries = () => listFiles(cache).filter((f) => !f.startsWith('signatures/'))
    const used = entries()
    // An entry of an older parser, unused for 40 days.
    const stale = path.join(cache, 'ff', `ff${'0'.repeat(62)}.json`)
    await mkdir(path.dirname(stale), { recursive: true })
    await writeFile(stale, 'x')
    const old = new Date(Date.now() - 40 * 86_400_000)
    utimesSync(stale, old, old)
    // `check` leaves the cache as it is; the build prunes it and keeps what it read.
    expect((await run(['check', '--snapshots', seeds, '--cache', cache])).code).toBe(0)
    expect(existsSync(stale)).toBe(true)
    expect((await run(['build', '--snapshots', seeds, '--out', path.join(work, 'pruned'), '--cache', cache])).code).toBe(0)
    expect(existsSync(stale)).toBe(false)
    // What it read, and the stamp that says when it pruned (the next builds of the day do not walk the cache).
    expect(entries()).toEqual([PRUNED_STAMP, ...used])
  }, 60_000)

  it('links under a sub-path with --base-url; feed and sitemap get absolute URLs', async () => {
    const sub = path.join(work, 'sub')
    expect((await run(['build', '--snapshots', seeds, '--out', sub, '--base-url', 'https://example.github.io/leaderlog/'])).code).toBe(0)
    const home = read(sub, 'index.html')
    const links = [...home.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!).filter((u) => !u.startsWith('#'))
    expect(links.length).toBeGreaterThan(50)
    for (const u of links) expect(u).toMatch(/^\/leaderlog\//)
    expect(read(sub, 'sitemap.xml')).toContain('<loc>https://example.github.io/leaderlog/boards/lmarena-text/</loc>')
    expect(read(sub, 'feed.xml')).toContain('<id>https://example.github.io/leaderlog/</id>')
    expect(read(sub, '404.html')).toContain('href="/leaderlog/assets/site.css"')
  }, 60_000)

  it('takes --today as the reference date for stale boards', async () => {
    const later = path.join(work, 'later')
    expect((await run(['build', '--snapshots', seeds, '--out', later, '--today', '2025-11-25'])).code).toBe(0)
    const home = read(later, 'index.html')
    const text = home.slice(home.indexOf('id="h-lmarena-text"'), home.indexOf('id="h-seal-coding"'))
    expect(text).toContain('<strong>Stale:</strong> No new snapshot for 5 days (newest 2025-11-20, site data up to 2025-11-25)')
    expect(read(later, 'boards/lmarena-text/index.html')).toContain('<strong>Stale:</strong>')
    expect(read(later, 'boards/lmarena-text/2025-11-18/index.html')).not.toContain('<strong>Stale:</strong>')
  }, 60_000)

  it('rejects a bad --base-url or --today with usage errors', async () => {
    expect((await run(['build', '--base-url', 'javascript:alert(1)', '--out', path.join(work, 'x')])).code).toBe(2)
    expect((await run(['build', '--today', '2025-13-01', '--out', path.join(work, 'x')])).code).toBe(2)
    expect(existsSync(path.join(work, 'x'))).toBe(false)
  })

  it('publishes around a bad snapshot by default and fails with --strict, leaving the previous site untouched', async () => {
    const store = path.join(work, 'store')
    await cp(seeds, store, { recursive: true })
    // A capture of 2025-11-19 cut after 40 rows: a truncated table.
    const lines = (await readFile(path.join(seeds, 'lmarena-text/2025-11-18.en.md'), 'utf8')).split('\n')
    let rows = 0
    const cut = lines.slice(0, lines.findIndex((l) => l.includes('◄') && ++rows === 40) + 1)
    await writeFile(path.join(store, 'lmarena-text/2025-11-19.en.md'), cut.join('\n').replaceAll('2025-11-18', '2025-11-19') + '\n')
    const site = path.join(work, 'bad')
    const loose = await run(['build', '--snapshots', store, '--out', site])
    expect(loose.code).toBe(0)
    expect(loose.err).toMatch(/2025-11-19\.en\.md:\d+:\d+: error .*\[truncated-table\]\n {2}→ not published/)
    expect(JSON.parse(read(site, 'data/boards.json')).boards[0].dates).toEqual(['2025-11-18', '2025-11-20'])
    expect(read(site, 'data-quality/lmarena-text/2025-11/index.html')).toMatch(/2025-11-19\.en\.md<\/code><\/h3>\n<p class="meta">1 error, 0 warnings · <strong>not published<\/strong>/)
    expect(read(site, 'data-quality/index.html')).toContain('<a href="/data-quality/lmarena-text/2025-11/">LMArena Text, 2025-11</a>')
    const before = listFiles(site).map((f) => [f, read(site, f)])
    const strict = await run(['build', '--snapshots', store, '--out', site, '--strict'])
    expect(strict.code).toBe(1)
    expect(strict.err).toMatch(/1 error \(--strict\): nothing written/)
    expect(listFiles(site).map((f) => [f, read(site, f)])).toEqual(before)
  }, 60_000)

  it('leaves the previous output untouched when writing fails half-way', async () => {
    const site = path.join(work, 'atomic')
    await writeSiteAtomically(site, [
      { path: 'index.html', content: 'old' },
      { path: 'data/boards.json', content: '{}' }
    ])
    // `a` is a file and a directory at once: the write fails after some files are written.
    await expect(
      writeSiteAtomically(site, [
        { path: 'a', content: 'x' },
        { path: 'a/b.html', content: 'y' },
        { path: 'data/boards.json', content: '{"new":1}' },
        { path: 'index.html', content: 'new' }
      ])
    ).rejects.toThrow(/left as it was/)
    expect(listFiles(site)).toEqual(['.leaderlog', 'data/boards.json', 'index.html'])
    expect(read(site, 'index.html')).toBe('old')
    expect(readdirSync(work).filter((n) => n.includes('.tmp-'))).toEqual([])
  })

  it('fails on a missing snapshot directory instead of publishing an empty site', async () => {
    const r = await run(['build', '--snapshots', path.join(work, 'no-such-store'), '--out', out])
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/Cannot read snapshots from .*no-such-store: no such directory/)
    expect(listFiles(out)).toEqual(files)
  })

  it('refuses to replace a directory that is not a previous build', async () => {
    const precious = path.join(work, 'precious')
    await mkdir(precious)
    await writeFile(path.join(precious, 'notes.txt'), 'keep me')
    const r = await run(['build', '--snapshots', seeds, '--out', precious])
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/Refusing to replace .*precious`: it is not empty and is not a leaderlog site \(no \.leaderlog stamp/)
    expect(await readFile(path.join(precious, 'notes.txt'), 'utf8')).toBe('keep me')
    const here = await run(['build', '--snapshots', seeds, '--out', '.'])
    expect(here.code).toBe(1)
    expect(here.err).toMatch(/Refusing to build into/)
  })

  it('links the files whose bytes are unchanged from the previous site instead of writing them again', async () => {
    const site = path.join(work, 'relinked')
    expect((await run(['build', '--snapshots', seeds, '--out', site])).code).toBe(0)
    const inode = (f: string) => statSync(path.join(site, f)).ino
    const before = new Map(listFiles(site).map((f) => [f, inode(f)]))
    // Another "today": the pages that say what stands now change (stale warnings; places as of the stale board's date), the rest does not.
    const again = await run(['build', '--snapshots', seeds, '--out', site, '--today', '2025-11-25'])
    expect(again.code).toBe(0)
    const changed = listFiles(site).filter((f) => inode(f) !== before.get(f))
    // The summary counts the files linked, not written again (the writer's own two files aside).
    const linkedCount = listFiles(site).length - changed.length
    expect(again.out).toMatch(new RegExp(`^Wrote [\\d,]+ files \\(6 snapshots, \\d+ models; ${linkedCount.toLocaleString('en-US')} unchanged\\) in `))
    expect(changed).toEqual(expect.arrayContaining(['.leaderlog', 'index.html', 'boards/lmarena-text/index.html', 'models/index.html', 'organizations/index.html']))
    expect(changed.filter((f) => !/^(?:\.leaderlog(?:-keys)?|index\.html|boards\/[^/]+\/(?:\d{4}-\d{2}-\d{2}\/)?index\.html|models\/index\.html|organizations\/(?:[^/]+\/)?index\.html)$/.test(f))).toEqual([])
    expect(changed.length).toBeLessThan(listFiles(site).length / 4)
    expect(inode('boards/lmarena-text/2025-11-18/index.html')).toBe(before.get('boards/lmarena-text/2025-11-18/index.html'))
    expect(inode('data/lmarena-text/2025-11-20.json')).toBe(before.get('data/lmarena-text/2025-11-20.json'))
    // The result is what a build into an empty directory writes.
    const fresh = path.join(work, 'relinked-fresh')
    expect((await run(['build', '--snapshots', seeds, '--out', fresh, '--today', '2025-11-25'])).code).toBe(0)
    expect(listFiles(site)).toEqual(listFiles(fresh))
    for (const f of listFiles(fresh)) expect(read(site, f), f).toBe(read(fresh, f))
  }, 120_000)

  it('knows its own output by the stamp file and its content, not by a data/boards.json', async () => {
    // A folder that happens to hold a data/boards.json (the old guard took it for a site).
    const lookalike = path.join(work, 'lookalike')
    await mkdir(path.join(lookalike, 'data'), { recursive: true })
    await writeFile(path.join(lookalike, 'data/boards.json'), '{"boards":[]}')
    await writeFile(path.join(lookalike, 'thesis.tex'), 'keep me')
    expect((await run(['build', '--snapshots', seeds, '--out', lookalike])).code).toBe(1)
    // A stamp file of the right name but not leaderlog's content.
    for (const stamp of ['', 'leaderlog', '{"generator":"hugo"}', '{"generator":"leaderlog"']) {
      await writeFile(path.join(lookalike, '.leaderlog'), stamp)
      const r = await run(['build', '--snapshots', seeds, '--out', lookalike])
      expect(r.code, stamp).toBe(1)
      expect(r.err).toMatch(/not a leaderlog site/)
    }
    expect(await readFile(path.join(lookalike, 'thesis.tex'), 'utf8')).toBe('keep me')
    // Every build stamps its output, and replaces a stamped directory.
    expect(read(out, '.leaderlog')).toBe(STAMP)
    expect(JSON.parse(STAMP)).toMatchObject({ generator: 'leaderlog' })
    const again = path.join(work, 'stamped')
    expect((await run(['build', '--snapshots', seeds, '--out', again])).code).toBe(0)
    expect((await run(['build', '--snapshots', seeds, '--out', again])).code).toBe(0)
  }, 120_000)

  it("removes the leftovers of killed builds beside --out, only its own", async () => {
    const parent = path.join(work, 'leftovers')
    const site = path.join(parent, 'site')
    await mkdir(parent, { recursive: true })
    const make = async (name: string, files: Record<string, string>) => {
      for (const [f, content] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(parent, name, f)), { recursive: true })
        await writeFile(path.join(parent, name, f), content)
      }
    }
    // Killed while writing (stamp written first), killed while removing the previous site, and an empty one.
    await make('.site.tmp-Ab12Cd', { '.leaderlog': STAMP, '.leaderlog-building': JSON.stringify({ pid: 2 ** 22 + 7, host: os.hostname() }), 'index.html': 'half' })
    await make('.site.tmp-Ef34Gh.old', { '.leaderlog': STAMP, 'models/x/index.html': 'old' })
    await mkdir(path.join(parent, '.site.tmp-Ij56Kl'))
    // Not ours: no stamp; another output's leftovers; one that a live build is writing.
    await make('.site.tmp-Mn78Op', { 'notes.txt': 'mine' })
    await make('.other.tmp-Qr90St', { '.leaderlog': STAMP })
    await make('.site.tmp-Uv12Wx', { '.leaderlog': STAMP, '.leaderlog-building': JSON.stringify({ pid: process.ppid, host: os.hostname() }) })
    await make('site.tmp-Yz34Ab', { '.leaderlog': STAMP })
    expect((await run(['build', '--snapshots', seeds, '--out', site])).code).toBe(0)
    // The site put back was replaced: it is the spare now.
    expect(readdirSync(parent).sort()).toEqual(['.other.tmp-Qr90St', '.site.spare', '.site.tmp-Mn78Op', '.site.tmp-Uv12Wx', 'site', 'site.tmp-Yz34Ab'])
    expect(listFiles(site)).toEqual(files)
  }, 60_000)

  it('puts the previous site back when a build was killed between its two renames', async () => {
    const parent = path.join(work, 'swap')
    const site = path.join(parent, 'site')
    expect((await run(['build', '--snapshots', seeds, '--out', site])).code).toBe(0)
    // The state between `rename(out, old)` and `rename(temp, out)`.
    await rename(site, path.join(parent, '.site.tmp-Cd56Ef.old'))
    await mkdir(path.join(parent, '.site.tmp-Cd56Ef'))
    await writeFile(path.join(parent, '.site.tmp-Cd56Ef/.leaderlog'), STAMP)
    expect((await run(['build', '--snapshots', seeds, '--out', site])).code).toBe(0)
    expect(readdirSync(parent).sort()).toEqual(['.site.spare', 'site'])
    expect(listFiles(site)).toEqual(files)
  }, 60_000)

  it('leaves the previous site intact when the build process is killed while writing', async () => {
    const parent = path.join(work, 'killed')
    const site = path.join(parent, 'site')
    // The previous site: another store (the seeds without SEAL), so the new build writes every page anew.
    const other = path.join(work, 'other-store')
    await cp(seeds, other, { recursive: true })
    await rm(path.join(other, 'seal'), { recursive: true })
    expect((await run(['build', '--snapshots', other, '--out', site])).code).toBe(0)
    const before = listFiles(site).map((f) => [f, read(site, f)])
    const child = spawn(process.execPath, [path.join(repoRoot, 'lib/cli.js'), 'build', '--snapshots', seeds, '--out', site], { stdio: 'ignore' })
    const exited = new Promise((resolve) => child.on('exit', resolve))
    // Kill it as soon as it has written pages into its temporary directory.
    let temp: string | undefined
    for (;;) {
      temp = readdirSync(parent).find((n) => /^\.site\.tmp-\w{6}$/.test(n))
      if (temp && existsSync(path.join(parent, temp, 'models'))) break
      if (child.exitCode !== null) throw new Error('the build ended before it could be killed')
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    child.kill('SIGKILL')
    await exited
    expect(listFiles(site).map((f) => [f, read(site, f)])).toEqual(before)
    expect(readdirSync(parent).sort()).toEqual([temp, 'site'])
    // The next build finishes the job and cleans up after the killed one.
    expect((await run(['build', '--snapshots', seeds, '--out', site])).code).toBe(0)
    expect(readdirSync(parent).sort()).toEqual(['.site.spare', 'site'])
    expect(listFiles(site)).toEqual(files)
  }, 120_000)

  it('brings the replaced site (the spare) up to date instead of writing a whole new tree', async () => {
    const parent = path.join(work, 'spare')
    const site = path.join(parent, 'site')
    const spare = path.join(parent, '.site.spare')
    const tree = (dir: string) => listFiles(dir).map((f) => [f, read(dir, f)])
    const inode = (dir: string, f: string) => statSync(path.join(dir, f)).ino
    const expected = (files: { path: string; content: string }[]) => [['.leaderlog', STAMP], ...files.map((f) => [f.path, f.content])].sort((a, b) => (a[0]! < b[0]! ? -1 : 1))
    const one = [
      { path: 'index.html', content: 'one' },
      { path: 'same.html', content: 'same' },
      { path: 'x', content: 'a file, then a directory' },
      { path: 'd/e.html', content: 'a directory, then a file' },
      { path: 'gone/deep/old.html', content: 'only in the first' }
    ]
    const two = [
      { path: 'index.html', content: 'two' },
      { path: 'same.html', content: 'same' },
      { path: 'back.html', content: 'back' }
    ]
    const three = [
      { path: 'index.html', content: 'three' },
      { path: 'same.html', content: 'same' },
      { path: 'back.html', content: 'back' },
      { path: 'x/y.html', content: 'in a directory where a file was' },
      { path: 'd', content: 'a file where a directory was' }
    ]
    const first = await writeSiteAtomically(site, one)
    expect(first.reused).toBe(false)
    expect(existsSync(spare)).toBe(false)
    const second = await writeSiteAtomically(site, two)
    expect(second.reused).toBe(false)
    // The replaced site is kept as the spare.
    expect(tree(spare)).toEqual(expected(one))
    const kept = inode(spare, 'same.html')
    const third = await writeSiteAtomically(site, three)
    expect(third.reused).toBe(true)
    expect(third.unchanged).toBe(2)
    // Exactly the new site: stale files and directories of the spare gone, files and directories swapped.
    expect(tree(site)).toEqual(expected(three))
    expect(existsSync(path.join(site, 'gone'))).toBe(false)
    // A file whose bytes were already there is not written again; one the previous site has is linked from it.
    expect(inode(site, 'same.html')).toBe(kept)
    expect(inode(site, 'back.html')).toBe(inode(spare, 'back.html'))
    // The site it replaced is the spare now, untouched.
    expect(tree(spare)).toEqual(expected(two))
    expect(readdirSync(parent).sort()).toEqual(['.site.spare', 'site'])
    // A spare is brought up to date from its own content: a file edited in it is written again.
    await writeFile(path.join(spare, 'same.html'), 'edited')
    await writeSiteAtomically(site, three)
    expect(tree(site)).toEqual(expected(three))
  })

  it('writes the keys of a large site as it goes, in several gzip parts, and the next build keeps every keyed file by them', async () => {
    const site = path.join(work, 'many-keys', 'site')
    // 3,000 keyed files: about 200 KB of keys, more than one part (KEYS_CHUNK).
    const keyed = (render: (i: number) => string) => Array.from({ length: 3000 }, (_, i) => ({ path: `boards/b/${String(i).padStart(4, '0')}/index.html`, key: `k${i}`.padEnd(32, '0'), render: () => render(i) }))
    await writeSiteAtomically(site, [{ path: 'index.html', content: 'home' }, ...keyed((i) => `page ${i}`)])
    const bytes = readFileSync(path.join(site, '.leaderlog-keys'))
    const members = bytes.reduce((n, b, i) => n + (b === 0x1f && bytes[i + 1] === 0x8b && bytes[i + 2] === 8 ? 1 : 0), 0)
    expect(members).toBeGreaterThan(1)
    // One JSON object, in the order written: path → [key, size].
    const keys = JSON.parse(gunzipSync(bytes).toString('utf8')) as Record<string, [string, number]>
    expect(Object.keys(keys)).toEqual(keyed(() => '').map((f) => f.path))
    expect(keys['boards/b/2999/index.html']).toEqual(['k2999'.padEnd(32, '0'), 'page 2999'.length])
    // The next build renders none of them: each is kept by its key.
    const report = await writeSiteAtomically(site, [{ path: 'index.html', content: 'home' }, ...keyed(() => { throw new Error('rendered again') })])
    expect(report.unchanged).toBe(3001)
    expect(read(site, 'boards/b/1234/index.html')).toBe('page 1234')
    // The same keys give the same bytes.
    expect(readFileSync(path.join(site, '.leaderlog-keys')).equals(bytes)).toBe(true)
    // A build that fails midway leaves the site and its keys as they were, and nothing half written beside them.
    const failing = function* () {
      yield* keyed((i) => `page ${i}`).slice(0, 2000)
      throw new Error('stopped')
    }
    await expect(writeSiteAtomically(site, failing())).rejects.toThrow(/stopped/)
    expect(readFileSync(path.join(site, '.leaderlog-keys')).equals(bytes)).toBe(true)
    expect(readdirSync(path.dirname(site)).filter((n) => n.includes('.tmp-'))).toEqual([])
    expect(read(site, 'boards/b/2999/index.html')).toBe('page 2999')
  })

  it('never writes into a spare that is not its own, and never changes the site it serves through a spare', async () => {
    const parent = path.join(work, 'not-a-spare')
    const site = path.join(parent, 'site')
    await writeSiteAtomically(site, [{ path: 'index.html', content: 'one' }])
    // A directory of that name without the stamp: left as it is, and the replaced site is removed instead.
    await mkdir(path.join(parent, '.site.spare'))
    await writeFile(path.join(parent, '.site.spare/notes.txt'), 'mine')
    const report = await writeSiteAtomically(site, [{ path: 'index.html', content: 'two' }])
    expect(report.reused).toBe(false)
    expect(listFiles(path.join(parent, '.site.spare'))).toEqual(['notes.txt'])
    expect(readdirSync(parent).sort()).toEqual(['.site.spare', 'site'])
    expect(read(site, 'index.html')).toBe('two')
    // Files the spare shares with the served site (hard links) are replaced, never written into.
    await rm(path.join(parent, '.site.spare'), { recursive: true })
    const shared = [{ path: 'a.html', content: 'a' }, { path: 'b.html', content: 'b' }]
    await writeSiteAtomically(site, shared)
    await writeSiteAtomically(site, shared) // a.html and b.html linked: one inode in the site and the spare
    await writeSiteAtomically(site, [{ path: 'a.html', content: 'A' }, { path: 'b.html', content: 'b' }])
    expect([read(site, 'a.html'), read(site, 'b.html')]).toEqual(['A', 'b'])
    expect([read(path.join(parent, '.site.spare'), 'a.html'), read(path.join(parent, '.site.spare'), 'b.html')]).toEqual(['a', 'b'])
  })

  it('lists an organization upstream renamed once, under its new name, and keeps its old address', async () => {
    const store = path.join(work, 'renamed-org')
    await cp(seeds, store, { recursive: true })
    const later = path.join(store, 'lmarena-text/2025-11-20.fr.md')
    await writeFile(later, (await readFile(later, 'utf8')).replaceAll('| xAI ', '| SpaceXAI '))
    const site = path.join(work, 'renamed-org-site')
    const r = await run(['build', '--snapshots', store, '--out', site, '--base-url', 'https://example.org/'])
    expect(r.code).toBe(0)
    const orgs = read(site, 'organizations/index.html')
    expect(orgs).toMatch(/<a href="\/organizations\/spacexai\/">SpaceXAI<\/a> <span class="badge">formerly xAI<\/span>/)
    expect(orgs).not.toMatch(/>xAI<\/a>/)
    expect(read(site, 'organizations/spacexai/index.html')).toMatch(/The boards credited it as xAI until 2025-11-18, and by its new name from 2025-11-20 on/)
    // The address the old name gave says where the organization is now, and is not in the sitemap.
    const moved = read(site, 'organizations/xai/index.html')
    expect(moved).toMatch(/<h1>xAI is now SpaceXAI<\/h1>/)
    expect(moved).toContain('href="/organizations/spacexai/"')
    expect(read(site, 'sitemap.xml')).toContain('/organizations/spacexai/')
    expect(read(site, 'sitemap.xml')).not.toContain('/organizations/xai/')
    // The registry names the organization as it is called now; the snapshot data keeps what each row was published with.
    const models = JSON.parse(read(site, 'data/models.json')) as { models: { id: string; organization?: string }[] }
    expect(models.models.find((m) => m.id === 'grok-4.1-thinking')?.organization).toBe('SpaceXAI')
    // Its page says what the rows called the organization before.
    expect(read(site, 'models/grok-4.1-thinking/index.html')).toMatch(/>SpaceXAI<\/a> <span class="rule">\(named xAI until 2025-11-18 on the boards\)<\/span>/)
    expect(read(site, 'data/lmarena-text/2025-11-18.csv')).toContain('xAI')
    expect(read(site, 'data/lmarena-text/2025-11-18.csv')).not.toContain('SpaceXAI')
    expect(read(site, 'data/lmarena-text/2025-11-20.csv')).toContain('SpaceXAI')
    // A dated page shows the name the row was published with; the latest standings link it to the organization as it is now.
    const first = read(site, 'boards/lmarena-text/2025-11-18/index.html')
    expect(first).toContain('<td>xAI</td>')
    expect(first).not.toContain('SpaceXAI</td>')
    expect(read(site, 'boards/lmarena-text/2025-11-20/index.html')).toContain('<td>SpaceXAI</td>')
    expect(read(site, 'boards/lmarena-text/index.html')).toContain('<td><a href="/organizations/spacexai/">SpaceXAI</a></td>')
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] })
    const report = await validator.validateString(moved)
    expect(report.valid, JSON.stringify(report.results.flatMap((x) => x.messages.map((m) => m.message)))).toBe(true)
    // `leaderlog registry` prints the rename.
    const registry = await run(['registry', '--snapshots', store])
    expect(registry.out).toContain('organization "xAI" → "SpaceXAI": 10 models credited to xAI until 2025-11-18, to SpaceXAI from 2025-11-20 on [renamed]\n')
    // The data file can keep them apart (either way round, any spelling it folds): two organizations again.
    const data = JSON.parse(await readFile(path.join(store, 'registry.json'), 'utf8')) as { organizations: object[] }
    data.organizations.push({ name: 'SpaceXAI', distinct: ['XAI'], note: 'test: not a rename' })
    await writeFile(path.join(store, 'registry.json'), JSON.stringify(data))
    expect((await run(['build', '--snapshots', store, '--out', site])).code).toBe(0)
    expect(read(site, 'organizations/index.html')).not.toContain('formerly')
    expect(read(site, 'organizations/spacexai/index.html')).not.toContain('credited it as')
    expect(existsSync(path.join(site, 'organizations/xai/index.html')) && read(site, 'organizations/xai/index.html')).not.toContain('is now SpaceXAI')
  }, 60_000)

  it('names store files relative to the store: builds from other directories and spellings are byte-identical', async () => {
    const home = path.join(work, 'spelling')
    await cp(seeds, path.join(home, 'snapshots'), { recursive: true })
    const builds = [
      { cwd: home, snapshots: 'snapshots', out: 'a' },
      { cwd: path.join(home, 'snapshots'), snapshots: '.', out: '../b' },
      { cwd: work, snapshots: path.join(home, 'snapshots') + '/', out: path.join(home, 'c') },
      { cwd: '/', snapshots: path.join(home, 'x/../snapshots/./'), out: path.join(home, 'd') }
    ]
    for (const b of builds) expect((await run(['build', '--snapshots', b.snapshots, '--out', b.out], b.cwd)).code).toBe(0)
    const listed = listFiles(path.join(home, 'a'))
    expect(listed).toEqual(files)
    for (const name of ['b', 'c', 'd']) {
      expect(listFiles(path.join(home, name))).toEqual(listed)
      for (const f of listed) expect(read(path.join(home, name), f), `${name}/${f}`).toBe(read(path.join(home, 'a'), f))
    }
    for (const f of listed) {
      const text = read(path.join(home, 'a'), f)
      expect(text.includes(home) || text.includes(work), f).toBe(false)
    }
    expect(read(path.join(home, 'a'), 'boards/lmarena-text/index.html')).toContain('<code>snapshots/lmarena-text/2025-11-20.fr.md</code>')
  }, 180_000)
})
