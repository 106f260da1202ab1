import { execFileSync } from 'node:child_process'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli.js'
import { captureIo, snapshotsDir, tempDir } from '../helpers.js'

const en = path.join(snapshotsDir, 'lmarena-text/2025-11-18.en.md')
const fr = path.join(snapshotsDir, 'lmarena-text/2025-11-20.fr.md')

async function listStore(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const source of await readdir(dir).catch(() => [])) for (const f of await readdir(path.join(dir, source))) out.push(`${source}/${f}`)
  return out.sort()
}

describe('leaderlog import', () => {
  it('names captures by data date and language; skips identical; refuses to overwrite without --force', async () => {
    const dir = await tempDir()
    const first = captureIo(dir)
    expect(await main(['import', '--source', 'lmarena-text', en, fr], first.io)).toBe(0)
    expect(await listStore(path.join(dir, 'snapshots'))).toEqual(['lmarena-text/2025-11-18.en.md', 'lmarena-text/2025-11-20.fr.md'])
    expect(first.out()).toMatch(/^added    snapshots\/lmarena-text\/2025-11-18\.en\.md from /m)
    expect(first.out()).toMatch(/Imported 2 snapshots, skipped 0, refused 0\n$/)

    const again = captureIo(dir)
    expect(await main(['import', '--source', 'lmarena-text', en], again.io)).toBe(0)
    expect(again.out()).toMatch(/skipped .*identical to the stored snapshot/)

    const changed = path.join(dir, 'changed.md')
    await writeFile(changed, (await readFile(en, 'utf8')).replace('| 3,298   |', '| 3,299   |'))
    const refused = captureIo(dir)
    expect(await main(['import', '--source', 'lmarena-text', changed], refused.io)).toBe(1)
    expect(refused.out()).toMatch(/refused  .*changed\.md → snapshots\/lmarena-text\/2025-11-18\.en\.md: a different snapshot is stored there \(use --force to overwrite\)/)
    expect(await readFile(path.join(dir, 'snapshots/lmarena-text/2025-11-18.en.md'), 'utf8')).not.toContain('3,299')

    const forced = captureIo(dir)
    expect(await main(['import', '--source', 'lmarena-text', '--force', changed], forced.io)).toBe(0)
    expect(forced.out()).toMatch(/^replaced snapshots\/lmarena-text\/2025-11-18\.en\.md/m)
    expect(await readFile(path.join(dir, 'snapshots/lmarena-text/2025-11-18.en.md'), 'utf8')).toContain('3,299')
  })

  it('refuses a page that is not a leaderboard and says why', async () => {
    const dir = await tempDir()
    const page = path.join(dir, 'intro.md')
    await writeFile(page, '# Project Introduction\n\nCherry Studio is an all-in-one AI assistant.\n')
    const c = captureIo(dir)
    expect(await main(['import', '--source', 'lmarena-text', page], c.io)).toBe(1)
    expect(c.out()).toMatch(/refused  .*intro\.md: Unexpected page `Project Introduction`.*\[not-leaderboard\]/)
  })

  it('imports every version of a file from git history, keeping the latest capture of a day', async () => {
    const repo = await tempDir()
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } })
    git('init', '-q')
    await mkdir(path.join(repo, 'page'), { recursive: true })
    const base = await readFile(en, 'utf8')
    const versions = [
      base.replace(/08:08:22/g, '06:00:00'), // early capture of 2025-11-18
      base, // later capture of the same day: wins
      await readFile(fr, 'utf8'), // 2025-11-20 in French
      '# Project Introduction\n\nNot a leaderboard.\n' // upstream's glitch
    ]
    for (const [i, v] of versions.entries()) {
      await writeFile(path.join(repo, 'page/lmarena.md'), v)
      git('add', '.')
      git('commit', '-qm', `v${i}`)
    }
    const dir = await tempDir()
    const c = captureIo(dir)
    expect(await main(['import', '--source', 'lmarena-text', '--git', repo, '--path', 'page/lmarena.md'], c.io)).toBe(0)
    expect(await listStore(path.join(dir, 'snapshots'))).toEqual(['lmarena-text/2025-11-18.en.md', 'lmarena-text/2025-11-20.fr.md'])
    expect(await readFile(path.join(dir, 'snapshots/lmarena-text/2025-11-18.en.md'), 'utf8')).toContain('08:08:22')
    expect(c.out()).toMatch(/skipped .*superseded by .* \(same data date\)/)
    expect(c.out()).toMatch(/refused .*page\/lmarena\.md: .*\[not-leaderboard\]/)
    expect(c.out()).toMatch(/Imported 2 snapshots, skipped 1, refused 1\n$/)
  })

  it('explains usage mistakes with exit 2', async () => {
    const c = captureIo()
    expect(await main(['import', en], c.io)).toBe(2)
    expect(c.err()).toMatch(/import needs --source/)
    const d = captureIo()
    expect(await main(['import', '--source', 'nope', en], d.io)).toBe(2)
    expect(d.err()).toMatch(/unknown source `nope`/)
  })
})
