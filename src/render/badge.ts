import { escapeXml } from './escape.js'
import { toJson } from './json.js'
import { labelText, textWidth } from './charts/svg.js'

/** A model's current rank on a board, as a badge shows it. */
export interface BadgeInput {
  boardTitle: string
  rank: number
  /** The model page (absolute when the site's URL is known). */
  href: string
  modelName: string
}

/** shields.io's named colours by rank: #1 bright green, top 10 green, top 30 blue, else grey. */
export function badgeColour(rank: number): { name: string; hex: string } {
  if (rank === 1) return { name: 'brightgreen', hex: '#2a7d2e' }
  if (rank <= 10) return { name: 'green', hex: '#3b7a1d' }
  if (rank <= 30) return { name: 'blue', hex: '#0b62b5' }
  return { name: 'lightgrey', hex: '#57606a' }
}

/**
 * `badges/<board>/<model>.json`: the endpoint format shields.io reads
 * (`https://img.shields.io/endpoint?url=…`).
 */
export function badgeJson(b: BadgeInput): string {
  return toJson({ schemaVersion: 1, label: labelText(b.boardTitle), message: `#${b.rank}`, color: badgeColour(b.rank).name })
}

/** `badges/<board>/<model>.svg`: a flat two-part badge linking the model page; white text on dark fills in any theme. */
export function badgeSvg(b: BadgeInput): string {
  const label = labelText(b.boardTitle, 40)
  const message = `#${b.rank}`
  const fs = 11
  const lw = Math.round(textWidth(label, fs) * 0.92) + 12
  const mw = Math.round(textWidth(message, fs) * 0.92) + 12
  const w = lw + mw
  const text = `${label}: ${message} (${labelText(b.modelName, 80)})`
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="20" role="img" aria-label="${escapeXml(text)}">` +
    `<title>${escapeXml(text)}</title>` +
    `<a xlink:href="${escapeXml(b.href)}" href="${escapeXml(b.href)}">` +
    `<rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${mw}" height="20" fill="${badgeColour(b.rank).hex}"/>` +
    `<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="${fs}" text-anchor="middle">` +
    `<text x="${lw / 2}" y="14">${escapeXml(label)}</text><text x="${lw + mw / 2}" y="14">${escapeXml(message)}</text></g></a></svg>\n`
  )
}
