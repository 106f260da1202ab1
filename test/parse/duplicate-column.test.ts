import { describe, expect, it } from 'vitest'
import { parsePage } from '../../src/parse/index.js'
import { capturedPage } from '../helpers.js'

/**
 * The agent board's measures are kept by their headers (`metrics`, one value
 * per measure). A translation that gave two of its columns one header made
 * the second column's values overwrite the first's under its name, and the
 * second measure vanish, with no diagnostic: both columns are percentages, so
 * the cells cannot say which is which. Neither column is read, and an error
 * says why.
 */
const rows = [
  ['Claude Opus 5 (High)', '12.19%±1.45%', '15.35%±3.03%', '19.26%±5.29%', '19,739'],
  ['Claude Fable 5 (High)', '12.01%±2.57%', '10.66%±4.90%', '25.14%±9.01%', '24,417'],
  ['GPT-5.5 (xhigh)', '11.52%±1.88%', '13.02%±2.75%', '17.91%±4.12%', '21,803'],
  ['Gemini 3.5 Pro', '10.87%±2.02%', '9.45%±3.33%', '21.40%±6.02%', '15,022']
]

function page(headers: string[]): string {
  return capturedPage(
    [
      `| Rank | ${headers.join(' | ')} | Sessions |`,
      '|---:|:---|:---|:---|:---|---:|',
      ...rows.map((r, i) => `| ${i + 1} | ${r.join(' | ')} |`)
    ],
    'LMArena Agent'
  )
}

describe('two columns of one measure', () => {
  it('reads neither, with an error at the second', () => {
    const result = parsePage(page(['Model', 'Net improvement', 'Net improvement', 'Thumbs ratio']), { source: 'lmarena-agent' })
    const parsed = result.snapshots[0]!.rows
    expect(parsed.map((r) => r.name)).toEqual(rows.map((r) => r[0]))
    expect(parsed.map((r) => Object.keys(r.metrics ?? {}))).toEqual(rows.map(() => ['thumbs-ratio']))
    expect(parsed.map((r) => r.metrics?.['thumbs-ratio']?.value)).toEqual([19.26, 25.14, 17.91, 21.4])
    const errors = result.messages.filter((m) => m.severity === 'error')
    expect(errors.map((m) => [m.rule, m.line, m.column])).toEqual([['duplicate-column', 5, 36]])
    expect(errors[0]!.message).toContain('`net-improvement`')
  })

  it('reads each measure under its own name', () => {
    const result = parsePage(page(['Model', 'Net improvement', 'Confirmed success', 'Thumbs ratio']), { source: 'lmarena-agent' })
    const first = result.snapshots[0]!.rows[0]!
    expect(Object.fromEntries(Object.entries(first.metrics ?? {}).map(([k, m]) => [k, m.value]))).toEqual({ 'net-improvement': 12.19, 'confirmed-success': 15.35, 'thumbs-ratio': 19.26 })
    expect(result.messages.filter((m) => m.rule === 'duplicate-column')).toEqual([])
  })
})
