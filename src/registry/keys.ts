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
  const plain = name.normalize('NFKD').replace(/\p{M}/gu, '')
  const folded = plain
    .toLowerCase()
    .replace(/\+/g, '-plus-')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
  // Letters of another script (`Qwen3-235B思考`, `Qwen3-235B指示`) tell models apart too: they
  // cannot go into the key, so a digest of the name does.
  const foreign = /[^\p{Script=Latin}\P{L}]/u.test(plain)
  if (folded && !foreign) return folded
  const digest = createHash('sha256').update(name.normalize('NFC').trim()).digest('hex').slice(0, 8)
  return folded ? `${folded}-${digest}` : `m-${digest}`
}

export const idPattern = /^[a-z0-9][a-z0-9.-]*$/

/** Folding for organization and license spellings: case, accents, spacing and punctuation. */
export function looseKey(text: string): string {
  return text
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
