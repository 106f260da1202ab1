import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli.js'
import { loadSite, StoreError } from '../../src/pipeline/load-site.js'
import { reservedIds } from '../../src/registry/keys.js'
import { isFatal } from '../../src/validate/publishable.js'
import { captureIo, tempDir } from '../helpers.js'

/**
 * The whole pipeline on random stores (issue 10): random tables, as pages and
 * as CSV exports, with junk in their cells; hostile names, organizations and
 * licenses (markup, Eta and other template syntax, prototype keys, control
 * and bidi characters, very long strings); random file names and dates.
 * Properties: nothing throws; every table row becomes a row or a diagnostic
 * at its line; no page holds markup from the data unescaped; no CSV text cell
 * starts with a formula character; ids are unique, URL-safe and never a path
 * the site uses; two builds (from other working directories, the store
 * spelled otherwise) are byte-identical.
 *
 * Each run loads the store and builds it twice through `leaderlog build`.
 * Default 100 runs, about 15 s (0.15 s a run, 2 shared cores); 600 runs over
 * four seeds pass. `PROPERTY_RUNS` sets the runs, `PROPERTY_SEED` replays a
 * failure; the test prints its runs and time. Bugs it found, each with its
 * own test in `cli.test.ts`: a long organization aborted the build
 * (ENAMETOOLONG), a name or organization that shows as nothing.
 */

/** A marker tag: it must never reach a page as markup. */
const TAG = 'x-evil'

const hostileWords = [
  `<${TAG}>`,
  `<${TAG} onclick="a">`,
  `"><${TAG}>`,
  `<svg onload=1><${TAG}/>`,
  `&lt;${TAG}&gt;`,
  '<%= it %>',
  '<%~ it.layout %>',
  '<% throw 1 %>',
  '{{ x }}',
  '${x}',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  'index.html',
  '404.html',
  'assets',
  'data',
  'models',
  'feed.xml',
  '..',
  '.',
  '%2e%2e',
  '../../x',
  '=HYPERLINK("http://x","y")',
  '+1+1',
  '-2',
  '@SUM(A1)',
  '\tTAB',
  '\rCR',
  'a\u202Eb',
  'z\u200Bw',
  '\u2066iso\u2069',
  '\uFEFFbom',
  '\u001b[2J\u001b]0;t\u0007',
  '\u0000nul',
  'ø·é·中文·עברית',
  '`',
  '|',
  '&amp;',
  '<!--',
  ']]>',
  "'",
  '"',
  'javascript:alert(1)',
  '**bold**',
  '[link](javascript:x)',
  '1,234'
]

const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileWords) },
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .\-]{0,12}$/) },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 8, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.constant('m'.repeat(400)) }
)
const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(''))
const junk = fc.oneof(fc.constant(''), fc.constantFrom('12极4', '—', 'N/A', '1,2,3', '∞', '1e309', '-5', '٣٤٥', '=1+1', '<b>1</b>'), fc.string({ maxLength: 6, unit: 'binary' }))

interface Row {
  rank: string
  name: string
  score: string
  ci: string
  votes: string
  org: string
  license: string
}

const row = (i: number) =>
  fc.record({
    rank: fc.oneof({ weight: 6, arbitrary: fc.constant(String(i + 1)) }, { weight: 1, arbitrary: junk }),
    name,
    score: fc.oneof({ weight: 6, arbitrary: fc.constant(String(1500 - i * 7)) }, { weight: 1, arbitrary: junk }),
    ci: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 30 }).map(String) }, { weight: 1, arbitrary: junk }),
    votes: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 100, max: 90_000 }).map(String) }, { weight: 1, arbitrary: junk }),
    org: fc.oneof(word, fc.constant('Anthropic')),
    license: fc.oneof(word, fc.constant('Proprietary'))
  })

const table = fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => row(i))))
const date = fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2026-06-30T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))

/** A store file: its name (by the convention, misdated, or anything), its format and its table. */
const capture = fc.record({
  date,
  format: fc.constantFrom('md', 'md', 'csv'),
  language: fc.constantFrom('en', 'fr', 'zh', 'ja'),
  naming: fc.constantFrom('convention', 'convention', 'convention', 'other-date', 'junk'),
  junkName: fc.oneof(fc.stringMatching(/^[A-Za-z0-9 ._-]{1,12}$/), fc.constantFrom(`<${TAG}>`, '..x', '%2e%2e', 'index.html', '__proto__', '"q"')),
  rows: table
})
const store = fc.array(capture, { minLength: 1, maxLength: 3 })

type Capture = typeof capture extends fc.Arbitrary<infer T> ? T : never

/** A markdown cell: pipes escaped, line breaks flattened (as a scraper would write them). */
function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ')
}

/** A CSV field, quoted when it must be. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Line breaks as a parser counts them (vfile: CRLF, LF or a lone CR). */
const lineBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0

/** The file's text, and the line each table row starts on. */
function content(c: Capture): { text: string; rowLines: number[] } {
  const cells = (r: Row) => [r.rank, r.name, r.score, r.ci, r.votes, r.org, r.license]
  if (c.format === 'csv') {
    const header = 'rank,model,arena_score,95_pct_ci,votes,organization,license'
    const records = c.rows.map((r) => cells(r).map((v, i) => csvField(i === 3 && /^\d+$/.test(v) ? `+${v}/-${v}` : v)).join(','))
    // A quoted field may hold line breaks: a record then spans several lines.
    const rowLines: number[] = []
    let line = 2
    for (const r of records) rowLines.push(line), (line += lineBreaks(r) + 1)
    return { text: [header, ...records].join('\n') + '\n', rowLines }
  }
  const lines = [
    '# LLM Arena Leaderboard',
    '',
    `> **Data Update Time**: ${c.date} 08:00:00 UTC`,
    '',
    '| Rank | Model | Score | 95% CI (±) | Votes | Organization | License |',
    '|---:|:---|:---|:---|:---|:---|:---|',
    ...c.rows.map((r) => `| ${cells(r).map((v, i) => mdCell(i === 3 && /^\d+$/.test(v) ? `±${v}` : v)).join(' | ')} |`)
  ]
  return { text: lines.join('\n') + '\n', rowLines: c.rows.map((_, i) => 7 + i) }
}

/** Where the capture is stored, relative to the store. */
function fileName(c: Capture): string {
  const ext = c.format === 'csv' ? 'csv' : 'md'
  const language = c.format === 'csv' ? 'en-x-exports' : c.language
  if (c.naming === 'junk') return `lmarena-text/${c.junkName}.${ext}`
  const named = c.naming === 'other-date' ? (c.date === '2024-02-29' ? '2024-03-01' : '2024-02-29') : c.date
  return `lmarena-text/${named}.${language}.${ext}`
}

/** RFC 4180 records (CRLF or LF), fields unquoted. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') record.push(field), (field = '')
    else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      if (ch === '\r') i++
      record.push(field), records.push(record), (record = []), (field = '')
    } else field += ch
  }
  if (field || record.length) record.push(field), records.push(record)
  return records
}

/** CSV columns that hold numbers (negative ones included): every other column is text. */
const numberColumns = new Set(['rank', 'rankUpper', 'rankLower', 'rankStyleControl', 'score', 'ciPlus', 'ciMinus', 'votes', 'priceInput', 'priceOutput', 'context', 'preliminary'])

async function listFiles(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    files.set(path.relative(dir, full).split(path.sep).join('/'), await readFile(full))
  }
  return files
}

/** Hidden files (editor backups, `.…`) are not part of the store. */
const isHidden = (file: string) => path.posix.basename(file).startsWith('.')

const stats = { runs: 0, rows: 0, diagnostics: 0, files: 0 }

describe('the pipeline on random hostile stores', () => {
  it('never throws, accounts for every row, escapes everything, defuses CSV formulas, keeps ids safe, and is deterministic', async () => {
    const root = await tempDir('leaderlog-property-')
    const started = performance.now()
    await fc.assert(
      fc.asyncProperty(store, async (captures) => {
        const run = String(++stats.runs)
        const dir = path.join(root, run, 'snapshots')
        const files = new Map<string, { text: string; rowLines: number[] }>()
        for (const c of captures) {
          const file = fileName(c)
          if (files.has(file)) continue
          const { text, rowLines } = content(c)
          files.set(file, { text, rowLines })
          await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
          await writeFile(path.join(dir, file), text)
        }
        if ([...files.keys()].every(isHidden)) {
          // Only hidden files: no store, an error (never an empty site).
          await expect(loadSite({ dir, shownAs: 'snapshots' })).rejects.toThrow(StoreError)
          const c = captureIo(dir)
          expect(await main(['build', '--snapshots', '.', '--out', path.join(root, run, 'a')], c.io)).toBe(1)
          expect(c.err()).toMatch(/no snapshot files in it/)
          return
        }
        const site = await loadSite({ dir, shownAs: 'snapshots' }, { today: '2026-07-01', threads: false })

        // Every table row became a row, or a diagnostic names its line (or the file as a whole, before its rows).
        for (const [file, f] of files) {
          const checked = site.checked.find((c) => c.path === file)
          // Hidden files (editor backups, `.…`) are not part of the store: never read, never published.
          if (isHidden(file)) {
            expect(checked, file).toBeUndefined()
            continue
          }
          expect(checked, file).toBeDefined()
          const rowLines = new Set(checked!.result.snapshots.flatMap((s) => s.places.map((p) => p.row?.[0])))
          const mine = site.diagnostics.filter((d) => d.file === `snapshots/${file}`)
          const diagLines = new Set(mine.map((d) => d.line))
          const fileWide = mine.some((d) => d.severity === 'error' && d.line < f.rowLines[0]!)
          for (const line of f.rowLines) {
            expect(rowLines.has(line) || diagLines.has(line) || fileWide, `${file}:${line}\n${f.text}\n${JSON.stringify(mine, null, 1)}`).toBe(true)
          }
          stats.rows += f.rowLines.length
        }
        stats.diagnostics += site.diagnostics.length

        // Ids: unique, URL-safe, never a path the site uses.
        const ids = site.normalized.registry.models.map((m) => m.id)
        expect(new Set(ids).size).toBe(ids.length)
        for (const id of ids) {
          expect(id).toMatch(/^[a-z0-9][a-z0-9.-]*$/)
          expect(reservedIds.has(id), id).toBe(false)
        }

        // Two builds, from other working directories and spellings of the store: same exit, same bytes.
        const first = captureIo(path.join(root, run))
        const second = captureIo(dir)
        const codes = [
          await main(['build', '--snapshots', 'snapshots', '--out', 'a', '--today', '2026-07-01', '--base-url', 'https://example.org/x/'], first.io),
          await main(['build', '--snapshots', '.', '--out', path.join(root, run, 'b'), '--today', '2026-07-01', '--base-url', 'https://example.org/x/'], second.io)
        ]
        expect(first.err()).not.toMatch(/TypeError|RangeError|is not a function|EISDIR|ENOTDIR|Maximum call stack/)
        const fatal = site.diagnostics.some(isFatal)
        expect(codes, first.err()).toEqual(fatal ? [1, 1] : [0, 0])
        if (fatal) return
        const a = await listFiles(path.join(root, run, 'a'))
        const b = await listFiles(path.join(root, run, 'b'))
        expect([...b.keys()]).toEqual([...a.keys()])
        for (const [file, bytes] of a) expect(b.get(file)!.equals(bytes), file).toBe(true)
        stats.files += a.size

        // Nothing beside the two outputs and the store.
        expect((await readdir(path.join(root, run))).sort()).toEqual(['a', 'b', 'snapshots'])

        // Every model and organization shown has a name one can see.
        const published = JSON.parse(a.get('data/models.json')!.toString('utf8')) as { models: { id: string; name: string; organization?: string }[] }
        for (const m of published.models) {
          expect(m.name, m.id).toMatch(/[^\p{Cf}\p{Cc}\p{Z}]/u)
          if (m.organization !== undefined) expect(m.organization, m.id).toMatch(/[^\p{Cf}\p{Cc}\p{Z}]/u)
        }

        for (const [file, bytes] of a) {
          const text = bytes.toString('utf8')
          if (/\.(html|xml|svg)$/.test(file)) {
            expect(text, file).not.toMatch(new RegExp(`<${TAG}|<svg onload|<%`))
            const raw = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/.exec(text)
            expect(raw && JSON.stringify(text.slice(Math.max(0, raw.index - 300), raw.index + 100)), `${file}: a control or bidi character shown raw`).toBeNull()
          }
          if (file.endsWith('.json')) expect(() => JSON.parse(text), file).not.toThrow()
          if (file.endsWith('.csv')) {
            const [header, ...records] = parseCsv(text)
            for (const record of records) {
              expect(record.length, file).toBe(header!.length)
              record.forEach((field, i) => {
                if (numberColumns.has(header![i]!) && field !== '' && Number.isFinite(Number(field))) return
                expect(field, `${file}: ${header![i]} ${JSON.stringify(field)}`).not.toMatch(/^[=+\-@\t\r]/)
              })
            }
          }
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 100), ...(process.env.PROPERTY_SEED ? { seed: Number(process.env.PROPERTY_SEED) } : {}) }
    )
    const took = (performance.now() - started) / 1000
    console.log(`property test: ${stats.runs} random stores (${stats.rows} table rows, ${stats.diagnostics} diagnostics, ${stats.files} files in the first builds) in ${took.toFixed(1)} s`)
  }, 600_000)
})
