import { escapeXml } from '../escape.js'

/** A chart's text alternative: plain strings (escape them when writing HTML). */
export interface ChartTable {
  columns: string[]
  /** Per column: right-align it (numbers). */
  numeric: boolean[]
  rows: string[][]
}

/**
 * What every chart builder returns: `svg` is markup, safe to insert as is;
 * `caption` and `table` are plain text with the same data, for a
 * `<figcaption>` and an accessible table or list.
 */
export interface ChartResult {
  svg: string
  caption: string
  table: ChartTable
}

export interface ChartFrame {
  /** Unique within the page (prefix of the title and description ids). */
  id: string
  /** Extra class on `<svg>` besides `chart`. */
  kind: string
  width: number
  height: number
  /** Font size of the labels, in user units (axis labels are 10). */
  fontSize: number
  title: string
  desc: string
}

/** Coordinates with two decimals at most: small files, identical bytes on every machine. */
export function fixed(n: number): string {
  return String(Math.round(n * 100) / 100)
}

// Bidi embeddings, overrides and isolates, marks, and control characters: in a
// label they could reorder the text around them or hide what the name says.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** A name as a chart shows it: unsafe characters removed, at most `max` characters (with `…`). */
export function labelText(name: string, max = Infinity): string {
  const chars = [...name.replace(UNSAFE, '').trim()]
  return chars.length > max ? chars.slice(0, Math.max(1, max - 1)).join('') + '…' : chars.join('')
}

/** `chars` cut to `max` characters: its first `head`, `…`, then its end. */
function cutAt(chars: readonly string[], max: number, head: number): string {
  if (chars.length <= max) return chars.join('')
  return chars.slice(0, head).join('').trimEnd() + '…' + chars.slice(chars.length - Math.max(0, max - 1 - head)).join('').trimStart()
}

/**
 * A name cut in its middle to at most `max` characters, its start and its end
 * kept: `Claude Op…(High)` and `Claude Op…(Max)` stay two models where
 * `Claude Opus 5 (…` would be one name twice.
 */
export function middleText(name: string, max: number): string {
  return cutAt([...labelText(name)], max, Math.ceil((max - 1) * 0.55))
}

/**
 * Names cut to at most `max` characters (`middleText`), each label telling its
 * model apart from the others: where two names would be cut alike
 * (`claude-op…-thinking` for 4-7 and 4-8), those are cut elsewhere, the
 * longest start that tells them apart first, or else left whole. A name too
 * long whose first word other labels share, followed by a word (not a
 * number), is shown without it first (`Opus 5 (High)` beside
 * `Fable 5 (High)`, not `Cl…s 5 (High)` and `Cl…e 5 (High)`), where every
 * label still tells its model apart.
 */
export function distinctTexts(names: readonly string[], max: number): string[] {
  const whole = withoutSharedWord(names.map((n) => labelText(n)), max)
  const out = whole.map((n) => middleText(n, max))
  const clashing = out.map((_, i) => i).filter((i) => out.some((o, j) => j !== i && o === out[i] && whole[j] !== whole[i]))
  if (clashing.length === 0) return out
  const distinct = new Set(clashing.map((i) => whole[i])).size
  for (let head = max - 1; head >= 0; head--) {
    const tried = clashing.map((i) => cutAt([...whole[i]!], max, head))
    if (new Set(tried).size === distinct) {
      clashing.forEach((i, k) => (out[i] = tried[k]!))
      return out
    }
  }
  for (const i of clashing) out[i] = whole[i]!
  return out
}

/**
 * Names longer than `max` without their first word, where another label starts
 * with it too and a word (not a number) follows it: `Claude Opus 5 (High)` →
 * `Opus 5 (High)`. All names stay whole when two models would then read alike.
 */
function withoutSharedWord(names: readonly string[], max: number): string[] {
  const firstWord = (name: string) => /^(\S+)\s/u.exec(name)?.[1]
  const starts = new Map<string, number>()
  for (const name of new Set(names)) {
    const word = firstWord(name)
    if (word !== undefined) starts.set(word, (starts.get(word) ?? 0) + 1)
  }
  const out = names.map((name) => {
    // Only a word before a word: `GPT 5.6 Sol` keeps its `GPT`.
    const word = /^(\S+)\s+\p{L}/u.exec(name)?.[1]
    return [...name].length > max && word !== undefined && starts.get(word)! >= 2 ? name.slice(word.length).trimStart() : name
  })
  // Two models shown alike would be one label twice: then no name loses its word.
  const whose = new Map<string, string>()
  for (const [i, text] of out.entries()) {
    if ((whose.get(text) ?? names[i]) !== names[i]) return [...names]
    whose.set(text, names[i]!)
  }
  return out
}

/**
 * Width of a label in user units, a generous estimate (no font metrics at
 * build time); `bold` for the weight-600 end labels, wider (DejaVu Sans Bold,
 * the widest common sans, is about 0.7 em a character).
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return [...text].length * fontSize * (bold ? 0.72 : 0.6)
}

/** `<text>` with escaped content; `cls` and `extra` attributes are trusted. */
export function text(cls: string, x: number, y: number, content: string, extra = ''): string {
  return `<text class="${cls}" x="${fixed(x)}" y="${fixed(y)}"${extra}>${escapeXml(content)}</text>`
}

export function title(content: string): string {
  return `<title>${escapeXml(labelText(content))}</title>`
}

/** Opening of a responsive chart: `viewBox`, full width, labelled by its title and description. */
export function open(frame: ChartFrame): string {
  const t = `${frame.id}-title`
  const d = `${frame.id}-desc`
  return (
    `<svg class="chart ${frame.kind}" viewBox="0 0 ${fixed(frame.width)} ${fixed(frame.height)}" width="100%" font-size="${fixed(frame.fontSize)}" role="img" aria-labelledby="${escapeXml(t)} ${escapeXml(d)}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${escapeXml(t)}">${escapeXml(labelText(frame.title))}</title><desc id="${escapeXml(d)}">${escapeXml(labelText(frame.desc))}</desc>`
  )
}
