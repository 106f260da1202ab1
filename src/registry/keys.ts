import { createHash } from 'node:crypto'

/**
 * Identity keys. Two spellings with the same key are the same model: case,
 * spaces, underscores, brackets and slashes do not tell models apart
 * (`Llama-2-70B-chat` = `Llama-2-70b-chat`, `Llama 3 70B Instruct` =
 * `Llama-3-70B-Instruct`), but dots and pluses do (`claude-3.5` is not
 * `claude-3-5`, `Command R+` is `command-r-plus`, not `Command R`).
 * The key is also the default model id, so it is URL-safe:
 * `[a-z0-9][a-z0-9.-]*`.
 */
export function nameKey(name: string): string {
  const shown = withoutHidden(name)
  const plain = shown.normalize('NFKD').replace(/\p{M}/gu, '')
  const folded = plain
    .toLowerCase()
    .replace(/\+/g, '-plus-')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
  // Letters of another script (`Qwen3-235B思考`, `Qwen3-235B指示`) tell models apart too: they
  // cannot go into the key, so a digest of the name does.
  const foreign = /[^\p{Script=Latin}\P{L}]/u.test(plain)
  if (folded && !foreign) return capped(folded)
  const digest = createHash('sha256').update(shown.normalize('NFC').trim()).digest('hex').slice(0, 8)
  return capped(folded ? `${folded}-${digest}` : `m-${digest}`)
}

/**
 * The longest id or slug: each is a directory name of the site (`models/<id>/`),
 * and a file system takes at most 255 bytes there. The longest name upstream
 * has published folds to about 50.
 */
export const maxIdLength = 100

/** A key cut to `maxIdLength`: its start, then a digest of the whole key (so two long keys stay apart). */
export function capped(key: string): string {
  if (key.length <= maxIdLength) return key
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 8)
  return `${key.slice(0, maxIdLength - digest.length - 1).replace(/[-.]+$/, '')}-${digest}`
}

export const idPattern = /^[a-z0-9][a-z0-9.-]*$/

/**
 * Ids a model cannot have: its page is `models/<id>/`, and these are paths the
 * site writes beside the model pages (`models/index.html` lists every model).
 * A test checks this list against the site's paths (`render/urls.ts`).
 */
export const reservedIds: ReadonlySet<string> = new Set(['index.html'])

/** The id a name folds to, moved off a reserved path (`index.html` → `model-index.html`). */
export function safeId(key: string): string {
  return reservedIds.has(key) ? `model-${key}` : key
}

/**
 * Characters that do not show but change what a text reads as: format
 * characters (bidi embeddings, overrides and isolates, zero-width spaces and
 * joiners, the BOM, soft hyphens) and control characters.
 */
const hidden = /[\p{Cf}\p{Cc}]/gu
const anyHidden = /[\p{Cf}\p{Cc}]/u

/** The hidden characters of a text, as `U+202E`, in order of first appearance. */
export function hiddenCharacters(text: string): string[] {
  if (!anyHidden.test(text)) return []
  const found = new Set<string>()
  for (const ch of text.match(hidden) ?? []) found.add(`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
  return [...found]
}

/** The text as it may be shown: hidden characters removed (line breaks and tabs become spaces). */
export function withoutHidden(text: string): string {
  return text
    .replace(/[\t\n\r\v\f]/g, ' ')
    .replace(hidden, '')
    .trim()
}
/** Folding for organization and license spellings: case, accents, spacing and punctuation. */
export function looseKey(text: string): string {
  return withoutHidden(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
}

/**
 * Name spelled like a bare model id: a lowercase word, then words joined by
 * `-._` (`claude-opus-4-1-20250805`, `zephyr-orpo-141b-A35b-v0.1`).
 */
export function looksLikeModelId(text: string): boolean {
  return /^[a-z][a-z0-9]*(?:[-._][A-Za-z0-9]+)*$/.test(text)
}

/** Han, kana or a replacement character: what a translation glitch leaves in a Latin name. */
export const foreignToken = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\uFFFD]+/gu
