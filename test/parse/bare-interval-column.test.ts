import { describe, expect, it } from 'vitest'
import { parsePage } from '../../src/parse/index.js'
import { capturedPage } from '../helpers.js'

/**
 * The widths of a 95% interval written without their `±` (`9` for `±9`), on a
 * long table. Before, the column was read as ranks after style control (small
 * whole numbers fit those), each model given a style-control rank of 3 to 12,
 * with no more than a warning on the header.
 */
const widths = [9, 9, 6, 5, 8, 7, 4, 6, 5, 3, 12, 7, 6, 5, 4, 8, 9, 6, 5, 4, 7, 6, 5, 8, 9, 10, 6, 5, 4, 7]

function page(header: string, ci: (width: number, i: number) => string): string {
  const rows = widths.map((w, i) => `| ${i + 1} | model-${i + 2} | ${1500 - i * 3} | ${ci(w, i)} | ${(30_000 - i * 700).toLocaleString('en')} |`)
  return capturedPage([`| Rank | Model | Score | ${header} | Votes |`, '|---:|:---|---:|---:|---:|', ...rows])
}

describe('interval widths without their ±, under the interval header', () => {
  it('are never read as ranks after style control: the column is reported', () => {
    const result = parsePage(page('95% Confidence Interval (±)', (w) => String(w)), { source: 'lmarena-text' })
    const rows = result.snapshots[0]!.rows
    expect(rows).toHaveLength(widths.length)
    expect(rows.every((r) => r.rankStyleControl === undefined)).toBe(true)
    expect(result.messages.map((m) => m.rule)).toContain('unknown-column')
  })

  it('still reads real ranks after style control, which reach down the table', () => {
    const style = widths.map((_, i) => (i % 5 === 0 ? i + 3 : i + 1))
    const rows = parsePage(page('Rank (StyleCtrl)', (_, i) => String(style[i])), { source: 'lmarena-text' }).snapshots[0]!.rows
    expect(rows.map((r) => r.rankStyleControl)).toEqual(style)
  })

  it('reads them with their ±', () => {
    const rows = parsePage(page('95% Confidence Interval (±)', (w) => `±${w}`), { source: 'lmarena-text' }).snapshots[0]!.rows
    expect(rows.map((r) => r.ciPlus)).toEqual(widths)
  })
})
