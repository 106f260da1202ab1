import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { boardIds } from '../../src/core/sources.js'
import { checkDataFiles } from '../../src/pipeline/data-check.js'
import { dataFiles } from '../../src/pipeline/data-files.js'
import { DATA_FILES_CACHE } from '../../src/parse/cache.js'
import { parseSealed, sealed } from '../../src/parse/sealed.js'
import { snapshotsDir, tempDir } from '../helpers.js'

const registry = readFileSync(path.join(snapshotsDir, 'registry.json'), 'utf8')
const events = readFileSync(path.join(snapshotsDir, 'events.json'), 'utf8')

/** The kept file's value, as `dataFiles` wrote it. */
function kept(dir: string): { key: string; result: ReturnType<typeof checkDataFiles> } {
  return parseSealed(readFileSync(path.join(dir, DATA_FILES_CACHE))) as { key: string; result: ReturnType<typeof checkDataFiles> }
}

/** Put `result` in the kept file under its key: what a later run takes must then be it. */
function replaceKept(dir: string, result: unknown): void {
  writeFileSync(path.join(dir, DATA_FILES_CACHE), sealed(JSON.stringify({ key: kept(dir).key, result })))
}

describe('the data files, validated once per edit', () => {
  it("gives the store's registry and events as validating them gives, with and without a cache", async () => {
    const fresh = checkDataFiles(registry, events, boardIds)
    expect(fresh.registry.data.models.length).toBeGreaterThan(0)
    expect(fresh.events.events.length).toBeGreaterThan(0)
    expect(await dataFiles(registry, events, boardIds)).toEqual(fresh)
    const dir = await tempDir()
    expect(await dataFiles(registry, events, boardIds, dir)).toEqual(fresh)
    expect(kept(dir).result).toEqual(fresh)
    // Read back from the cache: the same.
    expect(await dataFiles(registry, events, boardIds, dir)).toEqual(fresh)
  })

  it('takes the kept result while the texts and the boards are those it was made from, and validates again when either changes', async () => {
    const dir = await tempDir()
    const marked = { ...checkDataFiles(registry, events, boardIds), events: { events: [], messages: [] } }
    // The store's files validated and kept, then the kept result replaced: a run that takes it gets the replacement.
    const mark = async () => {
      await dataFiles(registry, events, boardIds, dir)
      replaceKept(dir, marked)
    }
    await mark()
    expect(await dataFiles(registry, events, boardIds, dir)).toEqual(marked)
    // An edit to either file, a board fewer, a file gone: validated again, and kept again.
    const editedRegistry = registry.replace('"models"', '"models" ')
    expect(await dataFiles(editedRegistry, events, boardIds, dir)).toEqual(checkDataFiles(editedRegistry, events, boardIds))
    await mark()
    expect(await dataFiles(registry, events + '\n', boardIds, dir)).toEqual(checkDataFiles(registry, events + '\n', boardIds))
    await mark()
    const fewer = boardIds.filter((b) => b !== 'lmarena-text')
    const withFewer = await dataFiles(registry, events, fewer, dir)
    expect(withFewer).toEqual(checkDataFiles(registry, events, fewer))
    expect(withFewer.events.messages.map((m) => m.rule)).toContain('invalid-events')
    await mark()
    expect(await dataFiles(registry, undefined, boardIds, dir)).toEqual(checkDataFiles(registry, undefined, boardIds))
    await mark()
    expect(await dataFiles(undefined, events, boardIds, dir)).toEqual(checkDataFiles(undefined, events, boardIds))
  })

  it('keeps the messages of a broken file, at their places', async () => {
    const dir = await tempDir()
    const broken = '{\n  "models": [\n    { "id": "Not An Id" }\n  ]\n}\n'
    const fresh = checkDataFiles(broken, undefined, boardIds)
    expect(fresh.registry.messages).toEqual([expect.objectContaining({ rule: 'invalid-registry-data', line: 3 })])
    await dataFiles(broken, undefined, boardIds, dir)
    expect(await dataFiles(broken, undefined, boardIds, dir)).toEqual(fresh)
  })

  it('does not read a damaged or edited cache file: it validates again and writes it anew', async () => {
    const dir = await tempDir()
    await dataFiles(registry, events, boardIds, dir)
    const file = path.join(dir, DATA_FILES_CACHE)
    const bytes = readFileSync(file, 'utf8')
    // The result edited by hand, its digest line left as it was.
    const edited = bytes.replace('"messages":[]', '"messages":[{"line":1}]')
    expect(edited).not.toBe(bytes)
    writeFileSync(file, edited)
    expect(await dataFiles(registry, events, boardIds, dir)).toEqual(checkDataFiles(registry, events, boardIds))
    expect(readFileSync(file, 'utf8')).toBe(bytes)
    writeFileSync(file, bytes.slice(0, 100))
    expect(await dataFiles(registry, events, boardIds, dir)).toEqual(checkDataFiles(registry, events, boardIds))
    expect(readFileSync(file, 'utf8')).toBe(bytes)
  })

  it('writes nothing without a cache directory', async () => {
    const dir = await tempDir()
    await dataFiles(registry, events, boardIds)
    expect(existsSync(path.join(dir, DATA_FILES_CACHE))).toBe(false)
  })
})
