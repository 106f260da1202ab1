import { readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli.js'
import { download } from '../../src/fetch/download.js'
import { startServer, type TestServer } from '../fetch/server.js'
import { captureIo, copySeeds } from '../helpers.js'

// Issue 9 items 6 and 7: a page from the future, a page in another charset.

let server: TestServer
let fr: string
beforeAll(async () => {
  fr = await readFile(path.join(await copySeeds(), 'lmarena-text/2025-11-20.fr.md'), 'utf8')
  const future = fr.replace(/2025-11-20/g, '2099-01-01')
  server = await startServer({
    '/latin1.md': (_q, res) => res.writeHead(200, { 'content-type': 'text/markdown; charset=ISO-8859-1' }).end(Buffer.from(fr.replace(/[^\u0000-\u00ff]/g, '?'), 'latin1')),
    '/mislabelled.md': (_q, res) => res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' }).end(Buffer.from(fr.replace(/[^\u0000-\u00ff]/g, '?'), 'latin1')),
    '/future.md': (_q, res) => res.writeHead(200, { 'content-type': 'text/markdown' }).end(future)
  })
})
afterAll(() => server.close())

const options = { timeout: 10_000, retries: 0, backoff: 0 }

describe('fetch decodes by the declared charset', () => {
  it('reads an ISO-8859-1 page as ISO-8859-1', async () => {
    const got = await download(server.url('/latin1.md'), options)
    expect(got.ok).toBe(true)
    if (!got.ok) return
    expect(got.charset).toBe('windows-1252') // the WHATWG name of the iso-8859-1 label
    expect(got.content).toContain('Classement de LLM Arena (Actualisé')
    expect(got.content).not.toContain('\uFFFD')
  })

  it('never stores a page whose bytes are not in the declared charset', async () => {
    const dir = await copySeeds()
    await writeFile(path.join(dir, 'sources.json'), JSON.stringify({ sources: [{ source: 'lmarena-text', language: 'fr', url: server.url('/mislabelled.md') }] }))
    const before = await readdir(path.join(dir, 'lmarena-text'))
    const c = captureIo(dir)
    expect(await main(['fetch', '--snapshots', '.'], c.io)).toBe(1)
    expect(c.out()).toMatch(/^broken +lmarena-text fr: \d+:\d+ Unexpected replacement character \(U\+FFFD\) after decoding as utf-8.* \[invalid-encoding\]$/m)
    expect(await readdir(path.join(dir, 'lmarena-text'))).toEqual(before)
  })
})

describe('data dates in the future', () => {
  it('fetch never stores one', async () => {
    const dir = await copySeeds()
    await writeFile(path.join(dir, 'sources.json'), JSON.stringify({ sources: [{ source: 'lmarena-text', language: 'fr', url: server.url('/future.md') }] }))
    const c = captureIo(dir)
    expect(await main(['fetch', '--snapshots', '.'], c.io)).toBe(1)
    expect(c.out()).toMatch(/^broken +lmarena-text fr 2099-01-01: 1:1 Unexpected data date 2099-01-01, expected a date on or before \d{4}-\d{2}-\d{2} \(the day of this run, plus one\) \[future-date\]$/m)
    expect(await readdir(path.join(dir, 'lmarena-text'))).not.toContain('2099-01-01.fr.md')
  })

  it('check flags one already in the store; build leaves it out and keeps the real latest standings', async () => {
    const dir = await copySeeds()
    await writeFile(path.join(dir, 'lmarena-text/2099-01-01.fr.md'), fr.replace(/2025-11-20/g, '2099-01-01'))
    const check = captureIo(dir)
    expect(await main(['check', '--snapshots', '.', '--today', '2025-11-22'], check.io)).toBe(1)
    expect(check.out()).toMatch(/^lmarena-text\/2099-01-01\.fr\.md\n1:1 +error +Unexpected data date 2099-01-01, expected a date on or before 2025-11-23 \(the day of this run, plus one\) +future-date/m)
    const build = captureIo(dir)
    expect(await main(['build', '--snapshots', '.', '--out', 'site', '--today', '2025-11-22'], build.io)).toBe(0)
    expect(build.err()).toMatch(/2099-01-01\.fr\.md:1:1: error Unexpected data date 2099-01-01.*\[future-date\]\n  → not published/)
    const boards = JSON.parse(await readFile(path.join(dir, 'site/data/boards.json'), 'utf8')) as { boards: { id: string; dates: string[] }[] }
    expect(boards.boards.find((b) => b.id === 'lmarena-text')!.dates).toEqual(['2025-11-18', '2025-11-20'])
    const home = await readFile(path.join(dir, 'site/index.html'), 'utf8')
    expect(home).not.toContain('2099-01-01')
  })
})
