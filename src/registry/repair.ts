import { compareText } from '../core/compare.js'
import type { Repair } from './types.js'
import { foreignToken, looksLikeModelId, nameKey, withoutHidden } from './keys.js'

/**
 * The repair rules use prefixes of 3 characters or more (`repairContext`): a
 * shorter one, or one of invisible characters, would be ignored without a word
 * (the registry data file refuses them, `data.ts`).
 */
export const MIN_PREFIX_LENGTH = 3

/**
 * Glitch repair of model names, by rule. Each rule says what it repairs; the
 * site shows every repair (raw → repaired) with its rule id.
 */
export const repairRules = {
  'hidden-characters': 'Invisible characters in a name (bidi overrides such as U+202E, zero-width spaces and joiners, control characters) would make it read as another name: they are removed from the name shown; the raw spelling stays an alias.',
  'corrupted-token': 'A translation glitch put a foreign token into a Latin name (`Claud极-Instant-1`): the name is the one known name it matches with the token removed or standing for at most two characters.',
  'glued-provider-prefix':
    "Upstream's scraper glued the provider's logo text before the model id (`Anthropicclaude-opus-4-1-20250805`): a known provider prefix is removed when the rest is a name seen bare elsewhere (or in the data file), is spelled like a bare model id, or starts with the provider's name again (`MetaMeta-Llama-3.1-70B-Instruct`).",
  'glued-suffix': 'A license or organization cell glued after the model name (`alpaca-13bNon-commercial`): removed when the rest is a name seen bare elsewhere.',
  'translated-variant':
    "A language variant of the same day shows a name the original does not have (a translated or garbled name) in the place of one of the original's models (same rank and score): the original language's name is used.",
  renamed:
    'Upstream renamed the model: between two consecutive snapshots of a board one name left and another appeared with the same numbers (votes the same or moved as the other models\' did, score within the interval, the same neighbours in the ranking) and alike names. The model keeps the id it was first published under; the evidence is shown.'
} as const
export type RepairRule = keyof typeof repairRules

/** What the rules know about every name: built once from all rows. */
export interface RepairContext {
  /** Keys of every clean raw name (no foreign token, no table pipe). */
  bareKeys: ReadonlySet<string>
  /** Clean raw names as shown (hidden characters removed), for matching a corrupted name. */
  cleanNames: readonly string[]
  /** Provider prefixes, longest first. */
  prefixes: readonly string[]
  /** License and organization spellings, longest first. */
  suffixes: readonly string[]
}

export function repairContext(names: Iterable<string>, prefixes: Iterable<string>, suffixes: Iterable<string>): RepairContext {
  // A rule repairs to one of these, and the result is shown: as the name reads, without
  // hidden characters (a `\u0000nul` of one file is what a `\uFFFDnul` of another stands for).
  const clean = new Set<string>()
  for (const name of names) {
    const shown = withoutHidden(name)
    if (shown && isClean(shown)) clean.add(shown)
  }
  const byLength = (list: Iterable<string>, min: number) =>
    [...new Set([...list].map((s) => s.trim()).filter((s) => [...s].length >= min))].sort((a, b) => b.length - a.length || compareText(a, b))
  return {
    bareKeys: new Set([...clean].map(nameKey)),
    cleanNames: [...clean].sort(compareText),
    prefixes: byLength(prefixes, MIN_PREFIX_LENGTH),
    suffixes: byLength(suffixes, MIN_PREFIX_LENGTH)
  }
}

/**
 * A name with no foreign token and no table pipe (`Gemma-3-12B|t`). Links
 * whose URL had a space (`[name](url with space)`) are resolved by the parser.
 */
function isClean(name: string): boolean {
  return !new RegExp(foreignToken.source, 'u').test(name) && !name.includes('|')
}

/** Repair one raw name. Rules run in order, each on the previous result; every change is recorded. */
export function repairName(raw: string, context: RepairContext): { name: string; repairs: Repair[] } {
  const repairs: Repair[] = []
  let name = raw.trim()
  const apply = (rule: RepairRule, to: string | undefined) => {
    if (to === undefined || to === name) return
    repairs.push({ from: name, to, rule })
    name = to
  }
  apply('hidden-characters', withoutHidden(name))
  apply('corrupted-token', corrupted(name, context))
  apply('glued-provider-prefix', gluedPrefix(name, context))
  apply('glued-suffix', gluedSuffix(name, context))
  return { name, repairs }
}

function corrupted(name: string, context: RepairContext): string | undefined {
  const tokens = new RegExp(foreignToken.source, 'gu')
  const runs = name.match(tokens)
  if (!runs || (name.match(/\p{Script=Latin}/gu)?.length ?? 0) < 2) return undefined
  // Only the junk upstream's translator inserts (one character, or a run starting with 极/極),
  // never a translated word (`Gemini-2.5-Flashプレビュー` is not `Gemini-2.5-Flash`).
  if (!runs.every((run) => [...run].length === 1 || /^[极極]/u.test(run))) return undefined
  // The token stands for at most two characters of a known name (`Claud极-Instant-1`).
  const pattern = new RegExp(
    '^' +
      name
        .split(tokens)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.{0,2}') +
      '$',
    'iu'
  )
  const matches = context.cleanNames.filter((n) => pattern.test(n))
  if (new Set(matches.map(nameKey)).size === 1) return matches[0]
  // Inserted junk (`Amazon Nova Lite 1.0 极`): removing it leaves a known name.
  const removed = name.replace(tokens, '').replace(/\s+/g, ' ').trim()
  if (/\(\s*\)|\[\s*\]/.test(removed)) return undefined
  const key = nameKey(removed)
  return context.bareKeys.has(key) ? context.cleanNames.find((n) => nameKey(n) === key) : undefined
}

function gluedPrefix(name: string, context: RepairContext): string | undefined {
  const lower = name.toLowerCase()
  for (const prefix of context.prefixes) {
    if (!lower.startsWith(prefix.toLowerCase()) || name.length <= prefix.length) continue
    const rest = name.slice(prefix.length)
    if (!/^[\p{L}\p{N}]/u.test(rest)) continue
    // Seen bare, spelled like an id, or the provider's name twice (`MetaMeta-Llama-…`, `RWKVRWKV-4-…`).
    if (context.bareKeys.has(nameKey(rest)) || looksLikeModelId(rest) || rest.toLowerCase().startsWith(prefix.toLowerCase())) return rest
  }
  return undefined
}

function gluedSuffix(name: string, context: RepairContext): string | undefined {
  for (const suffix of context.suffixes) {
    if (!name.endsWith(suffix) || name.length <= suffix.length) continue
    const rest = name.slice(0, -suffix.length)
    if (/[\p{L}\p{N}]$/u.test(rest) && /\d/.test(rest) && context.bareKeys.has(nameKey(rest))) return rest
  }
  return undefined
}
