import { cp, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli.js'
import { parseStorePath, storePath } from '../../src/store/layout.js'
import { captureIo, copySeeds, tempDir } from '../helpers.js'

async function storeWithSeeds(): Promise<string> {
  const dir = await tempDir()
  await copySeeds(path.join(dir, 'snapshots'))
  return dir
}

/**
 * The seed FR page with its table cut after `keep` rows and nothing saying so:
 * without its spread column (the older one-rank format), a cut table does not
 * show it is cut.
 */
function cutTable(content: string, keep: number): string {
  const lines = content.split('\n').map((l) => (l.startsWith('|') ? l.split('|').filter((_, i) => i !== 2).join('|') : l))
  const header = lines.findIndex((l) => l.startsWith('| Rang'))
  const end = lines.findIndex((l, i) => i > header && !l.startsWith('|'))
  return [...lines.slice(0, header + 2 + keep), '', ...lines.slice(end)].join('\n')
}

describe('store layout', () => {
  it('round-trips the naming convention', () => {
    expect(parseStorePath('lmarena-text/2025-11-18.en.md')).toEqual({ source: 'lmarena-text', date: '2025-11-18', language: 'en' })
    expect(parseStorePath('lmarena-text/2025-11-18.zh-Hant.md')).toEqual({ source: 'lmarena-text', date: '2025-11-18', language: 'zh-Hant' })
    expect(storePath({ source: 'seal', date: '2024-05-13', language: 'en' })).toBe('seal/2024-05-13.en.md')
    expect(parseStorePath('lmarena-text/2025-02-30.en.md')).toBeUndefined()
    expect(parseStorePath('unknown-board/2025-11-18.en.md')).toBeUndefined()
    expect(parseStorePath('lmarena-text/latest.md')).toBeUndefined()
  })

  it('names archive captures `<date>.en-x-<archive>.csv`: a known archive, a one-board source', () => {
    const stored = { source: 'lmarena-text', date: '2024-06-19', language: 'en-x-exports', format: 'csv' as const }
    expect(parseStorePath('lmarena-text/2024-06-19.en-x-exports.csv')).toEqual(stored)
    expect(storePath(stored)).toBe('lmarena-text/2024-06-19.en-x-exports.csv')
    expect(parseStorePath('lmarena-text/2023-05-08.en-x-ratings.csv')).toMatchObject({ language: 'en-x-ratings', format: 'csv' })
    expect(parseStorePath('lmarena-text/2024-06-19.en.csv')).toBeUndefined()
    expect(parseStorePath('lmarena-text/2024-06-19.en-x-elsewhere.csv')).toBeUndefined()
    expect(parseStorePath('seal/2024-06-19.en-x-exports.csv')).toBeUndefined()
  })
})

const exportCsv = 'rank,model,arena_elo,95_pct_ci,votes,organization,license,knowledge_cutoff,url\n1,GPT-4o-2024-05-13,1287,+3/-3,42046,OpenAI,Proprietary,2023/10,https://openai.com/index/hello-gpt-4o/\n2,Claude 3 Opus,1249,+2/-2,133262,Anthropic,Proprietary,2023/8,\n'
const ratingsCsv = 'key,Model,rating,License,Organization,date\ngpt-4,ChatGPT-4,1274.18,Proprietary,OpenAI,20230508\nclaude-v1,Claude 1,1224.71,Proprietary,Anthropic,20230508\n'

describe('leaderlog check on archive captures', () => {
  it('reads CSV captures beside the markdown ones', async () => {
    const dir = await storeWithSeeds()
    await writeFile(path.join(dir, 'snapshots/lmarena-text/2024-06-19.en-x-exports.csv'), exportCsv)
    await writeFile(path.join(dir, 'snapshots/lmarena-text/2023-05-08.en-x-ratings.csv'), ratingsCsv)
    const c = captureIo(dir)
    expect(await main(['check'], c.io)).toBe(0)
    expect(c.out()).toMatch(/^Checked 5 files \(8 snapshots, 590 rows\): 0 errors, 0 warnings in/)
  })

  it('checks the file name against the content: date, one date per file, archive, format', async () => {
    const dir = await storeWithSeeds()
    const store = path.join(dir, 'snapshots/lmarena-text')
    await writeFile(path.join(store, '2023-05-09.en-x-ratings.csv'), ratingsCsv)
    await writeFile(path.join(store, '2023-05-22.en-x-ratings.csv'), ratingsCsv + 'gpt-4,ChatGPT-4,1224.56,Proprietary,OpenAI,20230522\n')
    await writeFile(path.join(store, '2023-05-08.en-x-exports.csv'), ratingsCsv)
    await writeFile(path.join(store, '2024-06-19.en.md'), exportCsv)
    const c = captureIo(dir)
    expect(await main(['check'], c.io)).toBe(1)
    // vfile-reporter pads the columns; compare words.
    const out = c.out().replace(/ +/g, ' ')
    expect(out).toContain("snapshots/lmarena-text/2023-05-09.en-x-ratings.csv\n1:1 error File name says 2023-05-09 but the page's data time is 2023-05-08, expected `lmarena-text/2023-05-08.en-x-ratings.csv` filename-mismatch leaderlog")
    expect(out).toContain('1:1 error File name says 2023-05-22 but the file holds 2 data dates (2023-05-08 to 2023-05-22), expected one date per file (`leaderlog import` slices such a file by date) filename-mismatch')
    expect(out).toContain("1:1 error File name says archive `exports` but the header is a ratings file's header, expected `lmarena-text/2023-05-08.en-x-ratings.csv` filename-mismatch")
    expect(out).toContain("1:1 error File name says markdown (`.md`) but the content is CSV with an export's header, expected `lmarena-text/2024-06-19.en-x-exports.csv` filename-mismatch")
  })
})

describe('leaderlog check', () => {
  it('passes on the seeds with one summary line', async () => {
    const c = captureIo(await storeWithSeeds())
    expect(await main(['check'], c.io)).toBe(0)
    expect(c.out()).toMatch(/^Checked 3 files \(6 snapshots, 586 rows\): 0 errors, 0 warnings in \d+\.\d\d s\n$/)
  })

  it('reuses parse results kept with --cache, with the same output', async () => {
    const dir = await storeWithSeeds()
    const first = captureIo(dir)
    expect(await main(['check', '--cache', '.cache/parse'], first.io)).toBe(0)
    const second = captureIo(dir)
    expect(await main(['check', '--cache', '.cache/parse'], second.io)).toBe(0)
    const strip = (s: string) => s.replace(/ in \d+\.\d\d s\n$/, '')
    expect(strip(second.out())).toBe(strip(first.out()))
    const { readdir } = await import('node:fs/promises')
    const kept = (await readdir(path.join(dir, '.cache/parse'), { recursive: true })).map((f) => String(f).split(path.sep).join('/'))
    // An entry per file, and the packs that hold them again (one per source and month).
    expect(kept.filter((f) => /^[0-9a-f]{2}\/[0-9a-f]{64}\.json$/.test(f))).toHaveLength(3)
    expect(kept.filter((f) => /^packs\/[0-9a-f]{32}\.json$/.test(f))).toHaveLength(2)
  })

  it('reports a file whose name disagrees with its data date, sorted, and exits 1', async () => {
    const dir = await storeWithSeeds()
    const from = path.join(dir, 'snapshots/lmarena-text/2025-11-18.en.md')
    await writeFile(path.join(dir, 'snapshots/lmarena-text/2025-11-17.en.md'), await readFile(from, 'utf8'))
    const c = captureIo(dir)
    expect(await main(['check'], c.io)).toBe(1)
    const lines = c.out().trim().split('\n')
    // vfile-reporter: the file, then `line:column severity message rule source`, then the totals.
    expect(lines[0]).toBe('snapshots/lmarena-text/2025-11-17.en.md')
    expect(lines[1]).toBe("1:1 error File name says 2025-11-17 but the page's data time is 2025-11-18T08:08:22Z, expected `lmarena-text/2025-11-18.en.md` filename-mismatch leaderlog")
    expect(lines[3]).toBe('✖ 1 error')
    expect(lines.at(-1)).toMatch(/^Checked 4 files .*: 1 error, 0 warnings in/)
  })

  it('flags a snapshot with far fewer rows than the previous one of its board', async () => {
    const dir = await storeWithSeeds()
    const content = await readFile(path.join(dir, 'snapshots/lmarena-text/2025-11-20.fr.md'), 'utf8')
    // Keep 20 rows, as a capture cut by upstream would, and date it the next day.
    await writeFile(path.join(dir, 'snapshots/lmarena-text/2025-11-21.fr.md'), cutTable(content, 20).replace(/2025-11-20 08:08:26/g, '2025-11-21 08:08:26'))
    const c = captureIo(dir)
    expect(await main(['check', '--snapshots', 'snapshots'], c.io)).toBe(1)
    expect(c.out()).toMatch(/^snapshots\/lmarena-text\/2025-11-21\.fr\.md\n\d+:1 +error +Unexpected 20 rows on `lmarena-text`, expected about 270 like the previous snapshot \(2025-11-20\) +truncated-table +leaderlog$/m)
  })

  it('flags a translation with fewer rows than the original of the same data time, and a cut day after a cut day', async () => {
    const dir = await storeWithSeeds()
    const content = await readFile(path.join(dir, 'snapshots/lmarena-text/2025-11-20.fr.md'), 'utf8')
    // Same data time, table cut after 20 rows with no sign of it: the Japanese page of that day…
    await writeFile(path.join(dir, 'snapshots/lmarena-text/2025-11-20.ja.md'), cutTable(content, 20))
    // …and the French page of the next day, cut the same way.
    await writeFile(path.join(dir, 'snapshots/lmarena-text/2025-11-21.fr.md'), cutTable(content, 20).replace(/2025-11-20 08:08:26/g, '2025-11-21 08:08:26'))
    const c = captureIo(dir)
    expect(await main(['check'], c.io)).toBe(1)
    expect(c.out()).toMatch(/^snapshots\/lmarena-text\/2025-11-20\.ja\.md\n(?:.*\n)*?\d+:1 +error +Unexpected 20 rows on `lmarena-text`, expected 270 like the `fr` page of the same data time +truncated-table +leaderlog$/m)
    expect(c.out()).toMatch(/^snapshots\/lmarena-text\/2025-11-21\.fr\.md\n\d+:1 +error +Unexpected 20 rows on `lmarena-text`, expected about 270 like the previous snapshot \(2025-11-20\) +truncated-table +leaderlog$/m)
  })

  it('warns about files outside the convention; --strict turns warnings into failure', async () => {
    const dir = await storeWithSeeds()
    await mkdir(path.join(dir, 'snapshots/misc'), { recursive: true })
    await cp(path.join(dir, 'snapshots/seal/2024-05-13.en.md'), path.join(dir, 'snapshots/misc/seal.txt'))
    const c = captureIo(dir)
    expect(await main(['check'], c.io)).toBe(0)
    expect(c.out()).toMatch(/^snapshots\/misc\/seal\.txt\n1:1 +warning +Unexpected file name `misc\/seal\.txt`.* +misplaced-file +leaderlog$/m)
    const strict = captureIo(dir)
    expect(await main(['check', '--strict'], strict.io)).toBe(1)
  })

  it('keeps going past a broken file and reports every problem with its position', async () => {
    const dir = await storeWithSeeds()
    await writeFile(path.join(dir, 'snapshots/lmarena-text/2025-11-19.ja.md'), '# Project Introduction\n\nCherry Studio is an AI assistant.\n')
    const c = captureIo(dir)
    expect(await main(['check'], c.io)).toBe(1)
    expect(c.out()).toMatch(/^snapshots\/lmarena-text\/2025-11-19\.ja\.md\n1:1 +error +Unexpected page `Project Introduction`, expected a leaderboard with a table of models +not-leaderboard +leaderlog$/m)
    expect(c.out()).toMatch(/Checked 4 files \(6 snapshots, 586 rows\)/)
  })
})
