import { compareText } from './compare.js'

/**
 * Upstream writes its pages in Chinese and machine-translates them into the
 * other languages: the original language comes first (zh, then the other
 * Chinese scripts, then en, then the rest by tag), and a third party's archive
 * of the same day (a private-use tag, `en-x-exports`) after every page of
 * upstream's own.
 */
export function languageOrder(a: string, b: string): number {
  const rank = (l: string) => (l.includes('-x-') ? 4 : l === 'zh' ? 0 : l.startsWith('zh-') ? 1 : l === 'en' ? 2 : 3)
  return rank(a) - rank(b) || compareText(a, b)
}
