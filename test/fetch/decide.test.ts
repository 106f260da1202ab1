import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { decide, newestDate, type History, type StoredFile } from '../../src/fetch/decide.js'
import { parseRegistryData } from '../../src/registry/data.js'
import { checkStoreFile } from '../../src/pipeline/check-file.js'
import { digest } from '../../src/core/digest.js'
import { normaliseContent } from '../../src/store/import.js'
import { snapshotsDir } from '../helpers.js'

// The pure decision, on the seeds and real pages: no HTTP, no disk writes.

const seedEn = readFileSync(path.join(snapshotsDir, 'lmarena-text/2025-11-18.en.md'), 'utf8')
const seedFr = readFileSync(path.join(snapshotsDir, 'lmarena-text/2025-11-20.fr.md'), 'utf8')
const newDay = readFileSync(path.join(import.meta.dirname, '../fixtures/fetch/new-day.en.md'), 'utf8')

function stored(relative: string, content: string): StoredFile {
  return { ...checkStoreFile(relative, content), digest: digest(normaliseContent(content)) }
}

const store: History = {
  files: [stored('lmarena-text/2025-11-18.en.md', seedEn), stored('lmarena-text/2025-11-20.fr.md', seedFr)],
  unreadable: [],
  registry: { path: 'registry.json', ...parseRegistryData(readFileSync(path.join(snapshotsDir, 'registry.json'), 'utf8')) },
  events: { path: 'events.json', events: [], messages: [] }
}
const en = { source: 'lmarena-text', language: 'en', url: 'https://example.com/en.md' }
const today = '2025-11-22'
const ok = (content: string) => ({ ok: true as const, content, url: en.url, status: 200, attempts: 1, charset: 'utf-8' })

describe('decide', () => {
  it('stores a new day under <source>/<date>.<lang>.md with the content normalised', () => {
    const o = decide(en, ok(newDay.replace(/\n/g, '\r\n')), store, today)
    expect(o.status).toBe('stored')
    if (o.status !== 'stored') return
    expect(o.target).toBe('lmarena-text/2025-11-21.en.md')
    expect(o.content).toBe(normaliseContent(newDay))
    expect(o.rows).toBe(273)
  })

  it('says whether an unchanged day was re-published with other content', () => {
    const same = decide(en, ok(seedEn), store, today)
    expect(same).toMatchObject({ status: 'unchanged', date: '2025-11-18', differs: false })
    const edited = decide(en, ok(seedEn.replace('## Disclaimer', '## Disclaimer\n\nA sentence upstream added.')), store, today)
    expect(edited).toMatchObject({ status: 'unchanged', date: '2025-11-18', differs: true })
  })

  it('reports a broken page as broken even when its date is already stored', () => {
    // The seed's third score with a corrupted token inside, as translations shipped them.
    const corrupted = seedEn.replace('| 1452            |', '| 14极52          |')
    expect(corrupted).not.toBe(seedEn)
    const o = decide(en, ok(corrupted), store, today)
    expect(o).toMatchObject({ status: 'broken', date: '2025-11-18', problem: { rule: 'corrupted-token' } })
  })

  it('compares dates per source and language', () => {
    expect(newestDate(store.files, { source: 'lmarena-text', language: 'en' }, today)).toBe('2025-11-18')
    expect(newestDate(store.files, { source: 'lmarena-text', language: 'fr' }, today)).toBe('2025-11-20')
    expect(newestDate(store.files, { source: 'lmarena-text', language: 'ja' }, today)).toBeUndefined()
    // A Japanese page of any date is new when no Japanese page is stored.
    const ja = decide({ ...en, language: 'ja' }, ok(seedEn), store, today)
    expect(ja).toMatchObject({ status: 'stored', target: 'lmarena-text/2025-11-18.ja.md' })
  })

  it('passes the reason of an unreachable page through', () => {
    expect(decide(en, { ok: false, reason: 'HTTP 503 after 3 attempts', attempts: 3 }, store, today)).toEqual({ status: 'unreachable', entry: en, reason: 'HTTP 503 after 3 attempts' })
  })

  it('refuses a page dated in the future, and a stored future page does not make real days look older', () => {
    const future = newDay.replace(/2025-11-21/g, '2099-01-01')
    expect(future).not.toBe(newDay)
    const o = decide(en, ok(future), store, today)
    expect(o).toMatchObject({ status: 'broken', date: '2099-01-01', problem: { rule: 'future-date', message: 'Unexpected data date 2099-01-01, expected a date on or before 2025-11-23 (the day of this run, plus one)' } })
    // Stored anyway (imported by hand): the next real day is still new.
    const poisoned: History = { ...store, files: [...store.files, stored('lmarena-text/2099-01-01.en.md', future)] }
    expect(newestDate(poisoned.files, en, today)).toBe('2025-11-18')
    expect(decide(en, ok(newDay), poisoned, today)).toMatchObject({ status: 'stored', date: '2025-11-21' })
  })

  it('refuses a page with replacement characters, at the first one', () => {
    const damaged = newDay.replace('| 1', '| \uFFFD1')
    const o = decide(en, { ...ok(damaged), charset: 'utf-8' }, store, today)
    expect(o).toMatchObject({ status: 'broken', problem: { rule: 'invalid-encoding', message: 'Unexpected replacement character (U+FFFD) after decoding as utf-8, expected text in the charset the server declared' } })
    if (o.status !== 'broken') return
    expect(damaged.split('\n')[o.problem.line - 1]!.slice(o.problem.column - 1)).toMatch(/^\uFFFD1/)
  })
})
