import { readFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli.js'
import { boardIds } from '../../src/core/sources.js'
import { parseEvents } from '../../src/schema/events.js'
import { eventsOf } from '../../src/model/events.js'
import { captureIo, copySeeds, snapshotsDir } from '../helpers.js'

describe('events file', () => {
  it('ships valid, each event with its evidence, sorted by date', () => {
    const { events, messages } = parseEvents(readFileSync(path.join(snapshotsDir, 'events.json'), 'utf8'), boardIds)
    expect(messages).toEqual([])
    expect(events.length).toBeGreaterThanOrEqual(4)
    for (const e of events) expect(e.note?.length, e.title).toBeGreaterThan(40)
    expect(events.map((e) => e.date)).toEqual([...events.map((e) => e.date)].sort())
    expect(events.find((e) => e.date === '2026-07-29')).toMatchObject({ title: 'Only the top 30 published' })
    expect(eventsOf(events, 'lmarena-agent').map((e) => e.date)).toEqual(['2026-07-29'])
  })

  it('points at each bad field and at an unknown board', () => {
    const text = ['{', '  "events": [', '    { "date": "2025-13-01", "title": "x" },', '    { "date": "2025-01-01", "title": "y", "boards": ["lmarena-txt"] },', '    { "date": "2025-01-02" }', '  ]', '}'].join('\n')
    expect(parseEvents(text, boardIds).messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([
      '3:15 Invalid `events.0.date`: expected a date YYYY-MM-DD, found `"2025-13-01"`',
      '5:5 Invalid `events.2.title`: expected a string, found nothing'
    ])
    const board = '{"events":[{"date":"2025-01-01","title":"y","boards":["lmarena-txt"]}]}'
    expect(parseEvents(board, boardIds).messages.map((m) => `${m.line}:${m.column} ${m.message} [${m.rule}]`)).toEqual(['1:55 Unknown board `lmarena-txt`, expected a board leaderlog knows [invalid-events]'])
  })

  it('a broken events file fails check and build, and build writes nothing', async () => {
    const dir = await copySeeds()
    const good = await readFile(path.join(dir, 'events.json'), 'utf8')
    await writeFile(path.join(dir, 'events.json'), good.replace('"date": "2026-07-29"', '"date": "2026-07-29", "when": "later"'))
    const check = captureIo(dir)
    expect(await main(['check', '--snapshots', '.'], check.io)).toBe(1)
    expect(check.out()).toMatch(/^events\.json\n\d+:\d+ +error +Unexpected field `when` in `events\.\d`, expected only `date`, `boards`, `title`, `note` +invalid-events/m)
    const build = captureIo(dir)
    expect(await main(['build', '--snapshots', '.', '--out', 'site'], build.io)).toBe(1)
    expect(build.err()).toMatch(/nothing written/)
    await expect(readFile(path.join(dir, 'site/index.html'))).rejects.toThrow(/ENOENT/)
  })
})
