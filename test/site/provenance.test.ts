import { copyFile, mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli.js'
import { captureIo, copySeeds, snapshotsDir, tempDir } from '../helpers.js'

/**
 * Provenance on the site (issue 13): a snapshot built from a third-party
 * archive names the archive, links it, and says what its rank column is; the
 * JSON says it too. The store: the seeds plus the repository's archive
 * captures of 2024-07-31 (exports and rating history of one day) and
 * 2023-05-08 (rating history alone).
 */
const archived = ['2023-05-08.en-x-ratings.csv', '2024-07-31.en-x-exports.csv', '2024-07-31.en-x-ratings.csv']

let dist: string
beforeAll(async () => {
  const dir = await tempDir()
  const store = await copySeeds(path.join(dir, 'snapshots'))
  await mkdir(path.join(store, 'lmarena-text'), { recursive: true })
  for (const f of archived) await copyFile(path.join(snapshotsDir, 'lmarena-text', f), path.join(store, 'lmarena-text', f))
  const c = captureIo(dir)
  expect(await main(['build'], c.io), c.err()).toBe(0)
  dist = path.join(dir, 'dist')
})

const page = (date: string) => readFile(path.join(dist, 'boards/lmarena-text', date, 'index.html'), 'utf8')
const json = async (date: string) => JSON.parse(await readFile(path.join(dist, 'data/lmarena-text', `${date}.json`), 'utf8'))

describe('a snapshot from the archives', () => {
  it('the rating history alone: names and links the archive, says its ranks are derived', async () => {
    const html = await page('2023-05-08')
    expect(html).toContain('from an archive of upstream’s board')
    expect(html).toContain('<a href="https://github.com/jasontrigg0/chatbot-arena-history">Rating history (jasontrigg0/chatbot-arena-history)</a>')
    expect(html).toContain('ranks are derived by leaderlog from the ratings, equal ratings sharing a rank')
    expect(await json('2023-05-08')).toMatchObject({ languages: ['en-x-ratings'], rankShown: 'derived' })
  })

  it('two archives of one day: both named, the exports’ ranks (upstream’s, as the exports show them) kept', async () => {
    const html = await page('2024-07-31')
    expect(html).toContain('from 2 archives of upstream’s board')
    expect(html).toContain('Daily CSV exports (fboulnois/llm-leaderboard-csv)</a>, <a href="https://github.com/jasontrigg0/chatbot-arena-history">')
    expect(html).toContain('Ranks are upstream’s, as the archive shows them.')
    const data = await json('2024-07-31')
    expect(data.languages).toEqual(['en-x-exports', 'en-x-ratings'])
    expect(data.rankShown).toBeUndefined()
  })

  it('a page of upstream’s own says nothing of archives', async () => {
    const html = await page('2025-11-18')
    expect(html).toContain('from the en page')
    expect(html).not.toContain('third-party archives')
    expect((await json('2025-11-18')).rankShown).toBeUndefined()
  })
})
