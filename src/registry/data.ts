import { z } from 'zod'
import { readDataFile } from '../diagnostics/data-file.js'
import type { Message } from '../diagnostics/diagnostic.js'
import { idPattern } from './keys.js'

/**
 * The registry data file (`snapshots/registry.json`): what rules cannot know,
 * edited by maintainers. Every entry says why it holds (`note`).
 */
const text = z.string().trim().min(1)

export const ModelEntrySchema = z
  .object({
    /** The published id; pinned here it never changes, whatever the spellings. */
    id: z.string().regex(idPattern, 'an id `[a-z0-9][a-z0-9.-]*`'),
    name: text.optional(),
    organization: text.optional(),
    /** Raw spellings that are this model (on any board). */
    aliases: z.array(text).default([]),
    note: z.string().optional()
  })
  .strict()
export type ModelEntry = z.infer<typeof ModelEntrySchema>

export const OrganizationEntrySchema = z
  .object({ name: text, aliases: z.array(text).default([]), note: z.string().optional() })
  .strict()
export type OrganizationEntry = z.infer<typeof OrganizationEntrySchema>

export const LicenseEntrySchema = z
  .object({
    name: text,
    spdx: z.string().regex(/^[A-Za-z0-9.+-]+$/, 'an SPDX id').optional(),
    openWeights: z.boolean().optional(),
    aliases: z.array(text).default([]),
    note: z.string().optional()
  })
  .strict()
export type LicenseEntry = z.infer<typeof LicenseEntrySchema>

export const RegistryDataSchema = z
  .object({
    $comment: z.string().optional(),
    /** Logo texts upstream's scraper glues before model ids, besides organization names. */
    providerPrefixes: z.array(text).default([]),
    models: z.array(ModelEntrySchema).default([]),
    organizations: z.array(OrganizationEntrySchema).default([]),
    licenses: z.array(LicenseEntrySchema).default([])
  })
  .strict()
  .superRefine((data, ctx) => {
    const ids = new Map<string, number>()
    const aliases = new Map<string, number>()
    data.models.forEach((m, i) => {
      if (ids.has(m.id)) ctx.addIssue({ code: 'custom', path: ['models', i, 'id'], message: `a unique id (\`${m.id}\` is also models[${ids.get(m.id)}])` })
      ids.set(m.id, i)
      m.aliases.forEach((a, j) => {
        if (aliases.has(a)) ctx.addIssue({ code: 'custom', path: ['models', i, 'aliases', j], message: `an alias listed once (\`${a}\` is also in models[${aliases.get(a)}])` })
        aliases.set(a, i)
      })
    })
  })
export type RegistryData = z.infer<typeof RegistryDataSchema>

export const emptyData: RegistryData = { providerPrefixes: [], models: [], organizations: [], licenses: [] }

/** Parse the data file; errors are positioned messages and leave the empty data in place. */
export function parseRegistryData(content: string): { data: RegistryData; messages: Message[] } {
  const { data, messages } = readDataFile(content, RegistryDataSchema, 'invalid-registry-data')
  return { data: data ?? emptyData, messages }
}
