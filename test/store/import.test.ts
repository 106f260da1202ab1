import { execFileSync } from 'node:child_process'
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
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
    // The refused version fails the run (as a refused file does); what could be stored is stored.
    expect(await main(['import', '--source', 'lmarena-text', '--git', repo, '--path', 'page/lmarena.md'], c.io)).toBe(1)
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

describe('leaderlog import says what was wrong, the same from files and from git (issue 10)', () => {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' }
  /** A repository whose `page.md` went through these versions (`null`: deleted). */
  async function history(versions: readonly (string | null)[]): Promise<string> {
    const repo = await tempDir()
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { env })
    git('init', '-q')
    for (const [i, v] of versions.entries()) {
      if (v === null) git('rm', '-q', 'page.md')
      else {
        await writeFile(path.join(repo, 'page.md'), v)
        git('add', '.')
      }
      git('commit', '-qm', `v${i}`)
    }
    return repo
  }
  const intro = '# Project Introduction\n\nNot a leaderboard.\n'

  it('a --path that never existed in the history is an error naming it, not "Imported 0 snapshots"', async () => {
    const repo = await history([await readFile(en, 'utf8')])
    const dir = await tempDir()
    const c = captureIo(dir)
    expect(await main(['import', '--source', 'lmarena-text', '--git', repo, '--path', 'pages/lmarena.md'], c.io)).toBe(1)
    expect(c.out()).toBe('')
    expect(c.err()).toBe(`leaderlog import: Cannot import \`pages/lmarena.md\` from ${repo}: no commit in its history has that path, expected a path relative to ${repo}\n`)
    expect(await listStore(path.join(dir, 'snapshots'))).toEqual([])
  })

  it('reads PATH relative to a --git REPO that is a folder inside the repository, as git log does', async () => {
    const repo = await history([await readFile(en, 'utf8')])
    const folder = path.join(repo, 'docs')
    await mkdir(folder)
    await rename(path.join(repo, 'page.md'), path.join(folder, 'page.md'))
    execFileSync('git', ['-C', repo, 'add', '-A'], { env })
    execFileSync('git', ['-C', repo, 'commit', '-qm', 'move'], { env })
    for (const [at, file] of [[folder, 'page.md'], [folder, './page.md'], [repo, 'docs/page.md']] as const) {
      const dir = await tempDir()
      const c = captureIo(dir)
      expect(await main(['import', '--source', 'lmarena-text', '--git', at, '--path', file], c.io), `${at} ${file}`).toBe(0)
      expect(c.out()).toMatch(/^added    snapshots\/lmarena-text\/2025-11-18\.en\.md from [0-9a-f]{7}:/m)
      expect(c.out()).toMatch(/Imported 1 snapshot, skipped 0, refused 0\n$/)
      expect(await listStore(path.join(dir, 'snapshots'))).toEqual(['lmarena-text/2025-11-18.en.md'])
    }
  })

  it('a version git cannot read is refused in git’s words, not skipped as deleted', async () => {
    const page = await readFile(en, 'utf8')
    const repo = await history([page, page.replace('2025-11-18', '2025-11-19')])
    // Lose the first version's blob, as a damaged clone would.
    const blob = execFileSync('git', ['-C', repo, 'rev-parse', 'HEAD~1:page.md'], { env }).toString().trim()
    await rm(path.join(repo, '.git', 'objects', blob.slice(0, 2), blob.slice(2)))
    const c = captureIo(await tempDir())
    expect(await main(['import', '--source', 'lmarena-text', '--git', repo, '--path', 'page.md'], c.io)).toBe(1)
    expect(c.out()).toMatch(/^refused  [0-9a-f]{7}:page\.md: git could not read this version: \S.*$/m)
    expect(c.out()).not.toMatch(/deleted/)
    expect(c.out()).toMatch(/Imported 1 snapshot, skipped 0, refused 1\n$/)
  })

  it('a --git REPO that is no repository says so in git’s words', async () => {
    const dir = await tempDir()
    const c = captureIo(dir)
    expect(await main(['import', '--source', 'lmarena-text', '--git', dir, '--path', 'page.md'], c.io)).toBe(1)
    expect(c.err()).toMatch(/^leaderlog import: Cannot read the history of `page\.md` in .*: fatal: not a git repository/)
    expect(c.err()).not.toMatch(/Command failed/)
  })

  it('a refused page exits 1 beside a stored one, from files and from git alike', async () => {
    const page = await readFile(en, 'utf8')
    const files = await tempDir()
    await writeFile(path.join(files, 'a.md'), page)
    await writeFile(path.join(files, 'b.md'), intro)
    const fromFiles = captureIo(files)
    const fromGit = captureIo(await tempDir())
    const codes = [
      await main(['import', '--source', 'lmarena-text', 'a.md', 'b.md'], fromFiles.io),
      await main(['import', '--source', 'lmarena-text', '--git', await history([page, intro]), '--path', 'page.md'], fromGit.io)
    ]
    expect(codes).toEqual([1, 1])
    for (const c of [fromFiles, fromGit]) {
      expect(c.out()).toMatch(/^added    snapshots\/lmarena-text\/2025-11-18\.en\.md from /m)
      expect(c.out()).toMatch(/^refused  .*: Unexpected page `Project Introduction`, expected a leaderboard with a table of models \[not-leaderboard\]$/m)
      expect(c.out()).toMatch(/Imported 1 snapshot, skipped 0, refused 1\n$/)
    }
  })

  it('a version where the file is deleted is skipped, not refused', async () => {
    const c = captureIo(await tempDir())
    expect(await main(['import', '--source', 'lmarena-text', '--git', await history([await readFile(en, 'utf8'), null]), '--path', 'page.md'], c.io)).toBe(0)
    expect(c.out()).toMatch(/^skipped  [0-9a-f]{7}:page\.md: the file is deleted in this commit$/m)
    expect(c.out()).toMatch(/Imported 1 snapshot, skipped 1, refused 0\n$/)
  })
})

describe('leaderlog import of CSV archives', () => {
  const lmsys = 'rank,model,arena_elo,95_pct_ci,votes,organization,license,knowledge_cutoff,url\n1,GPT-4o-2024-05-13,1287,+3/-3,42046,OpenAI,Proprietary,2023/10,https://openai.com/index/hello-gpt-4o/\n2,Gemini-Advanced-0514,1267,+3/-4,34382,Google,Proprietary,Online,https://gemini.google.com/advanced\n'
  const ratings =
    'key,Model,rating,License,Organization,date\r\ngpt-4,ChatGPT-4,1274.18,Proprietary,OpenAI,20230508\r\nclaude-v1,Claude 1,1224.71,Proprietary,Anthropic,20230508\r\ngpt-4,ChatGPT-4,1224.56,Proprietary,OpenAI,20230522\r\n'

  it('stores an export as <date>.en-x-exports.csv, dated by its file name, as captured; re-importing skips it', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, '2024-06-19_3792cf0.csv'), lmsys)
    const c = captureIo(dir)
    expect(await main(['import', '--source', 'lmarena-text', '2024-06-19_3792cf0.csv'], c.io)).toBe(0)
    expect(c.out()).toBe('added    snapshots/lmarena-text/2024-06-19.en-x-exports.csv from 2024-06-19_3792cf0.csv\nImported 1 snapshot, skipped 0, refused 0\n')
    expect(await readFile(path.join(dir, 'snapshots/lmarena-text/2024-06-19.en-x-exports.csv'), 'utf8')).toBe(lmsys)
    const again = captureIo(dir)
    expect(await main(['import', '--source', 'lmarena-text', '2024-06-19_3792cf0.csv'], again.io)).toBe(0)
    expect(again.out()).toMatch(/skipped  2024-06-19_3792cf0\.csv: identical to the stored snapshot\nImported 0 snapshots, skipped 1, refused 0\n$/)
  })

  it('refuses an export it cannot date, and takes --date', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'lmsys.csv'), lmsys)
    const refused = captureIo(dir)
    expect(await main(['import', '--source', 'lmarena-text', 'lmsys.csv'], refused.io)).toBe(1)
    expect(refused.out()).toMatch(/^refused  lmsys\.csv: an export holds no data date: name the file by its date .* or pass --date\n/)
    const dated = captureIo(dir)
    expect(await main(['import', '--source', 'lmarena-text', '--date', '2024-06-20', 'lmsys.csv'], dated.io)).toBe(0)
    expect(await listStore(path.join(dir, 'snapshots'))).toEqual(['lmarena-text/2024-06-20.en-x-exports.csv'])
  })

  it('cuts a ratings file into one store file per date: the header and that date’s lines as written', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'alltime.csv'), ratings)
    const c = captureIo(dir)
    expect(await main(['import', '--source', 'lmarena-text', 'alltime.csv'], c.io)).toBe(0)
    expect(await listStore(path.join(dir, 'snapshots'))).toEqual(['lmarena-text/2023-05-08.en-x-ratings.csv', 'lmarena-text/2023-05-22.en-x-ratings.csv'])
    expect(await readFile(path.join(dir, 'snapshots/lmarena-text/2023-05-22.en-x-ratings.csv'), 'utf8')).toBe('key,Model,rating,License,Organization,date\r\ngpt-4,ChatGPT-4,1224.56,Proprietary,OpenAI,20230522\r\n')
    const check = captureIo(dir)
    expect(await main(['check'], check.io)).toBe(0)
    const again = captureIo(dir)
    expect(await main(['import', '--source', 'lmarena-text', 'alltime.csv'], again.io)).toBe(0)
    expect(again.out()).toMatch(/Imported 0 snapshots, skipped 2, refused 0\n$/)
  })

  it('dates --git versions of an export by the version in the commit message, else the commit day', async () => {
    const repo = await tempDir()
    const env = (date: string) => ({ ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date })
    const git = (date: string, ...args: string[]) => execFileSync('git', ['-C', repo, ...args], { env: env(date) })
    git('2024-06-19T13:39:29Z', 'init', '-q')
    await mkdir(path.join(repo, 'csv'), { recursive: true })
    await writeFile(path.join(repo, 'csv/lmsys.csv'), lmsys)
    git('2024-06-20T01:00:00Z', 'add', '.')
    git('2024-06-20T01:00:00Z', 'commit', '-qm', 'auto: update csv outputs to version 2024.06.19')
    await writeFile(path.join(repo, 'csv/lmsys.csv'), lmsys.replace('42046', '42047'))
    git('2024-07-07T11:17:20+02:00', 'commit', '-qam', 'manual refresh')
    const dir = await tempDir()
    const c = captureIo(dir)
    expect(await main(['import', '--source', 'lmarena-text', '--git', repo, '--path', 'csv/lmsys.csv'], c.io)).toBe(0)
    expect(await listStore(path.join(dir, 'snapshots'))).toEqual(['lmarena-text/2024-06-19.en-x-exports.csv', 'lmarena-text/2024-07-07.en-x-exports.csv'])
  })

  it('takes --format and --archive, and refuses what they contradict', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'alltime.csv'), ratings)
    const wrong = captureIo(dir)
    expect(await main(['import', '--source', 'lmarena-text', '--archive', 'exports', 'alltime.csv'], wrong.io)).toBe(1)
    expect(wrong.out()).toMatch(/refused  alltime\.csv: archive `exports` holds export files, but this header is a ratings file/)
    const page = captureIo(dir)
    expect(await main(['import', '--source', 'lmarena-text', '--format', 'csv', en], page.io)).toBe(1)
    expect(page.out()).toMatch(/refused .*: Unexpected header .* \[missing-column\]/)
    const seal = captureIo(dir)
    expect(await main(['import', '--source', 'seal', 'alltime.csv'], seal.io)).toBe(1)
    expect(seal.out()).toMatch(/refused  alltime\.csv: a CSV capture holds one board, and source `seal` has 4/)
    for (const [flag, value, error] of [
      ['--archive', 'nope', /unknown archive `nope`; known: exports, ratings/],
      ['--format', 'xlsx', /unknown format `xlsx`/],
      ['--date', '2024-02-30', /invalid --date `2024-02-30`/]
    ] as const) {
      const c = captureIo(dir)
      expect(await main(['import', '--source', 'lmarena-text', flag, value, 'alltime.csv'], c.io)).toBe(2)
      expect(c.err()).toMatch(error)
    }
  })
})
