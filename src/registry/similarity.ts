import { nameKey } from './keys.js'

/**
 * How alike two model names are: the words they share over all their words
 * (Jaccard), a date read both as `20240620` and as `06/20` (`0620`), so
 * `gpt-4.5-preview` and `gpt-4.5-preview-2025-02-27` share 4 of 6 words.
 */
export function nameSimilarity(a: string, b: string): number {
  return jaccard(nameWords(a), nameWords(b))
}

/** Words of a name's key; dates also as month and day. */
export function nameWords(name: string): Set<string> {
  const set = new Set<string>()
  for (const word of nameKey(name).replace(/(\d)\.(\d)/g, '$1-$2').split(/[-.]+/)) {
    if (!word) continue
    const date = /^(20\d\d)(\d\d)(\d\d)$/.exec(word)
    if (date) {
      set.add(date[2]!)
      set.add(date[3]!)
      continue
    }
    const short = /^(\d\d)(\d\d)$/.exec(word)
    if (short && Number(short[1]) <= 12) {
      set.add(short[1]!)
      set.add(short[2]!)
      continue
    }
    set.add(word)
  }
  return set
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0
  for (const w of a) if (b.has(w)) shared++
  const all = a.size + b.size - shared
  return all === 0 ? 0 : shared / all
}
