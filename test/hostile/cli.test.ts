import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli.js'
import { parseRegistryData } from '../../src/registry/data.js'
import { maxIdLength, nameKey } from '../../src/registry/keys.js'
import { parseBaseUrl } from '../../src/render/urls.js'
import { captureIo, copySeeds, tempDir } from '../helpers.js'
import { page, store } from '../registry/fixtures.js'

// Careless and hostile input at the CLI (issue 10): each test fails without its fix.

describe('a store that is not there', () => {
  for (const command of ['check', 'registry', 'build']) {
    it(`\`${command}\` on a mistyped --snapshots fails with exit 1 and says why`, async () => {
      const dir = await tempDir()
      const c = captureIo(dir)
      expect(await main([command, '--snapshots', 'snapshotz'], c.io)).toBe(1)
      expect(c.err()).toBe(`leaderlog ${command}: Cannot read snapshots from snapshotz: no such directory\n`)
      expect(c.out()).toBe('')
    })

    it(`\`${command}\` in a directory without snapshots/ in it fails rather than finding 0 files`, async () => {
      const dir = await tempDir()
      await mkdir(path.join(dir, 'snapshots'))
      await writeFile(path.join(dir, 'snapshots', 'sources.json'), '{"sources":[]}')
      const c = captureIo(dir)
      expect(await main([command], c.io)).toBe(1)
      expect(c.err()).toMatch(/^leaderlog \w+: Cannot read snapshots from snapshots: no snapshot files in it/)
    })
  }
})

describe('terminal escapes', () => {
  it('`check` shows control, escape and bidi characters from a page escaped, never raw', async () => {
    const store = await copySeeds()
    const page = await readFile(path.join(store, 'lmarena-text/2025-11-18.en.md'), 'utf8')
    // A corrupted cell whose text would clear the screen, retitle the terminal and reverse the line.
    const hostile = page.replace('| 1483Preliminary', '| 14\u001b[2J\u001b]0;pwned\u0007\u202e极83')
    expect(hostile).not.toBe(page)
    await writeFile(path.join(store, 'lmarena-text/2025-11-18.en.md'), hostile)
    const c = captureIo(store)
    expect(await main(['check', '--snapshots', '.'], c.io)).toBe(1)
    const out = c.out()
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/)
    expect(out).toContain('\\u{1b}[2J\\u{1b}]0;pwned\\u{7}\\u{202e}')
  })
})

describe('data files', () => {
  it('a deeply nested registry.json is an invalid-registry-data error, not a stack overflow', () => {
    const { messages } = parseRegistryData('{"models":' + '['.repeat(200_000))
    expect(messages).toEqual([
      { line: 1, column: 74, severity: 'error', rule: 'invalid-registry-data', message: 'Invalid JSON: Unexpected `[`, expected at most 64 nested objects and arrays' }
    ])
  })

  it('`__proto__` in a data file is an ordinary (unknown) key, never a prototype', () => {
    const { messages } = parseRegistryData('{"__proto__":{"models":[{"id":"x"}]}}')
    expect(messages.map((m) => m.message)).toEqual(['Unexpected field `__proto__` at the top level, expected only `$comment`, `providerPrefixes`, `models`, `organizations`, `licenses`'])
  })
})

describe('--base-url', () => {
  it('refuses a protocol-relative URL, which would load every asset from another host', async () => {
    expect(() => parseBaseUrl('//evil.com/')).toThrow(/Invalid --base-url `\/\/evil\.com\/`/)
    const c = captureIo(await copySeeds())
    expect(await main(['build', '--snapshots', '.', '--out', 'dist', '--base-url', '//evil.com/'], c.io)).toBe(2)
    expect(parseBaseUrl('/leaderlog/')).toEqual({ path: '/leaderlog/' })
  })
})

describe('models named like the paths the site writes', () => {
  it('build fine, each on its own page, and no file escapes --out', async () => {
    const names = ['index.html', 'data', 'models', 'badges', 'compare', 'feed.xml', '..', '%2e%2e', '../../escape', 'assets', '404.html']
    const dir = await store({ 'lmarena-text/2025-01-01.en.md': page('2025-01-01', names.map((name, i) => ({ name, score: 1400 - i * 10, votes: 1000 + i }))) })
    const parent = await tempDir()
    const out = path.join(parent, 'site')
    const c = captureIo(dir)
    expect(await main(['build', '--snapshots', '.', '--out', out, '--base-url', 'https://example.org/'], c.io)).toBe(0)
    expect(c.err()).not.toMatch(/EISDIR|ENOTDIR|EEXIST/)
    // Nothing beside --out but the output itself.
    expect(await readdir(parent)).toEqual(['site'])
    const models = JSON.parse(await readFile(path.join(out, 'data/models.json'), 'utf8')) as { models: { id: string; name: string }[] }
    expect(models.models.map((m) => m.name).sort()).toEqual([...names].sort())
    for (const m of models.models) {
      expect(m.id).toMatch(/^[a-z0-9][a-z0-9.-]*$/)
      expect(m.id).not.toBe('index.html')
      expect(await readFile(path.join(out, 'models', m.id, 'index.html'), 'utf8'), m.name).toContain(`<h1>${m.name.replace(/&/g, '&amp;')}</h1>`)
    }
    // The site's own files are still its own.
    expect(await readFile(path.join(out, 'models/index.html'), 'utf8')).toContain('<h1>')
    expect(JSON.parse(await readFile(path.join(out, 'data/boards.json'), 'utf8'))).toBeTypeOf('object')
    expect(await readFile(path.join(out, 'feed.xml'), 'utf8')).toMatch(/^<\?xml/)
    const files = await readdir(out, { recursive: true })
    for (const f of files) expect(path.resolve(out, f).startsWith(out + path.sep), f).toBe(true)
  }, 120_000)
})

describe('very long names (found by the property test)', () => {
  // A name may have 300 characters (the row schema), an organization any number.
  const long = (end: string) => 'm'.repeat(280) + end

  it('a model of 282 characters and an organization of 400 build, under ids and slugs a file system takes (no ENAMETOOLONG)', async () => {
    const rows = [
      { name: long('-a'), organization: 'o'.repeat(400), score: 1300, votes: 1000 },
      { name: long('-b'), organization: '模'.repeat(300), score: 1290, votes: 900 }
    ]
    const dir = await store({ 'lmarena-text/2025-01-01.en.md': page('2025-01-01', rows) })
    const out = path.join(await tempDir(), 'site')
    const c = captureIo(dir)
    expect(await main(['build', '--snapshots', '.', '--out', out], c.io)).toBe(0)
    expect(c.err()).not.toMatch(/ENAMETOOLONG/)
    const models = JSON.parse(await readFile(path.join(out, 'data/models.json'), 'utf8')) as { models: { id: string; name: string }[] }
    expect(models.models.map((m) => m.name).sort()).toEqual([long('-a'), long('-b')])
    for (const m of models.models) {
      expect(m.id.length).toBeLessThanOrEqual(maxIdLength)
      expect(await readFile(path.join(out, 'models', m.id, 'index.html'), 'utf8')).toContain(m.name)
    }
    for (const dirName of await readdir(path.join(out, 'organizations'))) expect(dirName.length).toBeLessThanOrEqual(maxIdLength + 3)
  }, 60_000)

  it('a long key keeps its start and a digest of the whole: spellings of one name agree, two names stay apart', () => {
    expect(nameKey(long('-A'))).toBe(nameKey(long(' a')))
    expect(nameKey(long('-a'))).not.toBe(nameKey(long('-b')))
    expect(nameKey(long('-a'))).toMatch(/^m{91}-[0-9a-f]{8}$/)
    expect(nameKey('gpt-4o')).toBe('gpt-4o')
  })

  it('the data file cannot pin an id longer than that', () => {
    const { messages } = parseRegistryData(`{"models":[{"id":"${'x'.repeat(101)}","aliases":["X"]}]}`)
    expect(messages.map((m) => m.rule)).toEqual(['invalid-registry-data'])
    expect(messages[0]!.message).toMatch(/^Invalid `models\.0\.id`: expected an id of at most 100 characters/)
  })
})

describe('a name of invisible characters only (found by the property test)', () => {
  it('is no name: an invalid-row error at its cell, the row left out, never a model shown as ``', async () => {
    const csv = 'rank,model,arena_score,95_pct_ci,votes,organization,license\n1,gpt-4o,1300,+5/-5,1000,OpenAI,Proprietary\n2,\u0000,1290,+5/-5,900,OpenAI,Proprietary\n3,\u200b\u202e,1280,+5/-5,800,OpenAI,Proprietary\n'
    const dir = await store({ 'lmarena-text/2025-01-01.en-x-exports.csv': csv })
    const check = captureIo(dir)
    expect(await main(['check', '--snapshots', '.'], check.io)).toBe(1)
    const out = check.out().replace(/\s+/g, ' ')
    expect(out).toContain('3:3 error Invalid `name` in row `\\u{0}`: expected a name with a visible character, found `"\\u0000"`; row left out invalid-row')
    expect(out).toContain('4:3 error Invalid `name` in row `\\u{200b}\\u{202e}`: expected a name with a visible character, found `"\\u{200b}\\u{202e}"`; row left out invalid-row')
    const registry = captureIo(dir)
    await main(['registry', '--snapshots', '.', '--json'], registry.io)
    expect((JSON.parse(registry.out()) as { models: { name: string }[] }).models.map((m) => m.name)).toEqual(['gpt-4o'])
  })
})

describe('organizations that cleaning would empty (found by the property test)', () => {
  it('`..` is shown as written, never as an empty organization; an invisible-only one is an invalid-row error', async () => {
    const csv = 'rank,model,arena_score,95_pct_ci,votes,organization,license\n1,gpt-4o,1300,+5/-5,1000,..,Proprietary\n2,claude,1290,+5/-5,900,\u200b,Proprietary\n3,gemini,1280,+5/-5,800,Google,\u202e\n'
    const dir = await store({ 'lmarena-text/2025-01-01.en-x-exports.csv': csv })
    const check = captureIo(dir)
    expect(await main(['check', '--snapshots', '.'], check.io)).toBe(1)
    const out = check.out().replace(/\s+/g, ' ')
    expect(out).toContain('3:25 error Invalid `organization` in row `claude`: expected an organization with a visible character')
    expect(out).toContain('4:32 error Invalid `license` in row `gemini`: expected a license with a visible character')
    const registry = captureIo(dir)
    await main(['registry', '--snapshots', '.', '--json'], registry.io)
    expect((JSON.parse(registry.out()) as { models: { name: string; organization?: string }[] }).models.map((m) => [m.name, m.organization])).toEqual([['gpt-4o', '..']])
  })
})

describe('values of a disagreement between language versions (found by the property test)', () => {
  it('are shown on the data-quality page with their invisible characters made visible, never raw', async () => {
    const rows = (second: string) => [
      { name: 'gpt-4o', score: 1300, votes: 1000 },
      { name: second, score: 1290, votes: 900 },
      { name: 'gemini', score: 1280, votes: 800 }
    ]
    const dir = await store({
      'lmarena-text/2025-01-01.en.md': page('2025-01-01', rows('claude-3-opus')),
      'lmarena-text/2025-01-01.fr.md': page('2025-01-01', rows('\u2066iso\u2069'))
    })
    const out = path.join(await tempDir(), 'site')
    expect(await main(['build', '--snapshots', '.', '--out', out], captureIo(dir).io)).toBe(0)
    const html = await readFile(path.join(out, 'data-quality/lmarena-text/2025-01/index.html'), 'utf8')
    expect(html).toContain('<code>\\u{2066}iso\\u{2069}</code>')
    expect(html).not.toMatch(/[\u2066\u2069]/)
  })
})

describe('one pipeline', () => {
  it('`check` lists every finding `build` and `registry` count, registry-level ones included', async () => {
    const rows = (votes: number) => [
      { name: 'gpt-4o', score: 1300, votes: 1000 },
      { name: 'index.html', score: 1290, votes: 900 },
      { name: 'claude\u200b-3', score: 1280, votes },
      { name: 'gemini', score: 1270, votes: 700 }
    ]
    const dir = await store({ 'lmarena-text/2025-01-01.en.md': page('2025-01-01', rows(800)), 'lmarena-text/2025-01-01.fr.md': page('2025-01-01', rows(801)) })
    const check = captureIo(dir)
    await main(['check', '--snapshots', '.'], check.io)
    const build = captureIo(dir)
    expect(await main(['build', '--snapshots', '.', '--out', path.join(await tempDir(), 'site')], build.io)).toBe(0)
    const registry = captureIo(dir)
    expect(await main(['registry', '--snapshots', '.'], registry.io)).toBe(0)
    // Registry-level findings (made by normalize, not by any one file) are in check's list.
    const listed = check.out().replace(/\s+/g, ' ')
    for (const rule of ['reserved-id', 'hidden-characters', 'variant-disagreement']) expect(listed, rule).toContain(` ${rule} leaderlog`)
    const [, errors, warnings] = /: (\d+) errors?, (\d+) warnings? in/.exec(check.out())!
    expect(Number(warnings)).toBeGreaterThanOrEqual(3)
    expect(build.err()).toContain(`Found ${errors} errors and ${warnings} warnings in the snapshots`)
    expect(registry.err()).toContain(`Found ${errors} errors and ${warnings} warnings in the store`)
  })
})
