import { compareText } from '../core/compare.js'
import { capped } from '../registry/keys.js'
import type { RegistryModel } from '../registry/types.js'

export interface Organization {
  /** URL-safe, unique among organizations. */
  slug: string
  name: string
  /** Model ids, sorted. */
  models: string[]
}

/** `DeepSeek AI` → `deepseek-ai`; non-Latin names keep a readable, stable fallback. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  // A slug is a directory name (`organizations/<slug>/`): never longer than an id.
  return capped(slug || 'u' + [...text].map((c) => c.codePointAt(0)!.toString(16)).join('-'))
}

/** Organizations of the registry by name; models without one are left out. */
export function buildOrganizations(models: readonly RegistryModel[]): Organization[] {
  const byName = new Map<string, string[]>()
  for (const m of models) {
    if (!m.organization) continue
    const list = byName.get(m.organization) ?? []
    list.push(m.id)
    byName.set(m.organization, list)
  }
  const taken = new Set<string>()
  return [...byName.entries()]
    .sort(([a], [b]) => compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b))
    .map(([name, ids]) => {
      const base = slugify(name)
      let slug = base
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
      taken.add(slug)
      return { slug, name, models: ids.sort(compareText) }
    })
}
