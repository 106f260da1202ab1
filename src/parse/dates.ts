import { halfWidth } from './numbers.js'

/**
 * Finding the data time of a page. Upstream's label changes with the language
 * and the day (`**Data Update Time**`, `Data last updated`, `Fetch time`,
 * `数据更新时间`, `抓取时间`, `Heure de mise à jour des données`, …) and so does
 * the way the time is written (ISO, `16 juillet 2025 11:44:18 UTC`,
 * `25.11.2025 08:08:40 UTC`, `2025年11月18日`), sometimes with full-width
 * punctuation. So: find every date in the text, and prefer one on a line with
 * a label, then one with a time zone.
 */
export interface FoundDate {
  /** `YYYY-MM-DD` of the data, in UTC. */
  date: string
  /** ISO `YYYY-MM-DDTHH:MM:SSZ`, or the bare date when the page gives no time. */
  updatedAt: string
  /** Offset of the match in the text searched. */
  index: number
}

const months: Record<string, number> = {}
function addMonths(names: string[]): void {
  names.forEach((name, i) => {
    for (const variant of name.split('|')) months[variant] = i + 1
  })
}
addMonths(['january|jan', 'february|feb', 'march|mar', 'april|apr', 'may', 'june|jun', 'july|jul', 'august|aug', 'september|sep|sept', 'october|oct', 'november|nov', 'december|dec'])
addMonths(['janvier|janv', 'février|fevrier|févr', 'mars', 'avril|avr', 'mai', 'juin', 'juillet|juil', 'août|aout', 'septembre', 'octobre', 'novembre', 'décembre|decembre|déc'])
addMonths(['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre|setiembre', 'octubre', 'noviembre', 'diciembre'])
addMonths(['janeiro', 'fevereiro', 'março|marco', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'])
addMonths(['januar|jän', 'februar', 'märz|mär', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober|okt', 'november', 'dezember|dez'])
addMonths(['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'])
addMonths(['января|январь|янв', 'февраля|февраль|фев', 'марта|март|мар', 'апреля|апрель|апр', 'мая|май', 'июня|июнь|июн', 'июля|июль|июл', 'августа|август|авг', 'сентября|сентябрь|сен', 'октября|октябрь|окт', 'ноября|ноябрь|ноя', 'декабря|декабрь|дек'])
addMonths(['ιανουαρίου|ιανουάριος|ιαν', 'φεβρουαρίου|φεβρουάριος|φεβ', 'μαρτίου|μάρτιος|μαρ', 'απριλίου|απρίλιος|απρ', 'μαΐου|μαίου|μάιος|μαΐ', 'ιουνίου|ιούνιος|ιουν', 'ιουλίου|ιούλιος|ιουλ', 'αυγούστου|αύγουστος|αυγ', 'σεπτεμβρίου|σεπτέμβριος|σεπ', 'οκτωβρίου|οκτώβριος|οκτ', 'νοεμβρίου|νοέμβριος|νοε', 'δεκεμβρίου|δεκέμβριος|δεκ'])
addMonths(['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'])
addMonths(['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'])
addMonths(['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'])
addMonths(['stycznia|styczeń', 'lutego|luty', 'marca|marzec', 'kwietnia|kwiecień', 'maja|maj', 'czerwca|czerwiec', 'lipca|lipiec', 'sierpnia|sierpień', 'września|wrzesień', 'października|październik', 'listopada|listopad', 'grudnia|grudzień'])
addMonths(['ocak', 'şubat', 'mart', 'nisan', 'mayıs', 'haziran', 'temmuz', 'ağustos', 'eylül', 'ekim', 'kasım', 'aralık'])
addMonths(['січня|січень', 'лютого|лютий', 'березня|березень', 'квітня|квітень', 'травня|травень', 'червня|червень', 'липня|липень', 'серпня|серпень', 'вересня|вересень', 'жовтня|жовтень', 'листопада|листопад', 'грудня|грудень'])

/**
 * The month (1 to 12) a month's name or its abbreviation (`Dec`, `déc.`,
 * `Dez.`) names in a language seen, else undefined. An abbreviation is the
 * start of a name, three letters at least (`сент.`, `нояб.`, `dez`, `ott`),
 * that starts no name of another month.
 */
export function monthOf(word: string): number | undefined {
  const key = word.toLowerCase().replace(/\.$/, '')
  const named = months[key]
  if (named !== undefined || [...key].length < 3 || !/^\p{L}+$/u.test(key)) return named
  let month: number | undefined
  for (const name of monthNames) {
    if (!name.startsWith(key)) continue
    if (month !== undefined && months[name] !== month) return undefined
    month = months[name]
  }
  return month
}

/**
 * Whether `word` (letters alone) is a month's name or abbreviation in `months`,
 * in any case. The patterns once named every month in an alternation,
 * ignoring case (`/iu`): compiling it cost the first page parsed 15 to 50 ms,
 * the most of any step. A word they matched only by folding case beyond lower
 * case (`ſeptember`, `αύγουστοσ` with a middle sigma) gave no date either:
 * `monthOf` reads it in lower case.
 */
function isMonthName(word: string): boolean {
  return months[word.toLowerCase()] !== undefined
}

/** Every month's name and abbreviation `monthOf` knows, in lower case. */
export const monthNames: readonly string[] = Object.keys(months)

/** A month's name in a date: a word of letters, taken only when it is one (`isMonthName`). */
const monthWord = String.raw`(\p{L}+)`

/**
 * A time after the date: hours, minutes, seconds, and the half of the day a
 * 12-hour clock names, before the hours (`下午3:34`, `오후 3:34`) or after them
 * (`3:34:56 PM`, `3:34 p.m.`).
 */
const time = String.raw`(?:\s*(?:[T,]|à|a las|at|um|в|στις|às)?\s*(上午|下午|午前|午後|오전|오후)?\s*(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s?[Mm]\.?(?!\p{L}))?)?`
const zone = String.raw`(?:\s*\(?\s*(UTC|GMT|Z|CST|北京时间|北京時間|Beijing|Pékin|Pekín)\)?)?`

/** A pattern of dates: how it orders the date, and which of its groups (from 0) is a month's name, if one is. */
export interface DatePattern {
  re: RegExp
  order: 'ymd' | 'numeric' | 'dMy' | 'dmyWords' | 'Mdy'
  month?: number
}

/** The patterns `findDates` looks for, in order. */
export const datePatterns: readonly DatePattern[] = [
  // 2025-11-18 08:08:22 UTC, 2025/11/18, 2025年11月18日 08:08, 2025년 11월 18일
  { re: new RegExp(String.raw`(\d{4})\s*[-/.年년]\s*(\d{1,2})\s*[-/.月월]\s*(\d{1,2})\s*[日일]?` + time + zone, 'giu'), order: 'ymd' },
  // 25.11.2025 08:08:40 UTC, 25/11/2025, 25-11-2025; 11/25/2025 (month first: `numericDate`)
  { re: new RegExp(String.raw`(?<![\d./-])(\d{1,2})[./-](\d{1,2})[./-](\d{4})` + time + zone, 'giu'), order: 'numeric' },
  // 16 juillet 2025 11:44:18 UTC, 18 de noviembre de 2025, 18 ноября 2025 г.
  { re: new RegExp(String.raw`(?<!\d)(\d{1,2})(?:er|º|°)?\.?\s+(?:de\s+)?${monthWord}\.?\s+(?:de\s+)?(\d{4})(?:\s*г\.?)?` + time + zone, 'giu'), order: 'dMy', month: 1 },
  // ngày 18 tháng 11 năm 2025 (Vietnamese: day, month and year each after its word)
  { re: new RegExp(String.raw`(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2}),?\s+năm\s+(\d{4})` + time + zone, 'giu'), order: 'dmyWords' },
  // November 18, 2025 08:08 UTC
  { re: new RegExp(monthWord + String.raw`\.?\s+(\d{1,2}),?\s+(\d{4})` + time + zone, 'giu'), order: 'Mdy', month: 0 }
]

/** Words that label the data time, in the languages seen or expected. */
const labels =
  /(update|updated|fetch|fetched|retrieved|last|数据|數據|更新|抓取|获取|時間|时间|データ|mise à jour|mis à jour|actualis|actualiz|récupér|obten|atualiz|обновл|получ|ενημέρωσ|ανάκτησ|datos|données|dados|данные|δεδομένα|güncelle|aktualiz|bijgewerkt|cập nhật|업데이트|갱신|데이터)/iu

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/**
 * The hours of a time, on a 24-hour clock: a 12-hour clock's (1 to 12) with
 * the half of the day it names. Hours no 12-hour clock shows keep their value:
 * `am` after them is a word (German `15:34 am Montag`, "on Monday").
 */
function hours24(h: number, half: string | undefined): number {
  if (half === undefined || h < 1 || h > 12) return h
  const pm = /^[Pp]$|^(下午|午後|오후)$/u.test(half)
  return (h % 12) + (pm ? 12 : 0)
}

function build(y: number, mo: number, d: number, time: readonly (string | undefined)[], z: string | undefined): Omit<FoundDate, 'index'> | undefined {
  const [before, h, mi, s, after] = time
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 2000 || y > 2100) return undefined
  const check = new Date(Date.UTC(y, mo - 1, d))
  if (check.getUTCDate() !== d) return undefined
  if (h === undefined) {
    const date = `${y}-${pad(mo)}-${pad(d)}`
    return { date, updatedAt: date }
  }
  const hours = hours24(Number(h), before ?? after)
  const minutes = Number(mi)
  const seconds = s === undefined ? 0 : Number(s)
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined
  const beijing = z !== undefined && !/^(utc|gmt|z)$/i.test(z)
  const ms = Date.UTC(y, mo - 1, d, hours, minutes, seconds) - (beijing ? 8 * 3600_000 : 0)
  const iso = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
  return { date: iso.slice(0, 10), updatedAt: iso }
}

/**
 * Every date in `text`, in order of appearance. `expected` (`YYYY-MM-DD`, the
 * store file's date) chooses between the two readings of a date written with
 * numbers only (`numericDate`).
 */
export function findDates(text: string, expected?: string): FoundDate[] {
  return findDatesWith(datePatterns, text, expected)
}

/** `findDates` with the given patterns (a test compares them with others). */
export function findDatesWith(patterns: readonly DatePattern[], text: string, expected?: string): FoundDate[] {
  const found: FoundDate[] = []
  const normal = halfWidth(text).replace(/\u00a0|\u202f/g, ' ')
  for (const { re, order, month } of patterns) {
    re.lastIndex = 0
    for (let m = re.exec(normal); m; m = re.exec(normal)) {
      const g = m.slice(1)
      // A word that is no month's name: the pattern is tried again from the next character on, as it
      // was when it named every month (a name may end a longer word: `xJanuary 5, 2025`).
      if (month !== undefined && !isMonthName(g[month]!)) {
        re.lastIndex = m.index + 1
        continue
      }
      // The time's groups (half of the day before, hours, minutes, seconds, half after), then the zone.
      const clock = g.slice(3, 8)
      const z = g[8]
      let built: Omit<FoundDate, 'index'> | undefined
      if (order === 'ymd') built = build(Number(g[0]), Number(g[1]), Number(g[2]), clock, z)
      else if (order === 'numeric') built = numericDate(Number(g[0]), Number(g[1]), (mo, d) => build(Number(g[2]), mo, d, clock, z), expected)
      else if (order === 'dmyWords') built = build(Number(g[2]), Number(g[1]), Number(g[0]), clock, z)
      else if (order === 'dMy') built = build(Number(g[2]), monthOf(g[1]!) ?? 0, Number(g[0]), clock, z)
      else built = build(Number(g[2]), monthOf(g[0]!) ?? 0, Number(g[1]), clock, z)
      if (built) found.push({ ...built, index: m.index })
    }
  }
  return found.sort((a, b) => a.index - b.index)
}

/**
 * A date of numbers only, `a.b.yyyy`: the day first (`25.11.2025`, most
 * languages), or the month (`11/25/2025`, American English). When only one
 * reading is a date (a number above 12), it; when both are, the one that is
 * `expected` (the store file's date), else the day first.
 */
function numericDate<T extends { date: string }>(a: number, b: number, made: (month: number, day: number) => T | undefined, expected?: string): T | undefined {
  const dayFirst = made(b, a)
  const monthFirst = a === b ? undefined : made(a, b)
  if (!dayFirst || !monthFirst) return dayFirst ?? monthFirst
  return monthFirst.date === expected && dayFirst.date !== expected ? monthFirst : dayFirst
}

/**
 * The data time among `lines` (text lines outside tables, in document order):
 * the first date on a labelled line; else the first date with a time; else the
 * first. `expected`: the store file's date (`findDates`).
 */
export function findDataTime(lines: readonly { text: string; line: number }[], expected?: string): (FoundDate & { line: number }) | undefined {
  // Lines without a digit (of any script: `halfWidth` reads them) cannot hold a date: skip the costly patterns.
  let timed: (FoundDate & { line: number }) | undefined
  let first: (FoundDate & { line: number }) | undefined
  for (const { text, line } of lines) {
    if (!/\p{Nd}/u.test(text)) continue
    const dates = findDates(text, expected)
    const head = dates[0]
    if (!head) continue
    const withLine = { ...head, line }
    first ??= withLine
    if (!timed && head.updatedAt.length > 10) timed = withLine
    if (labels.test(text.slice(0, head.index))) return withLine
  }
  return timed ?? first
}
