import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cachedParser } from '../../src/parse/cache.js'
import { parsePage } from '../../src/parse/index.js'
import { snapshotsDir, tempDir } from '../helpers.js'

const seal = readFileSync(path.join(snapshotsDir, 'seal/2024-05-13.en.md'), 'utf8')

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
}

describe('parse cache', () => {
  it('returns what parsing returns, from disk the second time', async () => {
    const dir = await tempDir()
    const parse = cachedParser(dir)
    const first = parse(seal, { source: 'seal' })
    expect(parse.stats).toEqual({ hits: 0, misses: 1 })
    const second = parse(seal, { source: 'seal' })
    expect(parse.stats).toEqual({ hits: 1, misses: 1 })
    expect(second).toEqual(first)
    expect(second).toEqual(JSON.parse(JSON.stringify(parsePage(seal, { source: 'seal' }))))
  })

  it('keys on options and content', async () => {
    const dir = await tempDir()
    const parse = cachedParser(dir)
    parse(seal, { source: 'seal' })
    parse(seal, {})
    parse(seal + '\n', { source: 'seal' })
    expect(parse.stats).toEqual({ hits: 0, misses: 3 })
    expect(files(dir)).toHaveLength(3)
  })

  it('parses again when an entry is damaged', async () => {
    const dir = await tempDir()
    const parse = cachedParser(dir)
    const first = parse(seal)
    for (const f of files(dir)) writeFileSync(f, '{"trunc')
    expect(parse(seal)).toEqual(first)
    expect(parse.stats).toEqual({ hits: 0, misses: 2 })
  })
})
