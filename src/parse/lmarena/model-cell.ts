import type { PhrasingContent, TableCell } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { compareText } from '../../core/compare.js'
import { withoutEndEmoji } from '../cells.js'

/**
 * The model cell of an LMArena table, in every form upstream has used:
 * `name`, `[name](url)`, `name [<sup>1</sup>](url)`,
 * `name<br><sub>Org · License</sub>`, and org and license glued after the name
 * by the scraper (`claude-opus-4-6Anthropic · Proprietary`).
 */
export interface ModelCell {
  name: string
  /** The scraper glued organization and license to the name (`…Anthropic · Proprietary`). */
  glued?: boolean
  url?: string
  organization?: string
  license?: string
}

/**
 * Organizations upstream glues after model names. The longest match wins;
 * other names are found by their capital letter (see `splitGluedOrganization`).
 */
const knownOrganizations = [
  'xAI', 'OpenAI', 'Google', 'Anthropic', 'DeepSeek', 'DeepSeek AI', 'Meta', 'Mistral', 'Z.ai', 'Zhipu', 'Zhipu AI', 'Amazon',
  'Tencent', 'Nvidia', 'NVIDIA', 'Microsoft', 'Microsoft AI', 'Ai2', 'AI2', 'Allen AI', 'AllenAI', 'Cohere', 'Moonshot', 'Moonshot AI', 'IBM',
  'MiniMax', 'Xiaomi', 'StepFun', 'Baidu', 'Reka AI', 'LMSYS', 'HuggingFace', 'Tsinghua', '01 AI', 'SpaceXAI', 'Ant Group',
  'UW', 'UC Berkeley', 'OpenChat', 'NousResearch', 'NexusFlow', 'Nexusflow', 'MosaicML', 'Databricks', 'AI21 Labs',
  'Inception AI', 'Meituan', 'Arcee AI', 'Bytedance', 'ByteDance', 'Upstage AI', 'Together AI', 'TII', 'Stanford',
  'Stability AI', 'Snowflake', 'Princeton', 'Prime Intellect', 'OpenAssistant', 'Nomic AI', 'InternLM',
  'Cognitive Computations', 'RWKV', 'Thinking Machines', 'Alibaba', 'Perplexity', 'iFlytek', 'Kuaishou', 'Kimi', 'Qwen'
].sort((a, b) => b.length - a.length)

/** Between a name and its organization and license when the cells show no other sign (`gluedSeparator`). */
const SEPARATOR = /\s+[·•‧∙]\s+/u

/**
 * Signs no model name is made of: not a letter, digit, mark or space, no
 * ASCII sign (`-`, `.`, `/`, `(`), no bracket or quote of any script. Nor an
 * emoji: a badge (`Proprietary ⭐️`), never what parts a name from its license.
 */
const signOfNoName = /[^\p{L}\p{N}\p{M}\s\p{Ps}\p{Pe}\p{Pi}\p{Pf}\u0000-\u007f\p{Extended_Pictographic}]/gu

/**
 * What a model column writes between a name and its organization and
 * license, read from its cells: `·` in `claude-opus-4-6Anthropic · Proprietary`,
 * and whatever sign a translation put there instead (`…Anthropic・Proprietary`,
 * `…Anthropic | Proprietary`, `…Anthropic — Proprietary`), with spaces
 * around it or none. Each sign of no name that stands between two texts in
 * two cells or more, where the texts after it repeat a few words (licenses:
 * `Proprietary`, `MIT`) or the texts before it end with an organization glued
 * to the name (`Qwen3.7 MaxAlibaba`) in half of them; the signs in one string,
 * the one of most cells first.
 */
export function gluedSeparator(texts: readonly string[]): string | undefined {
  /** Per sign: the cells it cuts in two, the texts after it, and the cuts after a glued organization. */
  const cuts = new Map<string, { n: number; tails: Set<string>; organizations: number }>()
  for (const text of texts) {
    const signs = new Set(text.match(signOfNoName) ?? [])
    // A model cell shows one sign or two (`·`, and a `±` a translation left); a cell of many is none.
    if (signs.size > 3) continue
    for (const sign of signs) {
      // A dash between two words is a name's hyphen (`claude‑opus‑4‑6`); only one with spaces around it parts.
      const [first, last] = isDash(sign) ? spacedDash(text, sign) : [text.indexOf(sign), text.lastIndexOf(sign)]
      if (first < 0) continue
      const head = text.slice(0, first).trim()
      const tail = text.slice(last + sign.length).trim()
      if (!head || !tail) continue
      const cut = cuts.get(sign) ?? { n: 0, tails: new Set<string>(), organizations: 0 }
      cut.n++
      cut.tails.add(tail)
      if (splitGluedOrganization(head).organization) cut.organizations++
      cuts.set(sign, cut)
    }
  }
  const signs = [...cuts]
    .filter(([, { n, tails, organizations }]) => n >= 2 && (tails.size <= Math.max(2, n / 2) || organizations >= n / 2))
    .sort((a, b) => b[1].n - a[1].n || compareText(a[0], b[0]))
    .map(([sign]) => sign)
  return signs.length > 0 ? signs.join('') : undefined
}

/**
 * Dashes and the minus sign: what a translation or a word processor may write
 * for the hyphens of a name (`claude‑opus‑4‑6`, a non-breaking hyphen; `–`;
 * `−`). Such a sign parts a name from its organization only with spaces
 * around it (`…Anthropic — Proprietary`).
 */
const dash = /^[\p{Pd}\u2212]$/u

function isDash(sign: string): boolean {
  return dash.test(sign)
}

/** Where `sign` first and last stands with spaces on both sides in `text` (-1, -1 when nowhere). */
function spacedDash(text: string, sign: string): [number, number] {
  let first = -1
  let last = -1
  for (let i = text.indexOf(sign); i >= 0; i = text.indexOf(sign, i + 1)) {
    if (i > 0 && /\s/.test(text[i - 1]!) && /\s/.test(text[i + sign.length] ?? '')) {
      if (first < 0) first = i
      last = i
    }
  }
  return [first, last]
}

const separators = new Map<string, RegExp>()

/** The pattern that cuts a model cell at one of `signs` (`gluedSeparator`): spaces around it or none; around a dash, spaces. */
function separatorOf(signs: string | undefined): RegExp {
  if (signs === undefined) return SEPARATOR
  let re = separators.get(signs)
  if (!re) {
    const escape = (list: string[]) => list.join('').replace(/[\\^\]-]/g, '\\$&')
    const dashes = [...signs].filter(isDash)
    const others = [...signs].filter((c) => !isDash(c))
    const parts = [...(others.length ? [`\\s*[${escape(others)}]\\s*`] : []), ...(dashes.length ? [`\\s+[${escape(dashes)}]\\s+`] : [])]
    separators.set(signs, (re = new RegExp(parts.join('|'), 'u')))
  }
  return re
}

/**
 * Licenses upstream glues after a model name when it has no organization
 * (`alpaca-13bNon-commercial`). Tables add the ones their other rows show.
 */
export const knownLicenses = [
  'Proprietary', 'Apache 2.0', 'Apache-2.0', 'MIT', 'Modified MIT', 'Non-commercial', 'CC-BY-NC-4.0', 'CC-BY-NC-SA-4.0',
  'CC-BY-4.0', 'Llama 2 Community', 'Llama 3 Community', 'Llama 3.1 Community', 'Llama 3.1', 'Llama 3.2', 'Llama-3.3', 'Llama 4',
  'Qianwen LICENSE', 'Qwen', 'Gemma license', 'Gemma', 'DeepSeek License', 'DeepSeek', 'NVIDIA Open Model', 'Nvidia Open Model',
  'Jamba Open', 'MRL', 'Mistral Research', 'Yi License', 'Falcon-180B TII License', 'DBRX LICENSE', 'AI2 ImpACT Low-risk',
  'MiniMax Community License', 'OpenMDW-1.1', 'tencent-hunyuan-community', 'Other'
]

/**
 * `alpaca-13bNon-commercial` → `alpaca-13b` + `Non-commercial`, for one of
 * `licenses` glued right after a letter, digit or bracket.
 */
export function splitGluedLicense(name: string, licenses: Iterable<string>): { name: string; license?: string } {
  const sorted = [...new Set(licenses)].sort((a, b) => b.length - a.length)
  for (const license of sorted) {
    if (name.length > license.length && name.endsWith(license)) {
      const rest = name.slice(0, -license.length)
      if (/[\p{Ll}\p{N})\]]$/u.test(rest)) return { name: rest, license }
    }
  }
  return { name }
}

/** Text a translator left around a link whose URL markdown could not read: `[name](url with space)`. */
const rawLink = /^\[([^\]]+)\]\(([^)\s]+(?: [^)\s"']+)*)\)$/

/** Superscript digits: a footnote mark as a translation writes `<sup>1</sup>` in plain text (`¹`). */
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹'

const footnoteText = new RegExp(`^\\s*\\[?\\s*[\\d${SUPERSCRIPT_DIGITS}]{0,3}\\s*\\]?\\s*$`, 'u')

/** A link whose text is a footnote marker (`<sup>1</sup>`, `1`, `[1]`, `¹`) only carries a URL. */
function isFootnote(text: string): boolean {
  return footnoteText.test(text)
}

/** A footnote mark left after a name without its link: `[1]`, `¹`, `[¹]` (no model name ends in a superscript digit). */
const trailingFootnote = new RegExp(`\\s*(?:\\[\\s*[\\d${SUPERSCRIPT_DIGITS}]{1,3}\\s*\\]|[${SUPERSCRIPT_DIGITS}]{1,3})\\s*$`, 'u')

/**
 * Marks of bold or strikethrough left at one end of a name, their other half
 * lost (`**Gemini-2.5-Pro`, `gpt-5__`: a translation that dropped one):
 * markdown reads them as text. Marks at both ends are the name's own, written
 * as text on purpose (`\_\_proto\_\_`), and stay.
 */
function withoutStrayEmphasis(name: string): string {
  const opening = /^(?:\*\*|__|~~)+/u.exec(name)?.[0]
  const closing = /(?:\*\*|__|~~)+$/u.exec(name)?.[0]
  if (opening && closing && opening.length < name.length) return name
  return name.slice(opening?.length ?? 0, name.length - (closing?.length ?? 0)).trim()
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '')
}

export function httpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  const trimmed = url.trim()
  return /^https?:\/\/[^\s]+$/i.test(trimmed) ? trimmed : undefined
}

/** A model cell; `separator`: the signs its column writes before organization and license (`gluedSeparator`). */
export function readModelCell(cell: TableCell, separator?: string): ModelCell {
  const cut = separatorOf(separator)
  let main = ''
  let sub = ''
  let inSub = false
  let url: string | undefined
  const visit = (nodes: readonly PhrasingContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'html') {
        const tag = node.value.trim().toLowerCase()
        if (/^<br\s*\/?>$/.test(tag) || tag.startsWith('<sub')) inSub = true
        else if (!tag.startsWith('<')) (inSub ? (sub += stripTags(node.value)) : (main += stripTags(node.value)))
        continue
      }
      if (node.type === 'link') {
        const text = stripTags(toString(node, { includeHtml: true }))
        url ??= httpUrl(node.url)
        if (!isFootnote(stripTags(nodeHtml(node.children)))) {
          if (inSub) sub += text
          else main += text
        }
        continue
      }
      if (node.type === 'linkReference' || node.type === 'imageReference' || node.type === 'image') continue
      if ('children' in node) {
        visit(node.children as PhrasingContent[])
        continue
      }
      const value = 'value' in node ? String(node.value) : ''
      if (inSub) sub += value
      else main += value
    }
  }
  visit(cell.children)
  // `[name](url)` turned into text by the scraper: `name [<sup>1</sup>](url)` already handled; strip bare `[1]` and `¹`.
  let name = withoutEndEmoji(withoutStrayEmphasis(main.replace(trailingFootnote, '').replace(/\s+/g, ' ').trim()))
  const raw = rawLink.exec(name)
  if (raw) {
    name = raw[1]!.trim()
    // The autolink markdown found inside it stops at the space: the whole destination wins.
    url = httpUrl(raw[2]!.replace(/ /g, '%20')) ?? url
  }
  const result: ModelCell = { name }
  if (url) result.url = url
  const tail = withoutEndEmoji(sub.replace(/\s+/g, ' ').trim())
  if (tail) return withOrgLicense(result, unbracketed(tail), cut)
  // `name (Org · License)`: the organization and license a translation put in brackets after the name.
  const bracketed = trailingBrackets.exec(name)
  if (bracketed && cut.test(bracketed[2]!)) return withOrgLicense({ ...result, name: bracketed[1]!.trim(), glued: true }, bracketed[2]!.trim(), cut)
  if (cut.test(name)) {
    const parts = name.split(cut)
    const license = parts.pop()!.trim()
    const glued = parts.join(' · ')
    const split = splitGluedOrganization(glued)
    name = split.name
    result.name = name
    result.glued = true
    if (split.organization) result.organization = split.organization
    if (license) result.license = license
  }
  return result
}

function nodeHtml(nodes: readonly PhrasingContent[]): string {
  return nodes.map((n) => ('value' in n ? String(n.value) : 'children' in n ? nodeHtml(n.children as PhrasingContent[]) : '')).join('')
}

/** Text in brackets at the end of a cell (any script's round or square brackets), and what stands before it. */
const trailingBrackets = /^(.*?)\s*[(（[]([^()（）[\]]+)[)）\]]$/u

/** `(Org · License)` → `Org · License`. */
function unbracketed(text: string): string {
  const m = trailingBrackets.exec(text)
  return m && m[1] === '' ? m[2]!.trim() : text
}

/** The cell with the organization and license `text` names (`Org · License`, cut at `cut`; an organization alone without one). */
function withOrgLicense(cell: ModelCell, text: string, cut: RegExp): ModelCell {
  const parts = text.split(cut)
  const [org, license] = parts.length >= 2 ? [parts[0]!.trim(), parts.slice(1).join(' · ').trim()] : [text, '']
  return { ...cell, ...(org ? { organization: org } : {}), ...(license ? { license } : {}) }
}

/**
 * The longest name with its organization glued after it that is searched
 * for the organization: upstream's longest is 55 characters
 * (`Anthropicclaude-sonnet-4-5-20250929-thinking-32kAnthropic`).
 */
export const MAX_GLUED_NAME = 200

/**
 * `gemini-3-proGoogle` → `gemini-3-pro` + `Google`. A known organization at the
 * end wins; otherwise the last capital that follows a lower-case letter, digit
 * or bracket starts the organization.
 */
export function splitGluedOrganization(text: string): { name: string; organization?: string } {
  const trimmed = text.trim()
  // The search backtracks through the whole text at every capital: a text longer than any name is not searched.
  if (trimmed.length > MAX_GLUED_NAME) return { name: trimmed }
  for (const org of knownOrganizations) {
    if (trimmed.endsWith(org) && trimmed.length > org.length) {
      const name = trimmed.slice(0, -org.length).trim()
      if (/[\p{L}\p{N})\]]$/u.test(name)) return { name, organization: org }
    }
  }
  const m = /^(.*[\p{Ll}\p{N})\]])(\p{Lu}[\p{L}\p{N}.]*(?: [\p{Lu}\p{N}][\p{L}\p{N}.]*)*)$/u.exec(trimmed)
  if (m) return { name: m[1]!.trim(), organization: m[2]! }
  return { name: trimmed }
}
