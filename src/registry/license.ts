import { compareText } from '../core/compare.js'
import type { LicenseEntry } from './data.js'
import { withoutHidden } from './keys.js'

/**
 * License spellings → one canonical license. Upstream's translations reword
 * license names (`Comunidad Llama 2`, `Modèle ouvert NVIDIA`, `独自ライセンス`)
 * and misspell them (`Propretary`). By rule: a spelling is reduced to a bag of
 * words — accents, case and punctuation folded, the word "license" in any
 * language dropped, each word translated to English, a long word within two
 * edits of a known word read as that word — and two spellings with the same
 * bag are one license. The data file names the canonical licenses and lists
 * aliases rules cannot derive.
 */
export interface CanonicalLicense {
  name: string
  spdx?: string
  openWeights?: boolean
}

/** Words that say "license" or glue phrases together; they carry no identity. */
const dropped = new Set(['license', 'licence', 'licencia', 'licenza', 'lizenz', 'licenca', 'de', 'del', 'la', 'le', 'du', 'of', 'the', 'usage', 'uso', 'fines', 'para', 'pour'])

/**
 * Translations of the words license names are made of. A `Map`: the words
 * looked up are data, and `constructor` or `__proto__` must be ordinary words.
 */
const translations = new Map<string, string>(Object.entries({
  comunidad: 'community',
  communaute: 'community',
  comunita: 'community',
  abierto: 'open',
  abierta: 'open',
  apertura: 'open',
  ouvert: 'open',
  ouverte: 'open',
  modelo: 'model',
  modele: 'model',
  recherche: 'research',
  investigacion: 'research',
  modificada: 'modified',
  modificado: 'modified',
  modifie: 'modified',
  modifiee: 'modified',
  修正: 'modified',
  変更版: 'modified',
  bajo: 'low',
  faible: 'low',
  riesgo: 'risk',
  risque: 'risk',
  ia2: 'ai2',
  no: 'non',
  sin: 'non',
  comercial: 'commercial',
  comerciales: 'commercial',
  commerciale: 'commercial',
  非商用: 'non commercial',
  非営利利用: 'non commercial',
  proprietaire: 'proprietary',
  propietaria: 'proprietary',
  propietario: 'proprietary',
  proprietario: 'proprietary',
  proprietaria: 'proprietary',
  проприетарная: 'proprietary',
  ιδιοκτητο: 'proprietary',
  独自: 'proprietary',
  專有: 'proprietary',
  专有: 'proprietary',
  プロプライエタリ: 'proprietary',
  プロプライエタリー: 'proprietary',
  autre: 'other',
  otra: 'other',
  otro: 'other',
  otros: 'other',
  その他: 'other'
}))

const known = [...new Set([...translations.keys(), ...[...translations.values()].flatMap((t) => t.split(' '))])].filter((w) => /^[\p{L}]{8,}$/u.test(w))

/** The bag of words a license spelling reduces to (sorted, space-joined). */
export function licenseKey(raw: string): string {
  const text = withoutHidden(raw)
    .normalize('NFC')
    .toLowerCase()
    .replace(/ライセンス/g, ' ')
    .replace(/(\p{Script=Latin})(\p{Script=Han}|\p{Script=Katakana})|(\p{Script=Han}|\p{Script=Katakana})(\p{Script=Latin})/gu, '$1$3 $2$4')
  const words: string[] = []
  for (const token of text.split(/[\s\-_/,()]+/)) {
    const word = token.replace(/^[.]+|[.]+$/g, '')
    // Accents are folded for Latin and Greek words only (NFKD would also take kana apart).
    const plain = word.normalize('NFKD').replace(/\p{M}/gu, '')
    if (!word || dropped.has(plain)) continue
    const near = nearest(plain)
    const translated = translations.get(word) ?? translations.get(plain) ?? (near === undefined ? undefined : (translations.get(near) ?? near)) ?? plain
    words.push(...translated.split(' '))
  }
  return [...new Set(words)].sort().join(' ')
}

/** A long word within two edits of a known word (a typo such as `propretary`). */
function nearest(word: string): string | undefined {
  if (word.length < 8) return undefined
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of known) {
    if (Math.abs(word.length - candidate.length) > 2) continue
    const d = distance(word, candidate)
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate
      bestDistance = d
    }
  }
  return bestDistance <= 2 ? best : undefined
}

/** Levenshtein distance. */
export function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]!
}

/**
 * Resolves license spellings: to the data file's license with the same words,
 * else to the spelling most rows use among those with the same words.
 */
export class LicenseTable {
  private readonly byKey = new Map<string, LicenseEntry>()
  private readonly seenByKey = new Map<string, string>()
  /** Keys of the spellings looked up (`licenseKey`, edit distances and all): a store repeats a few dozen. */
  private readonly keys = new Map<string, string>()

  constructor(entries: readonly LicenseEntry[], seen: ReadonlyMap<string, number> = new Map()) {
    for (const entry of entries) {
      for (const spelling of [entry.name, ...(entry.spdx ? [entry.spdx] : []), ...entry.aliases]) {
        const key = licenseKey(spelling)
        if (key && !this.byKey.has(key)) this.byKey.set(key, entry)
      }
    }
    const counts = new Map<string, Map<string, number>>()
    for (const [raw, n] of seen) {
      const key = this.keyOf(raw)
      const m = counts.get(key) ?? new Map<string, number>()
      const shown = withoutHidden(raw)
      m.set(shown, (m.get(shown) ?? 0) + n)
      counts.set(key, m)
    }
    for (const [key, m] of counts) this.seenByKey.set(key, [...m].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0]![0])
  }

  private keyOf(raw: string): string {
    let key = this.keys.get(raw)
    if (key === undefined) this.keys.set(raw, (key = licenseKey(raw)))
    return key
  }

  /** The canonical license of a spelling; `known` when the data file names it. */
  resolve(raw: string): CanonicalLicense & { known: boolean } {
    const key = this.keyOf(raw)
    const entry = this.byKey.get(key)
    if (!entry) return { name: this.seenByKey.get(key) ?? withoutHidden(raw), known: false }
    return {
      name: entry.name,
      ...(entry.spdx ? { spdx: entry.spdx } : {}),
      ...(entry.openWeights !== undefined ? { openWeights: entry.openWeights } : {}),
      known: true
    }
  }
}
