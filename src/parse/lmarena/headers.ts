import { clean } from '../cells.js'

/**
 * What a column of an LMArena table holds, and what its header suggests.
 * Headers are recognised in the languages translators have produced; they
 * only choose between the roles a column's cells allow (`profile.ts`), so a
 * header no list knows, or one that says something its cells contradict,
 * never decides alone.
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
  ['ci', /置信|信頼|信賴|confian|confidence|confiança|confidenz|доверит|εμπιστοσ|^ci$|^ic$|95%|int\.?conf|intervalle|intervalo(?!derango|deposi)/],
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
