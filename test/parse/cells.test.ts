import { describe, expect, it } from 'vitest'
import { readCount, readCutoff, readInterval, readPrice, readRank, readScore, readSpread, readText, readTokens, splitGlued } from '../../src/parse/cells.js'
import { splitGluedOrganization } from '../../src/parse/lmarena/model-cell.js'
import { parseCount, parseDecimal } from '../../src/parse/numbers.js'
import { sealScore } from '../../src/parse/seal/adapter.js'
import { announcedByCount } from '../../src/parse/lmarena/adapter.js'

const NBSP = '\u00a0'
const NNBSP = '\u202f'

describe('numbers', () => {
  it.each([
    ['3,768', 3768],
    ['3 768', 3768],
    [`3${NBSP}768`, 3768],
    [`3${NNBSP}768`, 3768],
    ['3.768', 3768],
    ['26K', 26000],
    ['1.5k', 1500],
    ['52621', 52621],
    ['1,234,567', 1234567],
    ['３,７６８', 3768],
    ['3\u2007768', 3768],
    // Swiss apostrophes, straight or typographic.
    ["3'768", 3768],
    ['3\u2019768', 3768],
    // Indian grouping: thousands, then lakhs and crores by pairs; in Devanagari digits too.
    ['1,13,568', 113568],
    ['12,34,56,789', 123456789],
    ['१,१३,५६८', 113568],
    // Invisible format characters in a count: a soft hyphen after the comma, a zero-width space before it.
    ['23,\u00ad626', 23626],
    ['\u200b23,626\u200b', 23626]
  ])('count %j → %d', (raw, value) => expect(parseCount(raw)).toBe(value))

  // Pairs must end in a group of three: `1,13,56` and `1,135,68` are no grouping at all.
  it.each(['3,76', 'abc', '', '12极4', '3..768', '1,13,56', '1,135,68', ',13,568'])('count %j is not a count', (raw) => expect(parseCount(raw)).toBeUndefined())

  it.each([
    ['1483', 1483],
    ['90.35', 90.35],
    ['1 495', 1495],
    ['1,495', 1495],
    ["1'495", 1495],
    ['1\u2019495', 1495],
    ['90,35', 90.35],
    // Grouped thousands never start with a zero: a decimal comma.
    ['0,075', 0.075],
    ['0,3', 0.3],
    // Marks that only set the direction of text (a right-to-left page) are no part of the number.
    ['\u200f١٠٨٥', 1085],
    ['\u20671,495\u2069', 1495],
    // Nor are the other invisible format characters a copy from a web page leaves: a zero-width space, a word
    // joiner, a byte-order mark, a soft hyphen where the number may break.
    ['\u200b1495', 1495],
    ['1\u2060495', 1495],
    ['\ufeff90.35', 90.35],
    ['1,\u00ad495', 1495]
  ])('decimal %j → %d', (raw, value) => expect(parseDecimal(raw)).toBe(value))

  it.each([
    // A dot grouping thousands (a German page) or a decimal point: the interval tells.
    ['1.165', { plus: 24, minus: 27 }, 1165],
    ['90.355', { plus: 1.2, minus: 1.3 }, 90.355],
    ['1.165', undefined, undefined],
    ['1.234.567', undefined, 1234567],
    ['1165', undefined, 1165],
    ['90,35', undefined, 90.35]
  ] as const)('SEAL score %j with interval %j → %s', (raw, interval, value) => expect(sealScore(raw, interval)).toBe(value))
})

describe('rank and spread', () => {
  it('reads ranks and ordinals', () => {
    expect(readRank('12')).toEqual({ value: 12 })
    expect(readRank('1st')).toEqual({ value: 1 })
    expect(readRank('3rd')).toEqual({ value: 3 })
    expect(readRank('=7')).toEqual({ value: 7 })
    expect(readRank('\u200f٤')).toEqual({ value: 4 })
    // What a column writes around every rank (learned from the column's cells).
    expect(readRank('2위', { before: '', after: '위' })).toEqual({ value: 2 })
    expect(readRank('2위')).toEqual({ problem: 'corrupted' })
    expect(readRank('#2', { before: '#', after: '' })).toEqual({ value: 2 })
    expect(readRank('№ 2', { before: '№', after: '' })).toEqual({ value: 2 })
    expect(readRank('第12名', { before: '第', after: '名' })).toEqual({ value: 12 })
    expect(readRank('第名', { before: '第', after: '名' })).toEqual({ problem: 'corrupted' })
    expect(readRank('')).toEqual({ empty: true })
    expect(readRank('极31')).toEqual({ problem: 'corrupted' })
    expect(readRank('...')).toEqual({ problem: 'unparseable' })
  })

  it.each([
    ['1◄─►4', undefined, [1, 4]],
    ['1-4', undefined, [1, 4]],
    ['1–4', undefined, [1, 4]],
    ['3 - 10', undefined, [3, 10]],
    ['612', 8, [6, 12]],
    ['14', 1, [1, 4]],
    ['310', 4, [3, 10]],
    ['118', 5, [1, 18]],
    ['1117', 13, [11, 17]],
    ['87103', 95, [87, 103]],
    // Whatever a translation writes between the two ranks: marks of any script, or one short word.
    ['1〜4', undefined, [1, 4]],
    ['1 → 4', undefined, [1, 4]],
    ['1…4', undefined, [1, 4]],
    ['1 bis 4', undefined, [1, 4]],
    ['1 έως 4', undefined, [1, 4]],
    ['1至4', undefined, [1, 4]],
    ['1から4', undefined, [1, 4]],
    ['1 to 4', undefined, [1, 4]],
    ['1 up to 4', undefined, [1, 4]],
    ['1..4', undefined, [1, 4]],
    // "From 1 to 4": a word before the first rank too.
    ['от 1 до 4', undefined, [1, 4]],
    ['de 1 a 4', undefined, [1, 4]],
    ['von 1 bis 4', undefined, [1, 4]],
    ['από 1 έως 4', undefined, [1, 4]],
    ['从1到4', undefined, [1, 4]],
    // Two ranks in brackets are an interval, however they are parted.
    ['(1–4)', undefined, [1, 4]],
    ['[1, 4]', undefined, [1, 4]],
    ['[3; 10]', undefined, [3, 10]],
    ['(12)', 2, [1, 2]]
  ] as const)('spread %j (rank %s) → %j', (raw, rank, value) => expect(readSpread(raw, rank)).toEqual({ value }))

  it.each([
    // How numbers, fractions, times and intervals are written: never two ranks.
    '1,234',
    '1.5',
    '1 234',
    '1\u202f234',
    "1'234",
    '10/50',
    '08:35',
    '1483 ±5',
    '+3/-2',
    '5 (4)',
    '4o-mini-2024',
    '1 and then maybe 4',
    'v1-4',
    'Llama 3.1 405',
    'from 1 and then maybe 4',
    // A number in brackets.
    '(1,234)',
    '[1.5]'
  ])('not a spread: %j', (raw) => expect(readSpread(raw, undefined)).not.toHaveProperty('value'))

  it('resolves glued digits by upper ≤ rank ≤ lower, narrowest first', () => {
    expect(splitGlued('1112', 11)).toEqual([11, 12])
    expect(splitGlued('1112', 5)).toEqual([1, 112])
    expect(splitGlued('99', 50)).toBeUndefined()
  })
})

describe('score', () => {
  it.each([
    ['1483', { value: 1483, preliminary: false }],
    ['1483Preliminary', { value: 1483, preliminary: true }],
    ['1483 Preliminary', { value: 1483, preliminary: true }],
    ['1483 (Preliminary)', { value: 1483, preliminary: true }],
    ['1495（暫定）', { value: 1495, preliminary: true }],
    ['1421暫定', { value: 1421, preliminary: true }],
    ['1495Préliminaire', { value: 1495, preliminary: true }],
    ['1 495 (Provisoire)', { value: 1495, preliminary: true }],
    ["1'495 (vorläufig)", { value: 1495, preliminary: true }],
    ["1'509±9", { value: 1509, preliminary: false, interval: { plus: 9, minus: 9, percent: false } }],
    ['1440 Preliminar', { value: 1440, preliminary: true }],
    ['1495 Предварительный', { value: 1495, preliminary: true }],
    ['1498 Προκαταρκτικό', { value: 1498, preliminary: true }],
    ['1483（初步）', { value: 1483, preliminary: true }],
    ['1483 (vorläufig)', { value: 1483, preliminary: true }],
    ['1483 速報値', { value: 1483, preliminary: true }],
    ['1504±10', { value: 1504, preliminary: false, interval: { plus: 10, minus: 10, percent: false } }],
    ['1507 ±6', { value: 1507, preliminary: false, interval: { plus: 6, minus: 6, percent: false } }],
    ['1507 (±5)', { value: 1507, preliminary: false, interval: { plus: 5, minus: 5, percent: false } }],
    ['1507 (+/-5)', { value: 1507, preliminary: false, interval: { plus: 5, minus: 5, percent: false } }],
    ['1495±12Preliminary', { value: 1495, preliminary: true, interval: { plus: 12, minus: 12, percent: false } }],
    ['1316 (±12) Preliminary', { value: 1316, preliminary: true, interval: { plus: 12, minus: 12, percent: false } }],
    ['1669 (++13/-13)', { value: 1669, preliminary: false, interval: { plus: 13, minus: 13, percent: false } }],
    ['12.47%±1.54%', { value: 12.47, preliminary: false, interval: { plus: 1.54, minus: 1.54, percent: true } }],
    // The percent sign first (Turkish), and the Arabic percent sign and digits.
    ['%12,47±%1,54', { value: 12.47, preliminary: false, interval: { plus: 1.54, minus: 1.54, percent: true } }],
    ['% 12,47', { value: 12.47, preliminary: false }],
    ['١٢٫٤٧٪±١٫٥٤٪', { value: 12.47, preliminary: false, interval: { plus: 1.54, minus: 1.54, percent: true } }],
    ['1607 (++17/-17) AutoEval', { value: 1607, preliminary: false, autoEval: true, interval: { plus: 17, minus: 17, percent: false } }]
  ])('%j', (raw, value) => expect(readScore(raw)).toEqual({ value }))

  it('tells corruption from nonsense', () => {
    expect(readScore('136极速赛车开奖官网开奖结果')).toEqual({ problem: 'corrupted' })
    expect(readScore('印442')).toEqual({ problem: 'corrupted' })
    expect(readScore('high')).toEqual({ problem: 'unparseable' })
    expect(readScore('N/A')).toEqual({ empty: true })
    // A sign on both sides is no percentage written either way; a sign after a number is that number's.
    expect(readScore('%12%')).toEqual({ problem: 'unparseable' })
    expect(readScore('12% 13')).toEqual({ problem: 'unparseable' })
    expect(readScore('12 %13')).toEqual({ problem: 'unparseable' })
    // A cell far longer than any score is none, and is not searched for one.
    expect(readScore(`${'1'.repeat(200)} Preliminary`)).not.toHaveProperty('value')
    expect(readScore('1'.repeat(200))).not.toHaveProperty('value')
  })
})

describe('interval', () => {
  it.each([
    ['±4', { plus: 4, minus: 4, percent: false }],
    ['+5/-4', { plus: 5, minus: 4, percent: false }],
    ['(++9/-9)', { plus: 9, minus: 9, percent: false }],
    ['+24/-27', { plus: 24, minus: 27, percent: false }],
    ['+1.53/-1.52', { plus: 1.53, minus: 1.52, percent: false }],
    ['±1.54%', { plus: 1.54, minus: 1.54, percent: true }],
    ['±%1,54', { plus: 1.54, minus: 1.54, percent: true }],
    ['+%1,53/-%1,52', { plus: 1.53, minus: 1.52, percent: true }],
    // The `±` of a text written in ASCII only.
    ['+/-9', { plus: 9, minus: 9, percent: false }],
    ['+-9', { plus: 9, minus: 9, percent: false }],
    ['(+/- 1.54%)', { plus: 1.54, minus: 1.54, percent: true }],
    // The lower bound first, each side with its sign (an error a cell before).
    ['-4/+5', { plus: 5, minus: 4, percent: false }],
    ['(−4 / +5)', { plus: 5, minus: 4, percent: false }],
    ['-1.52%/+1.53%', { plus: 1.53, minus: 1.52, percent: true }]
  ])('%j', (raw, value) => expect(readInterval(raw)).toEqual({ value }))

  it('reads a score whose interval gives the lower bound first', () => {
    expect(readScore('1507 (-4/+6)')).toEqual({ value: { value: 1507, interval: { plus: 6, minus: 4, percent: false }, preliminary: false } })
    expect(readScore('1507 −4/+6')).toEqual({ value: { value: 1507, interval: { plus: 6, minus: 4, percent: false }, preliminary: false } })
    // A minus sign with no `+` side after it is no interval.
    expect('problem' in readScore('1507 (-4)')).toBe(true)
    expect('problem' in readScore('1507-4')).toBe(true)
  })

  it('flags corrupted intervals', () => {
    expect(readInterval('+极/-4')).toEqual({ problem: 'corrupted' })
    expect(readInterval('+3/-3极')).toEqual({ problem: 'corrupted' })
  })
})

describe('other cells', () => {
  it('reads prices, context sizes and cutoffs', () => {
    expect(readPrice('$5/$25')).toEqual({ value: [5, 25] })
    expect(readPrice('$1.40/$4.40')).toEqual({ value: [1.4, 4.4] })
    expect(readPrice('N/A')).toEqual({ empty: true })
    // "No data" spaced out, as a translation that spaces every slash writes it.
    expect(readPrice('N / A')).toEqual({ empty: true })
    expect(readTokens('1M')).toEqual({ value: 1_000_000 })
    // Units in letters of other scripts that look like K and M.
    expect(readTokens('1М')).toEqual({ value: 1_000_000 })
    expect(readTokens('128Κ')).toEqual({ value: 128_000 })
    expect(readTokens('128K')).toEqual({ value: 128_000 })
    expect(readTokens('1.1M')).toEqual({ value: 1_100_000 })
    // As other languages write them: the currency after the amount, a decimal comma.
    expect(readPrice('1,25 $/10 $')).toEqual({ value: [1.25, 10] })
    expect(readPrice('10$/50$')).toEqual({ value: [10, 50] })
    expect(readPrice('US$10/US$50')).toEqual({ value: [10, 50] })
    expect(readPrice('10 USD / 50 USD')).toEqual({ value: [10, 50] })
    expect(readPrice('0,63 $')).toEqual({ value: [0.63, undefined] })
    expect(readTokens('1,05M')).toEqual({ value: 1_050_000 })
    expect(readTokens('1,5K')).toEqual({ value: 1_500 })
    // A grouped count, not a decimal comma: a size written out, its thousands grouped the same way throughout.
    expect(readTokens('128,000')).toEqual({ value: 128_000 })
    for (const raw of ['400 000', '400\u202f000', '400\u00a0000', '400.000', "400'000"]) expect(readTokens(raw), raw).toEqual({ value: 400_000 })
    expect(readTokens('1,000,000')).toEqual({ value: 1_000_000 })
    // Groups of three digits each, parted alike: no other number reads as a size.
    for (const raw of ['1,000.000', '12,34', '1 000,000', '10 00']) expect(readTokens(raw), raw).not.toHaveProperty('value')
    expect(readCutoff('2023/10')).toEqual({ value: '2023-10' })
    expect(readCutoff('暂无数据')).toEqual({ empty: true })
    expect(readCutoff('Données non disponibles')).toEqual({ empty: true })
    expect(readCutoff('2023极11')).toEqual({ problem: 'corrupted' })
    // The month first, as translations write it (each an error a cell before).
    for (const raw of ['10/2023', '10.2023', '10-2023', 'Oct 2023', 'October 2023', 'octobre 2023', 'Okt. 2023', 'octubre de 2023', 'октябрь 2023', 'Ekim 2023']) {
      expect(readCutoff(raw), raw).toEqual({ value: '2023-10' })
    }
    // Korean year and month; a month abbreviated as a language does (the start of its name) or parted from the year by a slash.
    for (const raw of ['2023년 10월', '2023년10월', 'окт. 2023', 'oct/2023', 'out/2023', 'ott 2023', 'Okt 2023']) {
      expect(readCutoff(raw), raw).toEqual({ value: '2023-10' })
    }
    expect(readCutoff('сент. 2023')).toEqual({ value: '2023-09' })
    expect(readCutoff('нояб. 2023')).toEqual({ value: '2023-11' })
    expect(readCutoff('февр. 2024')).toEqual({ value: '2024-02' })
    expect(readCutoff('dez/2023')).toEqual({ value: '2023-12' })
    expect(readCutoff('2023년 12월')).toEqual({ value: '2023-12' })
    // The start of names of two months (`ma`: March, May; `ju`: June, July) names none.
    for (const raw of ['Ma 2023', 'Ju. 2023', 'Jun-Jul 2023']) expect(readCutoff(raw), raw).toEqual({ problem: 'corrupted' })
    expect(readCutoff('13/2023')).toEqual({ problem: 'corrupted' })
    expect(readCutoff('Blah 2023')).toEqual({ problem: 'corrupted' })
    expect(readCount('12极4')).toEqual({ problem: 'corrupted' })
    expect(readText('Proprietary极好')).toEqual({ problem: 'corrupted' })
    expect(readText('独自')).toEqual({ value: '独自' })
  })

  it('splits organizations glued after model names', () => {
    expect(splitGluedOrganization('gemini-3-proGoogle')).toEqual({ name: 'gemini-3-pro', organization: 'Google' })
    expect(splitGluedOrganization('grok-4.1-thinkingxAI')).toEqual({ name: 'grok-4.1-thinking', organization: 'xAI' })
    expect(splitGluedOrganization('ring-flash-2.0Ant Group')).toEqual({ name: 'ring-flash-2.0', organization: 'Ant Group' })
    expect(splitGluedOrganization('mimo-v2-flash (non-thinking)Xiaomi')).toEqual({ name: 'mimo-v2-flash (non-thinking)', organization: 'Xiaomi' })
    expect(splitGluedOrganization('glm-4.7Z.ai')).toEqual({ name: 'glm-4.7', organization: 'Z.ai' })
    // An organization leaderlog has never seen is found by its capital letter.
    expect(splitGluedOrganization('frontier-1Fictional Labs')).toEqual({ name: 'frontier-1', organization: 'Fictional Labs' })
  })
})

describe('a top-N page in words no list knows', () => {
  const headings = [{ text: 'Agent 智能体榜单' }, { text: '30 อันดับแรก' }, { text: 'วิธีอ่านตารางนี้' }]
  it('is a top N when the spreads point below its last row and a heading’s only number is its count of rows', () => {
    expect(announcedByCount(headings, 30, 36)).toBe(30)
    // A table cut short (20 rows under "30"): no announcement, the spreads still say it is cut.
    expect(announcedByCount(headings, 20, 36)).toBeUndefined()
    // Spreads within the rows: nothing to explain.
    expect(announcedByCount(headings, 30, 30)).toBeUndefined()
    // A heading with other numbers too (a date) announces nothing.
    expect(announcedByCount([{ text: '2026-08-21: 30' }], 30, 36)).toBeUndefined()
  })
})
