import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseJsonWithPlaces, placeOf } from '../../src/diagnostics/json-places.js'
import { parseSources } from '../../src/fetch/sources.js'
import { discover } from '../../src/store/discover.js'
import { corpusDir, hasCorpus, snapshotsDir } from '../helpers.js'

const raw = 'https://raw.githubusercontent.com/CherryHQ/cherry-studio-docs/main/'

describe('json places', () => {
  it('records where every value and key starts', () => {
    const json = parseJsonWithPlaces('{\n  "a": [1, {"b": "x"}],\n  "c": null\n}')
    expect(json.value).toEqual({ a: [1, { b: 'x' }], c: null })
    expect(json.places.get('')).toEqual({ line: 1, column: 1 })
    expect(json.places.get('a')).toEqual({ line: 2, column: 8 })
    expect(json.places.get('a.1.b')).toEqual({ line: 2, column: 18 })
    expect(json.places.get('c')).toEqual({ line: 3, column: 8 })
    expect(json.keys.get('c')).toEqual({ line: 3, column: 3 })
    // A missing member is reported at the closest value that exists.
    expect(placeOf(json, ['a', 1, 'missing'])).toEqual({ line: 2, column: 12 })
  })

  it('agrees with JSON.parse on what it accepts', () => {
    const text = '{"s":"a\\"b\\u00e9\\n","n":-1.5e3,"t":true,"f":false,"e":[],"o":{}}'
    expect(parseJsonWithPlaces(text).value).toEqual(JSON.parse(text))
  })

  it('throws syntax errors with their place', () => {
    expect(() => parseJsonWithPlaces('{\n  "a": 1,\n}')).toThrow(/Unexpected `}`, expected a `"`-quoted key/)
    try {
      parseJsonWithPlaces('{\n  "a": 1,\n}')
    } catch (error) {
      expect((error as { place: unknown }).place).toEqual({ line: 3, column: 1 })
    }
  })
})

describe('sources file', () => {
  it('reads a valid file', () => {
    const r = parseSources('{"sources":[{"source":"lmarena-text","language":"en","url":"https://example.com/a.md"}]}')
    expect(r.messages).toEqual([])
    expect(r.sources).toEqual([{ source: 'lmarena-text', language: 'en', url: 'https://example.com/a.md' }])
  })

  it('points at each bad field with what was expected and found', () => {
    const text = [
      '{',
      '  "sources": [',
      '    { "source": "lmarena-txt", "language": "en", "url": "https://example.com/a.md" },',
      '    { "source": "lmarena-text", "language": "English", "url": "https://example.com/a.md" },',
      '    { "source": "lmarena-text", "language": "en" },',
      '    { "source": "lmarena-text", "language": "en", "url": "https://example.com/b.md", "lang": "en" }',
      '  ]',
      '}'
    ].join('\n')
    const r = parseSources(text)
    expect(r.sources).toEqual([])
    expect(r.messages.map((m) => `${m.line}:${m.column} ${m.message} [${m.rule}]`)).toEqual([
      '3:17 Invalid `sources.0.source`: expected a known source (lmarena-text, lmarena-agent, lmarena-search, lmarena-vision, lmarena-code-webdev, lmarena-text-to-image, seal), found `"lmarena-txt"` [invalid-sources]',
      '4:45 Invalid `sources.1.language`: expected a BCP 47 language tag, found `"English"` [invalid-sources]',
      '5:5 Invalid `sources.2.url`: expected a string, found nothing [invalid-sources]',
      '6:86 Unexpected field `lang` in `sources.3`, expected only `source`, `language`, `url`, `note` [invalid-sources]'
    ])
  })

  it('says what the top level should be', () => {
    expect(parseSources('[]').messages.map((m) => m.message)).toEqual(['Invalid top-level value: expected an object, found `[]`'])
    expect(parseSources('{"sources":[{"source":"seal","language":"en","url":"https://example.com/s.md"}],"extra":1}').messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([
      '1:81 Unexpected field `extra` at the top level, expected only `sources`'
    ])
    expect(parseSources('{"sources":[]}').messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual(['1:12 Invalid `sources`: expected at least one source, found `[]`'])
  })

  it('reports JSON syntax errors and repeated entries at their place', () => {
    expect(parseSources('{"sources": [}').messages).toEqual([
      { line: 1, column: 14, severity: 'error', rule: 'invalid-sources', message: 'Invalid JSON: Unexpected `}`, expected a JSON value' }
    ])
    const entry = '{"source":"seal","language":"en","url":"https://example.com/s.md"}'
    const r = parseSources(`{"sources":[\n${entry},\n${entry}]}`)
    expect(r.messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([
      '3:1 Unexpected repeated entry `seal en https://example.com/s.md`, expected each source, language and URL once (first at sources.0)'
    ])
  })
})

describe('the shipped snapshots/sources.json', () => {
  const text = readFileSync(path.join(snapshotsDir, 'sources.json'), 'utf8')
  const { sources, messages } = parseSources(text)

  it('is valid', () => {
    expect(messages).toEqual([])
  })

  it('lists the LMArena text page in the original and every translation, and the six category pages', () => {
    const byUrl = Object.fromEntries(sources.map((s) => [s.url.slice(raw.length), `${s.source} ${s.language}`]))
    expect(sources.every((s) => s.url.startsWith(raw))).toBe(true)
    expect(byUrl).toEqual({
      'other/model_rank/lmarena.md': 'lmarena-text zh',
      'i18n/english/other/model_rank/lmarena.md': 'lmarena-text en',
      'i18n/french/other/model_rank/lmarena.md': 'lmarena-text fr',
      'i18n/spanish/other/model_rank/lmarena.md': 'lmarena-text es',
      'i18n/japanese/other/model_rank/lmarena.md': 'lmarena-text ja',
      'i18n/russian/other/model_rank/lmarena.md': 'lmarena-text ru',
      'i18n/portuguese/other/model_rank/lmarena.md': 'lmarena-text pt',
      'i18n/greek/other/model_rank/lmarena.md': 'lmarena-text el',
      'i18n/traditional-chinese/other/model_rank/lmarena.md': 'lmarena-text zh-Hant',
      'other/model_rank/text.md': 'lmarena-text zh',
      'other/model_rank/agent.md': 'lmarena-agent zh',
      'other/model_rank/search.md': 'lmarena-search zh',
      'other/model_rank/vision.md': 'lmarena-vision zh',
      'other/model_rank/code-webdev.md': 'lmarena-code-webdev zh',
      'other/model_rank/text-to-image.md': 'lmarena-text-to-image zh'
    })
    // The full page comes before its top-30 successor, so a run that sees both stores both days.
    expect(sources.findIndex((s) => s.url.endsWith('/lmarena.md'))).toBeLessThan(sources.findIndex((s) => s.url.endsWith('/text.md')))
  })

  it.runIf(hasCorpus)('names every upstream path the corpus holds, with its language', () => {
    const manifest = readFileSync(path.join(corpusDir, 'MANIFEST.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'))
    const listed = new Set(sources.map((s) => `${s.url.slice(raw.length)} ${s.language}`))
    const upstream = new Set(manifest.map(([, lang, sourcePath]) => `${sourcePath} ${lang}`))
    for (const pathAndLanguage of upstream) expect(listed).toContain(pathAndLanguage)
  })

  it('is not taken for a snapshot by store discovery', async () => {
    expect(await discover(snapshotsDir)).not.toContain('sources.json')
  })
})
