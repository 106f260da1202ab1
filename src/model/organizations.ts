import { compareText } from '../core/compare.js'
import { capped } from '../registry/keys.js'
import { currentOrganizationName, type OrganizationRename } from '../registry/organization-renames.js'
import type { RegistryModel } from '../registry/types.js'

export interface Organization {
  /** URL-safe, unique among organizations. */
  slug: string
  name: string
  /** Model ids, sorted. */
  models: string[]
  /** Names upstream used for it before (`findOrganizationRenames`), oldest first: the last day each was used, the first of the next, and the models rows credited to it. */
  formerly: { name: string; until: string; since: string; credited: string[] }[]
  /** Addresses a former name gave it (no other organization's), each with a page saying where it is now. */
  moved: { slug: string; former: Organization['formerly'][number] }[]
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

/**
 * Organizations of the registry by name (each under the name it has now, as
 * the registry names it); models without one are left out. `renames` gives
 * each the names it had before.
 */
export function buildOrganizations(models: readonly RegistryModel[], renames: readonly OrganizationRename[] = []): Organization[] {
  const byName = new Map<string, string[]>()
  for (const m of models) {
    if (!m.organization) continue
    const list = byName.get(m.organization) ?? []
    list.push(m.id)
    byName.set(m.organization, list)
  }
  const current = currentOrganizationName(renames)
  const taken = new Set<string>()
  const organizations = [...byName.entries()]
    .sort(([a], [b]) => compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b))
    .map(([name, ids]) => {
      const base = slugify(name)
      let slug = base
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
      taken.add(slug)
      const formerly = renames.filter((r) => r.from !== name && current(r.from) === name).map((r) => ({ name: r.from, until: r.until, since: r.since, credited: r.credited }))
      return { slug, name, models: ids.sort(compareText), formerly, moved: [] as Organization['moved'] }
    })
  // The addresses former names gave (published before the rename) say where the organization is now.
  for (const org of organizations) {
    for (const f of org.formerly) {
      const slug = slugify(f.name)
      if (taken.has(slug)) continue
      taken.add(slug)
      org.moved.push({ slug, former: f })
    }
  }
  return organizations
}
