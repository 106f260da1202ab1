import type { Document } from './document.js'

/**
 * Which adapter reads a page whose source nobody told us: SEAL pages name
 * Scale and carry `Model` / `Score95% Confidence` blocks; everything else with
 * a table (or a claim to be the arena leaderboard) goes to LMArena.
 */
export function detectFormat(doc: Document): 'seal' | 'lmarena' {
  const head = doc.content.slice(0, 20_000)
  if (/(^|\n)\s*Model\s*\n\s*Score\s*95%?\s*Confidence/i.test(head) && /scale|seal/i.test(head)) return 'seal'
  return 'lmarena'
}
