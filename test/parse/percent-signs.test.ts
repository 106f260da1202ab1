import { describe, expect, it } from 'vitest'
import { parsePage } from '../../src/parse/index.js'
import { capturedPage } from '../helpers.js'

/**
 * The agent board's measures are percentages (`12.47%±1.54%`), kept with
 * their unit. A page that writes the sign full-width (`12.47％±1.54％`, as
 * Chinese and Japanese text may) or in Arabic (`١٢.٤٧٪±١.٥٤٪`) had its values
 * read, but their unit dropped, silently.
 */
const rows = [
  ['Claude Opus 5 (High)', '12.47', '1.54', '15.41', '3.16', '19,787'],
  ['Kimi K3 (Max)', '10.41', '0.62', '17.97', '1.23', '83,274'],
  ['GPT-5.5 (xhigh)', '9.87', '1.88', '13.02', '2.75', '21,803'],
  ['Gemini 3.5 Pro', '8.12', '2.02', '9.45', '3.33', '15,022']
]

/** Arabic-Indic digits for the ASCII ones. */
const arabic = (text: string) => text.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)))

function page(sign: string, digits: (text: string) => string = (t) => t): string {
  return capturedPage(
    [
      '| Rank | Model | Net improvement | Confirmed success | Sessions |',
      '|---:|:---|:---|:---|---:|',
      ...rows.map(([name, a, da, b, db, sessions], i) => `| ${i + 1} | ${name} | ${digits(`${a}${sign}±${da}${sign}`)} | ${digits(`${b}${sign}±${db}${sign}`)} | ${sessions} |`)
    ],
    'LMArena Agent'
  )
}

describe('percent signs of other widths and scripts', () => {
  it.each([
    ['ASCII', '%', undefined],
    ['full-width', '％', undefined],
    ['Arabic', '٪', arabic]
  ])('keeps the unit of measures written with the %s sign', (_, sign, digits) => {
    const result = parsePage(page(sign, digits), { source: 'lmarena-agent' })
    expect(result.messages).toEqual([])
    const read = result.snapshots[0]!.rows
    expect(read.map((r) => Object.values(r.metrics ?? {}))).toEqual(
      rows.map(([, a, da, b, db]) => [
        { value: Number(a), ciPlus: Number(da), ciMinus: Number(da), unit: '%' },
        { value: Number(b), ciPlus: Number(db), ciMinus: Number(db), unit: '%' }
      ])
    )
  })
})
