import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli.js'
import { reservedIds } from '../../src/registry/keys.js'
import { pageFile, paths } from '../../src/render/urls.js'
import { captureIo, tempDir } from '../helpers.js'
import { emptyData } from '../../src/registry/data.js'
import { normalize } from '../../src/registry/normalize.js'
import { input, page, store } from './fixtures.js'

/** Markdown would read `__proto__` as bold `proto`: the cell escapes it, the parser gives the word. */
const md = (word: string) => word.replace(/_/g, '\\_')

describe('words that are properties of every object are ordinary model names, organizations and licenses', () => {
  const words = ['__proto__', 'constructor', 'toString', 'hasOwnProperty']
  let dir: string
  let out: string
  let code: number
  let err: string
  beforeAll(async () => {
    const rows = words.map((w, i) => ({ name: md(w), organization: md(words[(i + 1) % 4]!), license: md(words[(i + 2) % 4]!), score: 1400 - i * 10, votes: 1000 + i }))
    dir = await store({ 'lmarena-text/2025-01-01.en.md': page('2025-01-01', rows) })
    out = path.join(await tempDir(), 'site')
    const c = captureIo(dir)
    code = await main(['build', '--snapshots', '.', '--out', out], c.io)
    err = c.err()
  }, 120_000)

  it('builds (no `translated.split is not a function`)', () => {
    expect(err).not.toMatch(/TypeError|is not a function/)
    expect(code).toBe(0)
  })

  it('gives each its page and its organization and license', () => {
    const models = JSON.parse(readFileSync(path.join(out, 'data/models.json'), 'utf8')) as { models: { id: string; name: string; organization: string; license: string }[] }
    expect(models.models.map((m) => [m.name, m.organization, m.license]).sort()).toEqual(
      [
        ['__proto__', 'constructor', 'toString'],
        ['constructor', 'toString', 'hasOwnProperty'],
        ['hasOwnProperty', '__proto__', 'constructor'],
        ['toString', 'hasOwnProperty', '__proto__']
      ].sort()
    )
    for (const m of models.models) expect(existsSync(path.join(out, 'models', m.id, 'index.html')), m.id).toBe(true)
    const org = readFileSync(path.join(out, 'organizations/index.html'), 'utf8')
    for (const w of words) expect(org).toContain(`>${w}</a>`)
  })

  it('the registry command too', async () => {
    const c = captureIo(dir)
    expect(await main(['registry', '--snapshots', '.', '--json'], c.io)).toBe(0)
    expect(JSON.parse(c.out()).models).toHaveLength(4)
  })
})

describe('ids never collide with a path the site uses', () => {
  it('the reserved ids are exactly the paths the site writes beside model pages', () => {
    // Every path the site writes under `models/` that is not a model page: its first segment there.
    const sample = paths.model('some-model')
    const dir = sample.slice(0, sample.indexOf('some-model'))
    const beside = Object.values(paths)
      .map((make) => pageFile((make as (...args: string[]) => string)('x', 'x', 'x')))
      .filter((p) => p.startsWith(dir) && !p.startsWith(`${dir}x/`))
      .map((p) => p.slice(dir.length).split('/')[0]!)
    expect([...reservedIds].sort()).toEqual([...new Set(beside)].sort())
  })

  it('a model named `index.html` on a page is published under another id, with a warning (no EISDIR)', async () => {
    const dir = await store({ 'lmarena-text/2025-01-01.en.md': page('2025-01-01', [{ name: 'index.html', score: 1300, votes: 1000 }, { name: 'gpt-4o', score: 1290, votes: 900 }]) })
    const out = path.join(await tempDir(), 'site')
    const c = captureIo(dir)
    expect(await main(['build', '--snapshots', '.', '--out', out], c.io)).toBe(0)
    expect(c.err()).not.toMatch(/EISDIR/)
    expect(readFileSync(path.join(out, 'models/model-index.html/index.html'), 'utf8')).toContain('<h1>index.html</h1>')
    expect(readFileSync(path.join(out, 'models/index.html'), 'utf8')).toContain('href="/models/model-index.html/"')
    const check = captureIo(dir)
    expect(await main(['check', '--snapshots', '.'], check.io)).toBe(0)
    expect(check.out().replace(/\s+/g, ' ')).toContain('warning Unexpected model name `index.html`: its id `index.html` is a path the site uses, expected another name; published as `model-index.html` reserved-id')
  })

  it('the data file cannot pin one: build exits 1 and writes nothing', async () => {
    const dir = await store(
      { 'lmarena-text/2025-01-01.en.md': page('2025-01-01', [{ name: 'Index', score: 1300, votes: 1000 }]) },
      '{"models":[{"id":"index.html","aliases":["Index"],"note":"x"}]}'
    )
    const out = path.join(await tempDir(), 'site')
    const c = captureIo(dir)
    expect(await main(['build', '--snapshots', '.', '--out', out], c.io)).toBe(1)
    expect(c.err()).toContain('expected an id that is no path the site uses (not `index.html`)')
    expect(existsSync(out)).toBe(false)
  })
})

describe('names that would spoof another on pages, feeds and CSV', () => {
  // U+202E (right-to-left override) makes `gpt-4o‮-evil` read backwards; U+200B is invisible.
  const bidi = 'gpt-4o\u202e-evil'
  const zero = 'claude\u200b-3-opus'
  let dir: string
  let out: string
  let check: string
  beforeAll(async () => {
    dir = await store({ 'lmarena-text/2025-01-01.en.md': page('2025-01-01', [{ name: bidi, score: 1300, votes: 1000 }, { name: zero, score: 1290, votes: 900, organization: 'Anthropic\u200d' }]) })
    out = path.join(await tempDir(), 'site')
    // An absolute base URL: the feed (checked below) is only written with one.
    expect(await main(['build', '--snapshots', '.', '--out', out, '--base-url', 'https://example.org/'], captureIo(dir).io)).toBe(0)
    const c = captureIo(dir)
    await main(['check', '--snapshots', '.'], c.io)
    check = c.out()
  }, 120_000)

  it('shows the name without them in titles, headings, lists and CSV', () => {
    const pageHtml = readFileSync(path.join(out, 'models/gpt-4o-evil/index.html'), 'utf8')
    expect(pageHtml).toContain('<title>gpt-4o-evil')
    expect(pageHtml).toContain('<h1>gpt-4o-evil</h1>')
    const csv = readFileSync(path.join(out, 'data/lmarena-text/2025-01-01.csv'), 'utf8')
    expect(csv).toContain(',gpt-4o-evil,')
    expect(csv).toContain(',claude-3-opus,')
    for (const file of ['index.html', 'models/index.html', 'boards/lmarena-text/index.html', 'data/lmarena-text/2025-01-01.csv', 'feed.xml']) {
      expect(readFileSync(path.join(out, file), 'utf8'), file).not.toMatch(/[\u202e\u200b\u200d]/)
    }
  })

  it('keeps the raw spelling as an alias, shown with its invisible characters made visible', () => {
    const models = JSON.parse(readFileSync(path.join(out, 'data/models.json'), 'utf8')) as { models: { id: string; name: string; organization: string; aliases: string[]; repairs: { rule: string }[] }[] }
    const evil = models.models.find((m) => m.id === 'gpt-4o-evil')!
    expect(evil.name).toBe('gpt-4o-evil')
    expect(evil.aliases).toEqual([bidi])
    expect(evil.repairs).toEqual([{ from: bidi, to: 'gpt-4o-evil', rule: 'hidden-characters' }])
    expect(models.models.find((m) => m.id === 'claude-3-opus')!.organization).toBe('Anthropic')
    expect(readFileSync(path.join(out, 'models/gpt-4o-evil/index.html'), 'utf8')).toContain('<code>gpt-4o\\u{202e}-evil</code>')
  })

  it('warns at each cell that holds them', () => {
    check = check.replace(/\s+/g, ' ')
    expect(check).toContain("warning Unexpected invisible character `U+202E` in `name` `gpt-4o\\u{202e}-evil`, expected visible text; shown as `gpt-4o-evil` hidden-characters")
    expect(check).toContain("warning Unexpected invisible character `U+200B` in `name` `claude\\u{200b}-3-opus`, expected visible text; shown as `claude-3-opus` hidden-characters")
    expect(check).toContain("warning Unexpected invisible character `U+200D` in `organization` `Anthropic\\u{200d}`, expected visible text; shown as `Anthropic` hidden-characters")
  })
})

describe('hidden characters repeated from cell to cell and day to day', () => {
  it('are reported at every cell that holds them, and a clean text never is', () => {
    const bidi = 'gpt-4o\u202e-evil'
    const rows = (votes: number) => [
      { name: bidi, score: 1400, votes, organization: 'Open\u200bAI' },
      { name: 'claude-3-opus', score: 1390, votes: votes - 1, organization: 'Open\u200bAI' }
    ]
    const { diagnostics } = normalize([input('2025-01-01', rows(1000)), input('2025-01-02', rows(1100))], emptyData)
    const hidden = diagnostics.filter((d) => d.rule === 'hidden-characters').map((d) => `${d.file}:${d.line}:${d.column}`)
    // Each day: the name on row 1, the organization on rows 1 and 2 (cells the fixture places at column 1 of lines 10 and 11).
    expect(hidden).toEqual([
      'snapshots/lmarena-text/2025-01-01.en.md:10:1',
      'snapshots/lmarena-text/2025-01-01.en.md:10:9',
      'snapshots/lmarena-text/2025-01-01.en.md:11:1',
      'snapshots/lmarena-text/2025-01-02.en.md:10:1',
      'snapshots/lmarena-text/2025-01-02.en.md:10:9',
      'snapshots/lmarena-text/2025-01-02.en.md:11:1'
    ])
  })
})
