/**
 * Guessing the language of a page from its prose (tables excluded), for files
 * outside the store. Scripts first (kana → ja, Hangul → ko, Cyrillic → ru,
 * Greek → el, Han → zh or zh-Hant), then common words for Latin scripts.
 */

// Characters that differ between simplified and traditional Chinese, in words upstream uses.
const simplified = '数据时间间更新经为这个们榜单类开关发说对无择录视图阶级实现体验证书页务导览热门语义进专业链'
const traditional = '數據時間間更新經為這個們榜單類開關發說對無擇錄視圖階級實現體驗證書頁務導覽熱門語義進專業鏈'

const simplifiedOnly = new Set([...simplified].filter((c) => !traditional.includes(c)))
const traditionalOnly = new Set([...traditional].filter((c) => !simplified.includes(c)))

const latinWords: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'is', 'this', 'data', 'model', 'models', 'update', 'time', 'for', 'with', 'by', 'are', 'from'],
  fr: ['le', 'la', 'les', 'des', 'est', 'et', 'du', 'une', 'données', 'mise', 'jour', 'pour', 'avec', 'par', 'sur', 'classement'],
  es: ['el', 'los', 'las', 'del', 'es', 'y', 'una', 'datos', 'actualización', 'para', 'con', 'por', 'clasificación', 'hora', 'se'],
  pt: ['o', 'os', 'as', 'do', 'da', 'dos', 'das', 'é', 'e', 'uma', 'dados', 'atualização', 'para', 'com', 'não', 'classificação'],
  de: ['der', 'die', 'das', 'und', 'ist', 'ein', 'eine', 'daten', 'aktualisierung', 'für', 'mit', 'von', 'nicht'],
  it: ['il', 'lo', 'gli', 'della', 'dei', 'è', 'e', 'una', 'dati', 'aggiornamento', 'per', 'con', 'classifica']
}

export function detectLanguage(prose: string): string | undefined {
  let kana = 0
  let han = 0
  let hangul = 0
  let cyrillic = 0
  let greek = 0
  let latin = 0
  let simp = 0
  let trad = 0
  for (const ch of prose) {
    const c = ch.codePointAt(0)!
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff)) kana++
    else if (c >= 0x4e00 && c <= 0x9fff) {
      han++
      if (simplifiedOnly.has(ch)) simp++
      else if (traditionalOnly.has(ch)) trad++
    } else if (c >= 0xac00 && c <= 0xd7af) hangul++
    else if (c >= 0x0400 && c <= 0x04ff) cyrillic++
    else if (c >= 0x0370 && c <= 0x03ff) greek++
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++
  }
  // Weigh CJK characters as words: one character carries about as much as four Latin letters.
  const scores: [string, number][] = [
    ['ja', kana * 4 + (kana > 20 ? han * 2 : 0)],
    ['ko', hangul * 4],
    ['ru', cyrillic],
    ['el', greek],
    ['zh', kana > 20 ? 0 : han * 4],
    ['latin', latin]
  ]
  scores.sort((a, b) => b[1] - a[1])
  const [best, score] = scores[0]!
  if (score === 0) return undefined
  if (best === 'zh') return trad > simp ? 'zh-Hant' : 'zh'
  if (best !== 'latin') return best
  return latinLanguage(prose)
}

function latinLanguage(prose: string): string {
  const words = prose.toLowerCase().match(/\p{L}+/gu) ?? []
  const counts: Record<string, number> = {}
  for (const [lang, list] of Object.entries(latinWords)) {
    const set = new Set(list)
    counts[lang] = words.filter((w) => set.has(w)).length
  }
  const ranked = Object.entries(counts).sort((a, b) => b[1] - a[1])
  return ranked[0] && ranked[0][1] > 0 ? ranked[0][0] : 'en'
}
