import { existsSync, readFileSync, readdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { cachedParser } from '../../src/parse/cached-parser.js'
import { DATA_FILES_CACHE, digestOf, openCache, parserEntry, PRUNE_EVERY_HOURS, pruneCache, pruneCacheWhenDue, PRUNED_STAMP, UNUSED_ENTRY_DAYS } from '../../src/parse/cache.js'
import { asciiJson } from '../../src/parse/sealed.js'
import { codeDigest, importsOf, moduleGraph } from '../../src/core/code-digest.js'
import { parsePage } from '../../src/parse/index.js'
import { decodePlaces, unpackPlaces, type EncodedPlaces } from '../../src/schema/places.js'
import { checkerModule } from '../../src/pipeline/load-site.js'
import { repoRoot, snapshotsDir, tempDir } from '../helpers.js'

const seal = readFileSync(path.join(snapshotsDir, 'seal/2024-05-13.en.md'), 'utf8')

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
}

describe('parse cache', () => {
  it('returns what parsing returns, from disk the second time', async () => {
    const dir = await tempDir()
    const parse = cachedParser(dir)
    const first = parse(seal, { source: 'seal' })
    expect(parse.stats).toEqual({ hits: 0, misses: 1, unread: 0 })
    const second = parse(seal, { source: 'seal' })
    expect(parse.stats).toEqual({ hits: 1, misses: 1, unread: 0 })
    expect(second).toEqual(first)
    expect(second).toEqual(JSON.parse(JSON.stringify(parsePage(seal, { source: 'seal' }))))
  })

  it('keys on options and content', async () => {
    const dir = await tempDir()
    const parse = cachedParser(dir)
    parse(seal, { source: 'seal' })
    parse(seal, {})
    parse(seal + '\n', { source: 'seal' })
    expect(parse.stats).toEqual({ hits: 0, misses: 3, unread: 0 })
    expect(files(dir)).toHaveLength(3)
  })

  it('parses again when an entry is damaged', async () => {
    const dir = await tempDir()
    const parse = cachedParser(dir)
    const first = parse(seal)
    for (const f of files(dir)) writeFileSync(f, '{"trunc')
    expect(parse(seal)).toEqual(first)
    expect(parse.stats).toEqual({ hits: 0, misses: 2, unread: 0 })
  })

  it('parses again when an entry is JSON of the wrong shape, instead of handing it on', async () => {
    const dir = await tempDir()
    const parse = cachedParser(dir)
    const first = parse(seal)
    const [entry] = files(dir)
    const wrong = [
      { parser: '1', source: 'seal', language: 'en', snapshots: 'none', messages: [] },
      { ...first, snapshots: first.snapshots.map((s) => ({ ...s, rows: s.rows.map((r) => ({ ...r, rank: 'first' })) })) },
      { ...first, messages: [{ line: 0, column: 1, severity: 'fatal', rule: 'no-such-rule', message: 'x' }] },
      { ...first, snapshots: [{ ...first.snapshots[0]!, places: undefined }] }
    ]
    for (const value of wrong) {
      writeFileSync(entry!, JSON.stringify(value))
      expect(parse(seal)).toEqual(first)
    }
    expect(parse.stats).toEqual({ hits: 0, misses: 1 + wrong.length, unread: 0 })
    // What parsing wrote back is a good entry again.
    expect(parse(seal)).toEqual(first)
    expect(parse.stats.hits).toBe(1)
  })

  it('reads an entry back only while its bytes have the digest written with them', async () => {
    const dir = await tempDir()
    const parse = cachedParser(dir)
    const result = parse(seal, { source: 'seal' })
    const [entry] = files(dir)
    const text = readFileSync(entry!, 'utf8')
    const [digest, json] = [text.slice(0, text.indexOf('\n')), text.slice(text.indexOf('\n') + 1)]
    expect(digest).toBe(createHash('sha256').update(json).digest('hex'))
    // The JSON of the result, each snapshot's cell positions encoded.
    const stored = JSON.parse(json) as { snapshots: { places: EncodedPlaces }[] }
    expect({ ...stored, snapshots: stored.snapshots.map((s) => ({ ...s, places: unpackPlaces(decodePlaces(s.places)!) })) }).toEqual(JSON.parse(JSON.stringify(result)))
    expect(stored.snapshots[0]!.places.keys).toEqual(['row', 'rank', 'name', 'score', 'ciPlus', 'ciMinus', 'votes', 'organization', 'license', 'sourceUrl'].filter((k) => k in result.snapshots[0]!.places[0]!))
    // One cell edited by hand, the digest left as it was: parsed again, and the entry mended.
    writeFileSync(entry!, text.replace('"rank":1', '"rank":2'))
    const hits = parse.stats.hits
    expect(parse(seal, { source: 'seal' })).toEqual(result)
    expect(parse.stats.hits).toBe(hits)
    expect(readFileSync(entry!, 'utf8')).toBe(text)
    expect(parse(seal, { source: 'seal' })).toEqual(result)
    expect(parse.stats.hits).toBe(hits + 1)
  })

  it('writes an entry in ASCII alone, every other character escaped, and reads the same text back', async () => {
    const dir = await tempDir()
    const parse = cachedParser(dir)
    // The English seed with its leader renamed past ASCII (and past the Basic Multilingual Plane: inside the name, an emoji
    // at its end being a badge).
    const en = readFileSync(path.join(snapshotsDir, 'lmarena-text/2025-11-18.en.md'), 'utf8').replace('grok-4.1-thinking', 'grok-4.1-思考-Ωé-😀-x')
    const result = parse(en, { source: 'lmarena-text' })
    expect(result.snapshots[0]!.rows[0]!.name).toBe('grok-4.1-思考-Ωé-😀-x')
    const [entry] = files(dir)
    expect([...readFileSync(entry!)].every((byte) => byte < 0x80)).toBe(true)
    expect(readFileSync(entry!, 'utf8')).toContain('grok-4.1-\\u601d\\u8003-\\u03a9\\u00e9-\\ud83d\\ude00-x')
    expect(parse(en, { source: 'lmarena-text' })).toEqual(result)
    expect(parse.stats.hits).toBe(1)
  })

  it('escapes any text past ASCII so that JSON reads it back the same', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        for (const x of [value, text, { text, value }]) {
          const json = asciiJson(JSON.stringify(x))
          expect(json).toMatch(/^[\x00-\x7f]*$/)
          expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(x)))
        }
      })
    )
  })

  it('keys entries on the code digest: another digest never reads them', async () => {
    const dir = await tempDir()
    const a = openCache(dir, 'digest-a')
    const result = parsePage(seal)
    a.set('k', seal, result)
    const hit = a.get('k', seal)!
    expect({ ...hit, snapshots: hit.snapshots.map((s) => ({ ...s, places: unpackPlaces(s.places) })) }).toEqual(JSON.parse(JSON.stringify(result)))
    // The pipeline reads the positions packed (one Int32Array per snapshot).
    expect(hit.snapshots[0]!.places[0]!.name).toEqual(result.snapshots[0]!.places[0]!.name)
    expect(openCache(dir, 'digest-b').get('k', seal)).toBeUndefined()
    expect(a.get('other key', seal)).toBeUndefined()
  })
})

describe('code digest', () => {
  it('reads every import form the sources and tsc output use, but type-only imports', () => {
    const text = [
      "import { a } from './a.js'",
      'import type { B } from "../b.js";',
      "import {\n  c,\n  d\n} from './cd.js'",
      "export { e } from './e.js'",
      "export * from './f.js'",
      "import './side-effect.js'",
      "const g = await import('./g.js')",
      "import { z } from 'zod'",
      "import path from 'node:path'",
      "const text = 'not an import'"
    ].join('\n')
    expect(importsOf(text)).toEqual(['./a.js', './cd.js', './e.js', './f.js', './side-effect.js', './g.js', 'zod', 'node:path'])
  })

  it("follows the parser's imports into core/ and diagnostics/, not into render/ or commands/", () => {
    const graph = moduleGraph(parserEntry())
    const rel = graph.files.map((f) => path.relative(path.join(repoRoot, 'src'), f).split(path.sep).join('/'))
    for (const f of ['parse/index.ts', 'parse/lmarena/adapter.ts', 'parse/seal/adapter.ts', 'core/sources.ts', 'core/compare.ts', 'diagnostics/rules.ts']) {
      expect(rel).toContain(f)
    }
    expect(rel.filter((f) => /^(render|commands|model|write|pipeline)\//.test(f))).toEqual([])
    expect(graph.packages.map((p) => p.replace(/@[^@]+$/, ''))).toEqual(expect.arrayContaining(['remark-gfm', 'remark-parse', 'unified']))
    expect(graph.packages.every((p) => /@\d+\.\d+\.\d+/.test(p))).toBe(true)
    // The per-file check, which keys the store's cache, reaches the validator too.
    const checker = moduleGraph(checkerModule)
    expect(checker.packages.map((p) => p.replace(/@[^@]+$/, ''))).toEqual(expect.arrayContaining(['remark-gfm', 'zod']))
    expect(checker.files.map((f) => path.relative(path.join(repoRoot, 'src'), f).split(path.sep).join('/'))).toEqual(expect.arrayContaining(['validate/snapshot.ts', 'store/check-parsed.ts', 'parse/index.ts']))
  })

  it('changes when any module the entry reaches changes, and only then', async () => {
    const dir = await tempDir()
    const write = async (file: string, text: string) => {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
      await writeFile(path.join(dir, file), text)
    }
    await write('parse/index.js', "import { b } from './b.js'\nexport const a = b\n")
    await write('parse/b.js', "export { c as b } from '../core/c.js'\n")
    await write('core/c.js', 'export const c = 1\n')
    await write('render/d.js', "import { a } from '../parse/index.js'\n")
    const entry = path.join(dir, 'parse/index.js')
    const before = codeDigest(entry)
    expect(moduleGraph(entry).files.map((f) => path.relative(dir, f).split(path.sep).join('/'))).toEqual(['core/c.js', 'parse/b.js', 'parse/index.js'])
    await write('render/d.js', "import { a } from '../parse/index.js'\nexport const d = a\n")
    expect(codeDigest(entry)).toBe(before)
    await write('core/c.js', 'export const c = 2\n')
    const after = codeDigest(entry)
    expect(after).not.toBe(before)
    expect(codeDigest(entry, 'PARSER_VERSION 2')).not.toBe(after)
  })

  it('keys the checked-file cache on the validation code too', () => {
    const graph = moduleGraph(checkerModule)
    const rel = graph.files.map((f) => path.relative(path.join(repoRoot, 'src'), f).split(path.sep).join('/'))
    expect(rel).toEqual(expect.arrayContaining(['parse/index.ts', 'parse/version.ts', 'validate/snapshot.ts', 'store/check.ts', 'store/layout.ts', 'core/sources.ts']))
    expect(rel.filter((f) => f.startsWith('pipeline/'))).toEqual(['pipeline/check-file.ts', 'pipeline/crash.ts'])
    expect(digestOf(checkerModule)).toMatch(/^[0-9a-f]{16}$/)
  })

  it('forgets entries no run used for a month, refreshes those it used, and touches nothing it did not write', async () => {
    const dir = await tempDir()
    const cache = openCache(dir, 'code-1')
    const result = parsePage(seal, { source: 'seal' })
    cache.set('a', seal, result)
    const stale = openCache(dir, 'code-0') // an older parser's entry, and a file since edited
    stale.set('a', seal, result)
    stale.set('b', seal + 'edited', result)
    const kept = [...cache.used][0]!
    const [old, recent] = [...stale.used]
    const shard = (f: string) => path.basename(path.dirname(f))
    const now = Date.now()
    const day = 86_400_000
    const age = (f: string, days: number) => utimesSync(f, new Date(now - days * day), new Date(now - days * day))
    age(kept, 90)
    age(old!, UNUSED_ENTRY_DAYS + 1)
    age(recent!, UNUSED_ENTRY_DAYS - 1)
    // A killed run's half-written entry; files the cache never names so.
    const temp = path.join(path.dirname(kept), `${path.basename(kept)}.4242.tmp`)
    writeFileSync(temp, '{"half')
    age(temp, 2)
    // The data files' result half-written by a killed run, a day old; another, written a minute ago.
    const dataTemp = path.join(dir, `${DATA_FILES_CACHE}.4242.tmp`)
    writeFileSync(dataTemp, '{"half')
    age(dataTemp, 2)
    const dataWriting = path.join(dir, `${DATA_FILES_CACHE}.4243.tmp`)
    writeFileSync(dataWriting, '{"hal')
    const foreign = [path.join(dir, 'notes.txt'), path.join(path.dirname(kept), 'readme.json'), path.join(dir, 'zz', `${'0'.repeat(64)}.json`)]
    await mkdir(path.join(dir, 'zz'))
    for (const f of foreign) {
      writeFileSync(f, 'mine')
      age(f, 400)
    }
    // A shard whose only entry goes is removed with it.
    const lone = ['00', '01', '02', '03'].find((name) => ![kept, old!, recent!].some((f) => shard(f) === name))!
    await mkdir(path.join(dir, lone))
    const loneEntry = path.join(dir, lone, `${lone}${'e'.repeat(62)}.json`)
    writeFileSync(loneEntry, 'x')
    age(loneEntry, UNUSED_ENTRY_DAYS + 5)
    // A shard that links to a folder elsewhere: nothing in it is the cache's.
    const elsewhere = await tempDir()
    const outside = path.join(elsewhere, `${'a'.repeat(64)}.json`)
    writeFileSync(outside, 'theirs')
    age(outside, 400)
    const linkedShard = ['10', '11', '12', '13'].find((name) => ![kept, old!, recent!].some((f) => shard(f) === name))!
    symlinkSync(elsewhere, path.join(dir, linkedShard))
    const report = pruneCache(dir, cache.used, now)
    expect(existsSync(outside)).toBe(true)
    expect(report.removed).toBe(4)
    expect(existsSync(dataTemp)).toBe(false)
    expect(existsSync(dataWriting)).toBe(true)
    expect(existsSync(path.join(dir, lone))).toBe(false)
    expect(existsSync(old!)).toBe(false)
    expect(existsSync(temp)).toBe(false)
    expect(existsSync(recent!)).toBe(true)
    for (const f of foreign) expect(existsSync(f), f).toBe(true)
    // The used entry counts from now: unused for another month before it goes.
    expect(statSync(kept).mtimeMs).toBeGreaterThan(now - 1000)
    expect(openCache(dir, 'code-1').get('a', seal)).toEqual(cache.get('a', seal))
    expect(pruneCache(path.join(dir, 'no-such-dir'), new Set())).toEqual({ removed: 0, bytes: 0 })
  })

  it('prunes when the last pruning is PRUNE_EVERY_HOURS old, not on every build', async () => {
    const dir = await tempDir()
    const cache = openCache(dir, 'code-1')
    const result = parsePage(seal, { source: 'seal' })
    const now = Date.now()
    const hour = 3_600_000
    const staleEntry = () => {
      const stale = openCache(dir, 'code-0')
      stale.set(String(Math.random()), seal, result)
      const f = [...stale.used][0]!
      utimesSync(f, new Date(now - (UNUSED_ENTRY_DAYS + 1) * 24 * hour), new Date(now - (UNUSED_ENTRY_DAYS + 1) * 24 * hour))
      return f
    }
    cache.set('a', seal, result)
    const first = staleEntry()
    // Never pruned: pruned now, and the stamp says so.
    expect(pruneCacheWhenDue(dir, cache.used, now)).toEqual({ removed: 1, bytes: expect.any(Number) })
    expect(existsSync(first)).toBe(false)
    expect(Math.abs(statSync(path.join(dir, PRUNED_STAMP)).mtimeMs - now)).toBeLessThan(1)
    // Within the hours: nothing is walked, nothing removed.
    const second = staleEntry()
    expect(pruneCacheWhenDue(dir, cache.used, now + (PRUNE_EVERY_HOURS - 1) * hour)).toBeUndefined()
    expect(existsSync(second)).toBe(true)
    // Once they are past, pruned again.
    expect(pruneCacheWhenDue(dir, cache.used, now + PRUNE_EVERY_HOURS * hour)?.removed).toBe(1)
    expect(existsSync(second)).toBe(false)
    expect(existsSync([...cache.used][0]!)).toBe(true)
    // A stamp from the future (a clock set back) does not stop pruning for ever.
    const third = staleEntry()
    expect(pruneCacheWhenDue(dir, cache.used, now)?.removed).toBe(1)
    expect(existsSync(third)).toBe(false)
  })
})
