import { cp, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli.js'
import { captureIo, copySeeds, tempDir } from '../helpers.js'

describe('registry and site read the store the same way', () => {
  it('leaves a file that is not published out of both registry --json and models.json', async () => {
    const dir = await tempDir()
    await copySeeds(path.join(dir, 'snapshots'))
    // A cut capture of the next day with a model no other file has: it must not reach the registry.
    const content = await readFile(path.join(dir, 'snapshots/lmarena-text/2025-11-20.fr.md'), 'utf8')
    const lines = content.replace(/2025-11-20 08:08:26/g, '2025-11-21 08:08:26').replace('| gemini-3-pro ', '| only-in-a-cut-file ').split('\n')
    const header = lines.findIndex((l) => l.startsWith('| Rang'))
    await writeFile(path.join(dir, 'snapshots/lmarena-text/2025-11-21.fr.md'), [...lines.slice(0, header + 7), '| ... (le reste du tableau reste inchangé) ... |', ...lines.slice(header + 272)].join('\n'))

    const registry = captureIo(dir)
    expect(await main(['registry', '--json'], registry.io)).toBe(0)
    const models = JSON.parse(registry.out()).models as { id: string; boards: Record<string, { last: string }> }[]
    expect(models.some((m) => m.id.startsWith('only-in-a-cut-file'))).toBe(false)
    expect(Math.max(...models.map((m) => (m.boards['lmarena-text'] ? Date.parse(m.boards['lmarena-text'].last) : 0)))).toBe(Date.parse('2025-11-20'))

    const build = captureIo(dir)
    expect(await main(['build', '--out', 'site'], build.io)).toBe(0)
    expect(build.err()).toMatch(/2025-11-21\.fr\.md:\d+:\d+: error .*\[truncated-table\]\n {2}→ not published/)
    expect(await readFile(path.join(dir, 'site/data/models.json'), 'utf8')).toBe(registry.out())
  })
})
