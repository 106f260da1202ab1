import { clean, isNoData, readCount, readCutoff, readInterval, readPrice, readRank, readScore, readSpread, readTokens } from '../cells.js'

/**
 * What a column of an LMArena table holds. Recognised by its header in any
 * language translators produce, and checked against — or, when the header is
 * unknown or missing, inferred from — the shape of its cells.
 */
export type Role =
  | 'rank'
  | 'rankStyleControl'
  | 'rankSpread'
  | 'model'
  | 'score'
  | 'ci'
  | 'votes'
  | 'organization'
  | 'license'
  | 'knowledgeCutoff'
  | 'price'
  | 'context'
  | 'url'
  | 'metric'

/** Header keywords, tried in this order (the first match wins). */
const headerRules: [Role, RegExp][] = [
  ['rankStyleControl', /stylectrl|stylecontrol|style|スタイル|风格|風格|стил|στυλ/],
  ['ci', /置信|信頼|信賴|confian|confidence|confiança|confidenz|доверит|εμπιστοσ|^ci$|^ic$|95%|int\.?conf|intervalle|intervalo(?!derango|deposici)/],
  ['rankSpread', /spread|区间|區間|écart|ecart|étendue|etendue|範囲|幅|スプレッド|superior-inferior|supérieur-inférieur|upper-lower|上限|上位-下位|диапазон|разброс|εύρος|amplitude|faixa|diferencia/],
  ['rank', /\((?:ub|hd|ls|lím\.?sup\.?)\)|排名|排行|名次|rank|rang|classement|clasificaci|posici|rango|順位|ランク|ランキング|место|позиц|ранг|κατάταξ|θέση|classifica|posição|posicao|#/],
  ['model', /模型|model|modèle|modele|modelo|モデル|модел|μοντέλ|modello/],
  ['score', /分数|分數|得分|score|puntuaci|puntaje|puntos|スコア|оценк|балл|рейтинг|βαθμολογ|pontua|punteggio|^elo|净改进|淨改進|netimprovement/],
  ['votes', /票|vote|voto|голос|ψήφ|会话|會話|session|sesion|sessão|сесси|συνεδρ/],
  ['organization', /组织|組織|服务商|服務商|供应商|供應商|organi|provider|vendor|fournisseur|proveedor|provedor|empresa|company|entreprise|プロバイダ|提供元|提供者|開発元|организац|поставщ|провайдер|компан|разработ|οργανισμ|πάροχ|εταιρ|fornecedor|公司|会社|企業|azienda|fornitore/],
  ['license', /许可|許可|协议|協議|licen|ライセンス|лиценз|άδει|授权|授權|licenza/],
  ['knowledgeCutoff', /截止|cutoff|datelimite|fechalímite|connaissance|conocimiento|カットオフ|知識|知识|знани|γνώσ|conhecimento|conoscenz/],
  ['price', /价格|價格|price|prix|precio|価格|料金|цена|стоимост|τιμή|τιμη|preço|preco|prezzo|\$/],
  ['context', /上下文|context|contexte|contexto|コンテキスト|контекст|πλαίσιο|contesto/],
  ['url', /链接|連結|鏈接|链結|^link|^lien|enlace|リンク|ссылк|σύνδεσμ|collegamento/]
]

export function roleOfHeader(header: string): Role | undefined {
  const key = clean(header).normalize('NFKC').toLowerCase().replace(/\s+/g, '')
  if (!key) return undefined
  for (const [role, re] of headerRules) if (re.test(key)) return role
  return undefined
}

/** Metric columns of the agent board, by header; keys are stable across languages. */
const metricNames: [string, RegExp][] = [
  ['net-improvement', /净改进|淨改進|net\s*improvement/i],
  ['confirmed-success', /确认成功|確認成功|confirmed\s*success/i],
  ['thumbs-ratio', /赞踩|讚踩|thumbs|up\/?down/i],
  ['steerability', /可控|steerab|controllab/i],
  ['bash-recovery', /bash/i],
  ['tool-hallucination', /幻觉|幻覺|hallucinat/i]
]

export function metricKey(header: string, index: number): string {
  for (const [key, re] of metricNames) if (re.test(header)) return key
  const slug = clean(header)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return slug || `column-${index + 1}`
}

/** How well the cells of a column fit each role: share of non-empty cells that read cleanly. */
export interface Shape {
  filled: number
  rank: number
  digits: number
  sortedRank: number
  spread: number
  score: number
  scoreWithInterval: number
  interval: number
  count: number
  largeCount: number
  price: number
  tokens: number
  cutoff: number
  link: number
  license: number
  text: number
  unique: number
  percent: number
}

const licenseWords =
  /propri|apache|mit\b|llama|gemma|cc-by|bsd|gpl|qwen|qianwen|deepseek|nvidia|falcon|licen|non-commercial|open|mrl|research|独自|专有|專有|プロプライエタリ|проприет|ιδιόκτ|propiet|propriét|商用|custom|other|dbrx|jamba|yi\b|tongyi|ai2|impact|mistral|kimi|glm/i

export function shapeOf(cells: readonly string[], links: readonly boolean[]): Shape {
  const values = cells.map((c) => clean(c)).filter((c) => c !== '' && !isNoData(c))
  const n = values.length || 1
  const share = (test: (v: string, i: number) => boolean): number => values.filter(test).length / n
  const ranks = values.map((v) => {
    const r = readRank(v)
    return 'value' in r ? r.value : undefined
  })
  let sorted = 0
  for (let i = 1; i < ranks.length; i++) if (ranks[i] !== undefined && ranks[i - 1] !== undefined && ranks[i]! >= ranks[i - 1]!) sorted++
  return {
    filled: values.length / Math.max(cells.length, 1),
    rank: share((v) => /^\d{1,4}$/.test(v)),
    digits: share((v) => /^\d+$/.test(v)),
    sortedRank: ranks.length > 1 ? sorted / (ranks.length - 1) : 1,
    spread: share((v) => 'value' in readSpread(v, undefined) && !/^\d+$/.test(v)),
    score: share((v) => 'value' in readScore(v)),
    scoreWithInterval: share((v) => {
      const s = readScore(v)
      return 'value' in s && s.value.interval !== undefined
    }),
    interval: share((v) => 'value' in readInterval(v)),
    count: share((v) => 'value' in readCount(v)),
    largeCount: share((v) => /[,.\u00a0\u202f ]\d{3}$|^\d{5,}$|\dK$/i.test(v) && 'value' in readCount(v)),
    price: share((v) => v.includes('$') && 'value' in readPrice(v)),
    tokens: share((v) => /^\d+(\.\d+)?\s*[KM]$/i.test(v) && 'value' in readTokens(v)),
    cutoff: share((v) => /^\d{4}[/\-.]\d{1,2}$/.test(v)),
    link: links.length ? links.filter(Boolean).length / Math.max(links.length, 1) : 0,
    license: share((v) => licenseWords.test(v)),
    text: share((v) => /\p{L}.*\p{L}/u.test(v) && !/^[\d\s.,±+\-/%]+$/.test(v)),
    unique: new Set(values).size / n,
    percent: share((v) => /%/.test(v))
  }
}

/** Does a column whose header says `role` have cells that fit it? */
export function fits(role: Role, s: Shape): boolean {
  if (s.filled === 0) return true
  switch (role) {
    case 'rank':
    case 'rankStyleControl':
      return s.rank >= 0.5
    case 'rankSpread':
      return s.spread >= 0.5 || s.digits >= 0.5
    case 'score':
      return s.score >= 0.5
    case 'ci':
      return s.interval >= 0.5
    case 'votes':
      return s.count >= 0.5
    case 'price':
      return s.price >= 0.3 || s.filled < 0.5
    case 'context':
      return s.tokens >= 0.3 || s.filled < 0.5
    case 'knowledgeCutoff':
      return s.cutoff >= 0.2 || s.text >= 0.5 || s.filled < 0.5
    case 'model':
    case 'organization':
    case 'license':
      return s.text >= 0.5
    case 'url':
      return true
    case 'metric':
      return s.score >= 0.5
  }
}

/**
 * A role for a column from its cells alone, given the roles already taken.
 * Order matters: the most distinctive shapes first.
 */
export function roleOfShape(s: Shape, taken: ReadonlySet<Role>): Role | undefined {
  if (s.filled === 0) return undefined
  const free = (r: Role): boolean => !taken.has(r)
  if (s.price >= 0.5 && free('price')) return 'price'
  if (s.tokens >= 0.5 && free('context')) return 'context'
  if (s.spread >= 0.6 && free('rankSpread')) return 'rankSpread'
  if (s.interval >= 0.6 && free('ci')) return 'ci'
  if (s.rank >= 0.8 && s.sortedRank >= 0.9 && free('rank')) return 'rank'
  if (s.rank >= 0.8 && !free('rank') && free('rankSpread') && free('rankStyleControl')) return 'rankStyleControl'
  if (s.cutoff >= 0.3 && free('knowledgeCutoff')) return 'knowledgeCutoff'
  if (s.scoreWithInterval >= 0.6 && free('score')) return 'score'
  if (s.largeCount >= 0.5 && s.count >= 0.8 && free('votes')) return 'votes'
  if (s.score >= 0.8 && s.percent >= 0.5) return free('score') ? 'score' : 'metric'
  if (s.score >= 0.8 && free('score') && s.largeCount < 0.5) return 'score'
  if (s.count >= 0.8 && free('votes')) return 'votes'
  if (s.text >= 0.6) {
    if ((s.link >= 0.3 || s.unique >= 0.9) && free('model')) return 'model'
    if (s.license >= 0.5 && free('license')) return 'license'
    if (free('organization')) return 'organization'
    if (free('license')) return 'license'
  }
  return undefined
}
