import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePage } from '../../src/parse/index.js'
import { isRoundSize } from '../../src/parse/numbers.js'
import { snapshotsDir } from '../helpers.js'

/**
 * Votes shortened with a unit (`5.5K`, `23,6K`), as a translation may write
 * them, look like context windows (`131.1K`, `128K`). They were read as the
 * context of every model: with a `header-mismatch` warning under `Votes`,
 * silently under a header no list knows. Sizes of memory are multiples of
 * 1,024 or 1,000; shortened counts seldom are.
 */

const shorten = (votes: number, comma: boolean): string => (votes >= 1000 ? `${(votes / 1000).toFixed(1)}K`.replace('.', comma ? ',' : '.') : String(votes))
const shortened = (votes: number | undefined) => (votes === undefined || votes < 1000 ? votes : Math.round(votes / 100) * 100)

/** A real page with its votes column (the `header` column) rewritten shortened, its header replaced by `rename` if given. */
function rewrite(file: string, header: RegExp, comma: boolean, rename?: string): { base: ReturnType<typeof parsePage>; read: ReturnType<typeof parsePage> } {
  const [source, name] = file.split('/') as [string, string]
  const options = { source, language: name.split('.')[1]! }
  const text = readFileSync(path.join(snapshotsDir, file), 'utf8')
  const lines = text.split('\n')
  const at = lines.findIndex((l) => l.startsWith('|') && header.test(l))
  const column = lines[at]!.split('|').findIndex((c) => header.test(c))
  const out = lines.map((line, i) => {
    if (i === at && rename) return line.replace(header, rename)
    if (i <= at + 1 || !line.startsWith('|')) return line
    const cells = line.split('|')
    const value = cells[column]!.trim()
    if (!/^[\d,]+$/.test(value)) return line
    cells[column] = ` ${shorten(Number(value.replace(/,/g, '')), comma)} `
    return cells.join('|')
  })
  return { base: parsePage(text, options), read: parsePage(out.join('\n'), options) }
}

describe('votes shortened with a unit', () => {
  it.each([
    ['a dot, under `Votes`', false, undefined],
    ['a decimal comma, under `Votes`', true, undefined],
    ['a dot, under a header no list knows', false, 'Qwxz']
  ])('are read as votes, to the precision shown (%s)', (_, comma, rename) => {
    const { base, read } = rewrite('lmarena-text/2025-11-25.en.md', /Votes/, comma, rename)
    expect(read.messages).toEqual(base.messages)
    const rows = read.snapshots[0]!.rows
    expect(rows).toHaveLength(base.snapshots[0]!.rows.length)
    expect(rows.map((r) => r.votes)).toEqual(base.snapshots[0]!.rows.map((r) => shortened(r.votes)))
    expect(rows.filter((r) => r.context !== undefined)).toEqual([])
  })

  it('beside a context column: both read', () => {
    const { base, read } = rewrite('lmarena-text/2026-08-21.zh.md', /票数/, false)
    expect(read.messages).toEqual(base.messages)
    const rows = read.snapshots[0]!.rows
    expect(rows.map((r) => r.votes)).toEqual(base.snapshots[0]!.rows.map((r) => shortened(r.votes)))
    expect(rows.map((r) => r.context)).toEqual(base.snapshots[0]!.rows.map((r) => r.context))
    expect(rows.filter((r) => r.context !== undefined).length).toBeGreaterThan(20)
  })

  it('sizes of memory are multiples of 1,024 or 1,000 to the precision shown; shortened counts seldom are', () => {
    expect(['131.1K', '128K', '1M', '262.1K', '32.8K', '1,05M', '2.1M', '200K', '128К'].map(isRoundSize)).toEqual(Array(9).fill(true))
    expect(['5.5K', '23,4K', '7.3K', '44.4K'].map(isRoundSize)).toEqual([false, false, false, false])
    expect(['5471', 'abc', ''].map(isRoundSize)).toEqual([undefined, undefined, undefined])
  })
})
