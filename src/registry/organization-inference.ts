import type { RegistryModel } from './types.js'

/**
 * Organizations for models no row names one (the category boards have no
 * organization column): learned from the data, a model's family is the first
 * word of its id without its version digits (`claude-opus-4-6-high` → `claude`,
 * `qwen3.8-max` → `qwen`, `o3-search` → `o`); a family whose models, where
 * any row says, all belong to one organization — at least two of them, and
 * no other organization — gives it to its models that have none, marked as
 * inferred. A data-file entry's organization is never overridden: it is
 * already set here.
 */
export const MIN_FAMILY_MODELS = 2

export function family(id: string): string | undefined {
  // A name in another script has only a digest for an id (`m-1a2b3c4d`): no family.
  if (/^m-[0-9a-f]{8}$/.test(id)) return undefined
  const word = id.split('-')[0]!.replace(/[\d.]+$/, '')
  return /^[a-z]/.test(word) ? word : undefined
}

/** The family → organization rules the registry supports (unanimous, with enough models). */
export function familyOrganizations(models: readonly RegistryModel[]): Map<string, string> {
  const seen = new Map<string, Map<string, number>>()
  for (const m of models) {
    const f = family(m.id)
    if (!f || !m.organization || m.organizationInferred) continue
    let orgs = seen.get(f)
    if (!orgs) seen.set(f, (orgs = new Map()))
    orgs.set(m.organization, (orgs.get(m.organization) ?? 0) + 1)
  }
  const out = new Map<string, string>()
  for (const [f, orgs] of seen) {
    const [only, ...others] = [...orgs]
    if (only && others.length === 0 && only[1] >= MIN_FAMILY_MODELS) out.set(f, only[0])
  }
  return out
}

/** The models, those without an organization given one by their family where the data supports it. */
export function inferOrganizations(models: readonly RegistryModel[]): RegistryModel[] {
  const rules = familyOrganizations(models)
  return models.map((m) => {
    if (m.organization !== undefined) return m
    const f = family(m.id)
    const organization = f === undefined ? undefined : rules.get(f)
    if (organization === undefined) return m
    // Keep the public key order: organization right after the name.
    const { id, name, ...rest } = m
    return { id, name, organization, organizationInferred: true, ...rest }
  })
}
