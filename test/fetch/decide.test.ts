import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { decide, newestDate, type History, type StoredFile } from '../../src/fetch/decide.js'
import { parseRegistryData } from '../../src/registry/data.js'
import { checkFile } from '../../src/store/check.js'
import { digest, normaliseContent } from '../../src/store/import.js'
import { snapshotsDir } from '../helpers.js'

// The pure decision, on the seeds and real pages: no HTTP, no disk writes.

const seedEn = readFileSync(path.join(snapshotsDir, 'lmarena-text/2025-11-18.en.md'), 'utf8')
const seedFr = readFileSync(path.join(snapshotsDir, 'lmarena-text/2025-11-20.fr.md'), 'utf8')
const newDay = readFileSync(path.join(import.meta.dirname, '../fixtures/fetch/new-day.en.md'), 'utf8')

function stored(relative: string, content: string): StoredFile {
  return { ...checkFile(relative, content), digest: digest(normaliseContent(content)) }
}

const store: History = {
  files: [stored('lmarena-text/2025-11-18.en.md', seedEn), stored('lmarena-text/2025-11-20.fr.md', seedFr)],
  unreadable: [],
  registry: { path: 'registry.json', ...parseRegistryData(readFileSync(path.join(snapshotsDir, 'registry.json'), 'utf8')) }
}
const en = { source: 'lmarena-text', language: 'en', url: 'https://example.com/en.md' }
const ok = (content: string) => ({ ok: true as const, content, url: en.url, status: 200, attempts: 1 })

describe('decide', () => {
  it('stores a new day under <source>/<date>.<lang>.md with the content normalised', () => {
    const o = decide(en, ok(newDay.replace(/\n/g, '\r\n')), store)
    expect(o.status).toBe('stored')
    if (o.status !== 'stored') return
    expect(o.target).toBe('lmarena-text/2025-11-21.en.md')
    expect(o.content).toBe(normaliseContent(newDay))
    expect(o.rows).toBe(273)
  })

  it('says whether an unchanged day was re-published with other content', () => {
    const same = decide(en, ok(seedEn), store)
    expect(same).toMatchObject({ status: 'unchanged', date: '2025-11-18', differs: false })
    const edited = decide(en, ok(seedEn.replace('## Disclaimer', '## Disclaimer\n\nA sentence upstream added.')), store)
    expect(edited).toMatchObject({ status: 'unchanged', date: '2025-11-18', differs: true })
  })

  it('reports a broken page as broken even when its date is already stored', () => {
    // The seed's third score with a corrupted token inside, as translations shipped them.
    const corrupted = seedEn.replace('| 1452            |', '| 14极52          |')
    expect(corrupted).not.toBe(seedEn)
    const o = decide(en, ok(corrupted), store)
    expect(o).toMatchObject({ status: 'broken', date: '2025-11-18', problem: { rule: 'corrupted-token' } })
  })

  it('compares dates per source and language', () => {
    expect(newestDate(store.files, { source: 'lmarena-text', language: 'en' })).toBe('2025-11-18')
    expect(newestDate(store.files, { source: 'lmarena-text', language: 'fr' })).toBe('2025-11-20')
    expect(newestDate(store.files, { source: 'lmarena-text', language: 'ja' })).toBeUndefined()
    // A Japanese page of any date is new when no Japanese page is stored.
    const ja = decide({ ...en, language: 'ja' }, ok(seedEn), store)
    expect(ja).toMatchObject({ status: 'stored', target: 'lmarena-text/2025-11-18.ja.md' })
  })

  it('passes the reason of an unreachable page through', () => {
    expect(decide(en, { ok: false, reason: 'HTTP 503 after 3 attempts', attempts: 3 }, store)).toEqual({ status: 'unreachable', entry: en, reason: 'HTTP 503 after 3 attempts' })
  })
})
