import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli.js'
import { captureIo, snapshotsDir } from '../helpers.js'

async function parseJson(file: string) {
  const c = captureIo()
  expect(await main(['parse', '--json', file], c.io)).toBe(0)
  return JSON.parse(c.out()) as { files: { file: string; snapshots: any[]; diagnostics: any[] }[] }
}

describe('seed snapshots', () => {
  it('EN 2025-11-18: 266 rows, grok-4.1-thinking first', async () => {
    const { files } = await parseJson(path.join(snapshotsDir, 'lmarena-text/2025-11-18.en.md'))
    const [snapshot] = files[0]!.snapshots
    expect(snapshot).toMatchObject({ board: 'lmarena-text', date: '2025-11-18', updatedAt: '2025-11-18T08:08:22Z', language: 'en', source: 'lmarena-text' })
    expect(snapshot.rows).toHaveLength(266)
    expect(snapshot.rows[0]).toEqual({
      rank: 1,
      rankUpper: 1,
      rankLower: 2,
      name: 'grok-4.1-thinking',
      score: 1483,
      ciPlus: 11,
      ciMinus: 11,
      preliminary: true,
      votes: 3298,
      organization: 'xAI',
      license: 'Proprietary'
    })
    expect(files[0]!.diagnostics).toEqual([])
  })

  it('FR 2025-11-20: 270 rows, gemini-3-pro first', async () => {
    const { files } = await parseJson(path.join(snapshotsDir, 'lmarena-text/2025-11-20.fr.md'))
    const [snapshot] = files[0]!.snapshots
    expect(snapshot).toMatchObject({ date: '2025-11-20', language: 'fr' })
    expect(snapshot.rows).toHaveLength(270)
    expect(snapshot.rows[0]).toMatchObject({ rank: 1, name: 'gemini-3-pro', score: 1498, preliminary: true, votes: 3768 })
    // Every row has every field of this format.
    for (const row of snapshot.rows) expect(Object.keys(row)).toEqual(expect.arrayContaining(['rank', 'rankUpper', 'rankLower', 'name', 'score', 'ciPlus', 'ciMinus', 'votes', 'organization', 'license']))
  })

  it('SEAL 2024-05-13: four boards with 13/13/13/11 rows, ordinals, ties, asymmetric intervals, footnote flags', async () => {
    const { files } = await parseJson(path.join(snapshotsDir, 'seal/2024-05-13.en.md'))
    const snapshots = files[0]!.snapshots
    expect(snapshots.map((s) => [s.board, s.rows.length])).toEqual([
      ['seal-coding', 13],
      ['seal-instruction-following', 13],
      ['seal-math', 13],
      ['seal-spanish', 11]
    ])
    for (const s of snapshots) expect(s).toMatchObject({ date: '2024-05-13', source: 'seal', language: 'en' })
    const coding = snapshots[0]
    expect(coding.rows.map((r: any) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 7, 9, 10, 11, 12, 13])
    expect(coding.rows[1]).toEqual({ rank: 2, name: 'GPT-4 Turbo Preview', score: 1131, ciPlus: 24, ciMinus: 27 })
    expect(coding.rows[0].name).toBe('Claude 3.5 Sonnet')
    expect(coding.rows[0].flags).toEqual([{ code: 'contamination', mark: '*', text: expect.stringMatching(/^Potential contamination warning: Claude Sonnet 3\.5/) }])
    const math = snapshots[2]
    expect(math.rows.filter((r: any) => r.rank === 9).map((r: any) => r.name)).toEqual(['Llama 3 70B Instruct', 'Gemini 1.5 Flash Preview'])
    expect(snapshots[1].rows[0]).toEqual({ rank: 1, name: 'Llama 3.1 405B Instruct', score: 90.35, ciPlus: 1.53, ciMinus: 1.52 })
    expect(files[0]!.diagnostics).toEqual([])
  })

  it('reports positions that point at the offending cell', async () => {
    const content = readFileSync(path.join(snapshotsDir, 'lmarena-text/2025-11-18.en.md'), 'utf8').replace('| 3,298   |', '| 3,2极98 |')
    const { parsePage } = await import('../../src/parse/index.js')
    const result = parsePage(content)
    const [d] = result.messages
    expect(d).toMatchObject({ rule: 'corrupted-token', severity: 'error' })
    const line = content.split('\n')[d!.line - 1]!
    expect(line.slice(d!.column - 1)).toMatch(/^3,2极98/)
  })
})
