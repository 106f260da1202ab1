import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commands, main } from '../src/cli.js'
import { startServer, type TestServer } from './fetch/server.js'
import { captureIo, copySeeds, tempDir } from './helpers.js'

// Every command, through `main`, with each exit code it documents: 0 done,
// 1 the input had a problem, 2 the command was called wrongly.

let store: string
let server: TestServer
beforeAll(async () => {
  store = await copySeeds()
  const page = await readFile(path.join(store, 'lmarena-text/2025-11-18.en.md'), 'utf8')
  server = await startServer({ '/en.md': (_req, res) => res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' }).end(page) })
})
afterAll(() => server.close())

async function run(argv: string[], cwd = store): Promise<{ code: number; out: string; err: string }> {
  const c = captureIo(cwd)
  const code = await main(argv, c.io)
  return { code, out: c.out(), err: c.err() }
}

describe('cli', () => {
  it('lists its six commands; help is 0, no command is 2, an unknown one is 2', async () => {
    expect(Object.keys(commands).sort()).toEqual(['build', 'check', 'fetch', 'import', 'parse', 'registry'])
    const help = await run(['--help'])
    expect(help.code).toBe(0)
    for (const name of Object.keys(commands)) expect(help.out).toMatch(new RegExp(`^  ${name} `, 'm'))
    expect((await run([])).code).toBe(2)
    const unknown = await run(['frobnicate'])
    expect(unknown.code).toBe(2)
    expect(unknown.err).toMatch(/unknown command `frobnicate`/)
    expect((await run(['--version'])).out).toMatch(/^leaderlog \d+\.\d+\.\d+\n$/)
  })

  it('every command prints its usage with --help (0) and rejects an unknown option (2)', async () => {
    for (const name of Object.keys(commands)) {
      const usage = await run([name, '--help'])
      expect(usage.code, name).toBe(0)
      expect(usage.out, name).toMatch(new RegExp(`^Usage: leaderlog ${name}`))
      const wrong = await run([name, '--frobnicate'])
      expect(wrong.code, name).toBe(2)
      expect(wrong.err, name).toMatch(new RegExp(`^leaderlog ${name}: .*frobnicate[\\s\\S]*Usage: leaderlog ${name}`))
    }
  })

  it('parse: 0 on readable files, 1 when a file cannot be read, 2 without a file', async () => {
    expect((await run(['parse', 'lmarena-text/2025-11-18.en.md'])).code).toBe(0)
    const missing = await run(['parse', 'nope.md'])
    expect(missing.code).toBe(1)
    expect(missing.out).toMatch(/^nope\.md\n1:1 +error +Cannot read file: ENOENT +unreadable-file +leaderlog$/m)
    expect((await run(['parse'])).code).toBe(2)
  })

  it('check: 0 on the seeds, 1 with an error, 2 on a bad option value', async () => {
    expect((await run(['check', '--snapshots', '.'])).code).toBe(0)
    const broken = await copySeeds()
    await writeFile(path.join(broken, 'lmarena-text/2025-11-19.ja.md'), '# Project Introduction\n\nCherry Studio is an AI assistant.\n')
    expect((await run(['check', '--snapshots', '.'], broken)).code).toBe(1)
    expect((await run(['check', '--strict=yes'])).code).toBe(2)
  })

  it('build: 0 on the seeds, 1 with --strict and an error, 2 on a bad --today', async () => {
    const out = await tempDir()
    expect((await run(['build', '--snapshots', '.', '--out', path.join(out, 'a')])).code).toBe(0)
    const broken = await copySeeds()
    await writeFile(path.join(broken, 'lmarena-text/2025-11-19.ja.md'), '# Project Introduction\n')
    const strict = await run(['build', '--snapshots', '.', '--out', path.join(out, 'b'), '--strict'], broken)
    expect(strict.code).toBe(1)
    expect(strict.err).toMatch(/--strict\): nothing written/)
    expect((await run(['build', '--today', '2025-02-30'])).code).toBe(2)
  })

  it('import: 0 when every capture was added or skipped, 1 when one was refused, 2 without --source', async () => {
    const dir = await tempDir()
    const en = path.join(store, 'lmarena-text/2025-11-18.en.md')
    expect((await run(['import', '--snapshots', 'snaps', '--source', 'lmarena-text', en], dir)).code).toBe(0)
    await writeFile(path.join(dir, 'intro.md'), '# Project Introduction\n')
    expect((await run(['import', '--snapshots', 'snaps', '--source', 'lmarena-text', 'intro.md'], dir)).code).toBe(1)
    expect((await run(['import', '--snapshots', 'snaps', '--source', 'lmarena-text', en, 'intro.md'], dir)).code).toBe(1)
    expect((await run(['import', en], dir)).code).toBe(2)
  })

  it('registry: 0 on the seeds, 1 with a broken data file, 2 with an unknown subcommand', async () => {
    expect((await run(['registry', '--snapshots', '.'])).code).toBe(0)
    const broken = await copySeeds()
    await writeFile(path.join(broken, 'registry.json'), '{"models": [}')
    expect((await run(['registry', '--snapshots', '.'], broken)).code).toBe(1)
    expect((await run(['registry', 'merge'])).code).toBe(2)
  })

  it('fetch: 0 when every page was reached, 1 when one is unreachable, 2 with an invalid sources file', async () => {
    const dir = await copySeeds()
    const sources = (url: string) => JSON.stringify({ sources: [{ source: 'lmarena-text', language: 'en', url }] })
    await writeFile(path.join(dir, 'sources.json'), sources(server.url('/en.md')))
    const ok = await run(['fetch', '--snapshots', '.', '--dry-run'], dir)
    expect(ok.out).toMatch(/^unchanged +lmarena-text en 2025-11-18/m)
    expect(ok.code).toBe(0)
    await writeFile(path.join(dir, 'sources.json'), sources(server.url('/gone.md')))
    const gone = await run(['fetch', '--snapshots', '.', '--retries', '0'], dir)
    expect(gone.out).toMatch(/^unreachable +lmarena-text en: HTTP 404/m)
    expect(gone.code).toBe(1)
    await writeFile(path.join(dir, 'sources.json'), '{"sources": 1}')
    expect((await run(['fetch', '--snapshots', '.'], dir)).code).toBe(2)
  })
})
