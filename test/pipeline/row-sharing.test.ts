import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readStore } from '../../src/pipeline/load-site.js'
import { rowSharer, sharedInStoreOrder } from '../../src/pipeline/row-sharing.js'
import type { Row } from '../../src/schema/row.js'
import type { CheckedFile } from '../../src/store/check.js'
import { copySeeds, snapshotsDir, tempDir } from '../helpers.js'

const row = (name: string, rank: number, extra: Partial<Row> = {}): Row => ({ rank, name, score: 1500 - rank, votes: 1000, ...extra })
const file = (relative: string, rows: Row[], language = 'en', board = 'lmarena-text'): CheckedFile => {
  const [source, date] = relative.split(/[/.]/)
  return {
    path: relative,
    stored: { source: source!, date: date!, language },
    result: { parser: 'test', source: null, language, snapshots: [{ board, date: date!, updatedAt: null, language, source: board, rows, places: rows.map(() => ({})) }], messages: [] }
  }
}
const rowsOf = (f: CheckedFile) => f.result.snapshots[0]!.rows

describe('rows shared as a store is read', () => {
  it('gives a page the rows of the day before where they repeat, by name, within its source, board and language', () => {
    const share = rowSharer()
    const day1 = share(file('lmarena-text/2025-01-01.en.md', [row('a', 1), row('b', 2), row('c', 3)]))
    // Every row again, in order: the day before's rows array.
    const day2 = share(file('lmarena-text/2025-01-02.en.md', [row('a', 1), row('b', 2), row('c', 3)]))
    expect(rowsOf(day2)).toBe(rowsOf(day1))
    // One row changed, two swapped: the others are the day before's rows.
    const day3 = share(file('lmarena-text/2025-01-03.en.md', [row('b', 1), row('a', 2), row('c', 3, { votes: 1200 })]))
    expect(rowsOf(day3)).not.toBe(rowsOf(day1))
    expect(rowsOf(day3)[0]).not.toBe(rowsOf(day1)[1]) // b's rank changed
    expect(rowsOf(day3)[2]).not.toBe(rowsOf(day1)[2])
    expect(rowsOf(day3)).toEqual([row('b', 1), row('a', 2), row('c', 3, { votes: 1200 })])
    const day4 = share(file('lmarena-text/2025-01-04.en.md', [row('b', 1), row('a', 2), row('c', 3)]))
    expect(rowsOf(day4)[0]).toBe(rowsOf(day3)[0])
    expect(rowsOf(day4)[1]).toBe(rowsOf(day3)[1])
    expect(rowsOf(day4)[2]).not.toBe(rowsOf(day3)[2])
    // Another language, board or source is another stream: nothing shared with this one.
    const zh = share(file('lmarena-text/2025-01-04.zh.md', [row('b', 1), row('a', 2), row('c', 3)], 'zh'))
    const vision = share(file('lmarena-text/2025-01-04.en.md', [row('b', 1)], 'en', 'lmarena-vision'))
    const archive = share(file('lmarena-archive/2025-01-04.en.md', [row('b', 1)]))
    for (const f of [zh, vision, archive]) expect(rowsOf(f).some((r) => rowsOf(day4).includes(r))).toBe(false)
    // A file with nothing to share is handed back as it came.
    const fresh = file('lmarena-text/2025-01-05.en.md', [row('z', 1)])
    expect(share(fresh)).toBe(fresh)
  })

  it('shares in the store’s order whatever order the files arrive in, an unreadable file left out', () => {
    const made = () => [
      file('lmarena-text/2025-01-01.en.md', [row('a', 1), row('b', 2)]),
      undefined,
      file('lmarena-text/2025-01-03.en.md', [row('a', 1), row('b', 2, { votes: 5 })]),
      file('lmarena-text/2025-01-04.en.md', [row('a', 1), row('b', 2)])
    ]
    const inOrder = made()
    const arrivedInOrder = sharedInStoreOrder(inOrder)
    for (const i of [0, 1, 2, 3]) arrivedInOrder(i)
    const shuffled = made()
    const arrived = sharedInStoreOrder(shuffled)
    arrived(3)
    arrived(2)
    // Nothing shared while the first file is missing.
    expect(rowsOf(shuffled[3]!)[0]).not.toBe(rowsOf(shuffled[2]!)[0])
    arrived(0)
    arrived(1)
    for (const files of [inOrder, shuffled]) {
      // The 4th shares with the 3rd (read just before it), not with the 1st: b changed on the 3rd.
      expect(rowsOf(files[2]!)[0]).toBe(rowsOf(files[0]!)[0])
      expect(rowsOf(files[3]!)[0]).toBe(rowsOf(files[0]!)[0])
      expect(rowsOf(files[3]!)[1]).not.toBe(rowsOf(files[0]!)[1])
      expect(rowsOf(files[3]!)[1]).not.toBe(rowsOf(files[2]!)[1])
      expect(files[1]).toBeUndefined()
    }
  })

  it('shares the rows of a store’s consecutive pages as it reads them, parsed or from the cache, which read the same', async () => {
    const store = await copySeeds()
    const page = await readFile(path.join(store, 'lmarena-text/2025-11-18.en.md'), 'utf8')
    await writeFile(path.join(store, 'lmarena-text/2025-11-19.en.md'), page.replaceAll('2025-11-18', '2025-11-19'))
    // The day after: grok-4.1's votes grew.
    const changed = page.replaceAll('2025-11-18', '2025-11-20').replace('| 3,413 ', '| 3,500 ')
    expect(changed).not.toBe(page.replaceAll('2025-11-18', '2025-11-20'))
    await writeFile(path.join(store, 'lmarena-text/2025-11-20.en.md'), changed)
    const cache = await tempDir()
    for (const run of ['parsed', 'cached']) {
      const { files, read } = await readStore({ dir: store, shownAs: 'snapshots' }, { cache, threads: false })
      expect(read.parsed, run).toBe(run === 'parsed' ? files.length : 0)
      const day = (date: string) => files.find((f) => f.path === `lmarena-text/${date}.en.md`)!
      const [a, b, c] = ['2025-11-18', '2025-11-19', '2025-11-20'].map((d) => rowsOf(day(d)))
      expect(b, run).toBe(a)
      expect(c!.filter((r, i) => r === a![i]).length, run).toBe(a!.length - 1)
      expect(c!.find((r) => r.name === 'grok-4.1')!.votes, run).toBe(3500)
      // Each file reads as it does alone, in a store of its own.
      for (const f of files.filter((f) => f.path.startsWith('lmarena-text/'))) {
        const own = await tempDir()
        await mkdir(path.join(own, 'lmarena-text'))
        await copyFile(path.join(store, f.path), path.join(own, f.path))
        const alone = await readStore({ dir: own, shownAs: 'snapshots' }, { threads: false })
        expect(JSON.stringify(f.result), `${run} ${f.path}`).toBe(JSON.stringify(alone.files[0]!.result))
      }
    }
  })

  // Its texts are kept once the same way (`rowRepeats`), which no test can tell: equal strings are equal.
  it('keeps once the metrics a changed row repeats of the day before, parsed here or on a thread as read from the cache', async () => {
    const store = await tempDir()
    await mkdir(path.join(store, 'lmarena-agent'))
    const page = await readFile(path.join(snapshotsDir, 'lmarena-agent/2026-08-07.zh.md'), 'utf8')
    await writeFile(path.join(store, 'lmarena-agent/2026-08-07.zh.md'), page)
    // The day after: the first row's sessions grew, its metrics as they were.
    const after = page.replaceAll('2026-08-07', '2026-08-08').replace('| 19,487 |', '| 19,600 |')
    expect(after).not.toBe(page.replaceAll('2026-08-07', '2026-08-08'))
    await writeFile(path.join(store, 'lmarena-agent/2026-08-08.zh.md'), after)
    const cache = await tempDir()
    const runs = [
      ['parsed here', { threads: false }],
      ['parsed on threads', { threads: { threshold: 0, size: 2 } }],
      ['parsed here into a cache', { threads: false, cache }],
      ['from the cache', { threads: false, cache }]
    ] as const
    for (const [run, options] of runs) {
      const { files, read } = await readStore({ dir: store, shownAs: 'snapshots' }, options)
      expect(read.parsed, run).toBe(run === 'from the cache' ? 0 : 2)
      const [before, changed] = files.map((f) => rowsOf(f)[0]!)
      expect(changed, run).not.toBe(before)
      expect(changed!.votes, run).toBe(19600)
      expect(before!.metrics, run).toBeDefined()
      expect(changed!.metrics, run).toBe(before!.metrics)
      // The other rows repeat whole.
      expect(rowsOf(files[1]!).slice(1), run).toEqual(rowsOf(files[0]!).slice(1))
      expect(rowsOf(files[1]!).slice(1).every((r, i) => r === rowsOf(files[0]!)[i + 1]), run).toBe(true)
    }
  })
})
