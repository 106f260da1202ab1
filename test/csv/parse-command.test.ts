import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli.js'
import { captureIo, tempDir } from '../helpers.js'

describe('leaderlog parse on CSV', () => {
  it('recognises a CSV export by its header, dates it by its file name and shows where its rows come from', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, '2024-06-19_3792cf0.csv'), 'rank,model,arena_elo,95_pct_ci,votes\n1,GPT-4o-2024-05-13,1287,+3/-3,42046\n2,Gemini-Advanced-0514,1267,+3/-4,34382\n2,Claude 3 Opus,1249,+2/-2,133262\n')
    const c = captureIo(dir)
    expect(await main(['parse', '--json', '2024-06-19_3792cf0.csv'], c.io)).toBe(0)
    const { files } = JSON.parse(c.out())
    expect(files[0].diagnostics).toEqual([])
    expect(files[0].snapshots).toEqual([
      {
        board: 'lmarena-text',
        date: '2024-06-19',
        updatedAt: null,
        language: 'en-x-exports',
        source: 'lmarena-text',
        provenance: { archive: 'exports', rank: 'upstream' },
        rows: [
          { rank: 1, name: 'GPT-4o-2024-05-13', score: 1287, ciPlus: 3, ciMinus: 3, votes: 42046 },
          { rank: 2, name: 'Gemini-Advanced-0514', score: 1267, ciPlus: 3, ciMinus: 4, votes: 34382 },
          { rank: 2, name: 'Claude 3 Opus', score: 1249, ciPlus: 2, ciMinus: 2, votes: 133262 }
        ]
      }
    ])
  })
})
