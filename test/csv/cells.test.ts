import { describe, expect, it } from 'vitest'
import { looksLikeFormula, readCount, readCutoff, readDate, readDecimal, readInterval } from '../../src/parse/csv/cells.js'

describe('CSV cells', () => {
  it('reads numbers strictly', () => {
    expect(readDecimal('1274.1856580388371')).toEqual({ value: 1274.1856580388371 })
    expect(readDecimal('12x7')).toEqual({ problem: 'unparseable' })
    expect(readDecimal('')).toEqual({ empty: true })
    expect(readCount('42,046')).toEqual({ value: 42046 })
    expect(readCount('42,04')).toEqual({ problem: 'unparseable' })
    expect(readInterval('+3/-4')).toEqual({ value: { plus: 3, minus: 4 } })
    expect(readInterval('±5')).toEqual({ value: { plus: 5, minus: 5 } })
    expect(readInterval('3 to 4')).toEqual({ problem: 'unparseable' })
  })

  it('reads dates and knowledge cutoffs', () => {
    expect(readDate('20230508')).toEqual({ value: '2023-05-08' })
    expect(readDate('2023-05-08')).toEqual({ value: '2023-05-08' })
    expect(readDate('20230231')).toEqual({ problem: 'unparseable' })
    expect(readCutoff('2023/4')).toEqual({ value: '2023-04' })
    expect(readCutoff('Online')).toEqual({ empty: true })
    expect(readCutoff('Unknown')).toEqual({ empty: true })
  })

  it('tells formula-looking text from numbers', () => {
    for (const f of ['=HYPERLINK("x","y")', '@SUM(A1)', '+cmd|x', '-2+3', '\t=1']) expect(looksLikeFormula(f), f).toBe(true)
    for (const t of ['GPT-4', '-3', '+3/-4', 'Claude 3 Opus', '']) expect(looksLikeFormula(t), t).toBe(false)
  })
})
