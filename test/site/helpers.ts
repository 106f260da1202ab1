import { mkdtemp } from 'node:fs/promises'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { main } from '../../src/cli.js'
import { buildSiteModel, type SiteModel } from '../../src/model/site.js'
import { loadSite } from '../../src/pipeline/load-site.js'
import type { NormalizeResult } from '../../src/registry/types.js'
import { renderAll, type SiteFile } from '../../src/render/site.js'
import { parseBaseUrl, type BaseUrl } from '../../src/render/urls.js'
import { seedStore } from '../helpers.js'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export { seedStore } from '../helpers.js'

/** The seeds through the real pipeline: store → normalize → site model. */
export async function seedSite(dir?: string, today?: string): Promise<SiteModel> {
  const site = await loadSite({ dir: dir ?? (await seedStore()), shownAs: 'snapshots' })
  return buildSiteModel({ ...site, ...(today ? { today } : {}) })
}

/** A normalized store as the site shows it, with nothing around it (no store files, diagnostics or blocked files): its model and every file. */
export function renderNormalized(normalized: NormalizeResult, base: BaseUrl = parseBaseUrl('/')): { site: SiteModel; files: SiteFile[] } {
  const site = buildSiteModel({ normalized, fileDiagnostics: [], files: [], blocked: new Set() })
  return { site, files: renderAll(site, { base, registry: normalized.registry }) }
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `leaderlog-${prefix}-`))
}

/** Run the CLI in-process, capturing its output. */
export async function run(argv: string[], cwd = repoRoot): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, cwd })
  return { code, out, err }
}

/** Every file under `dir`, as sorted POSIX paths relative to it. */
export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub)).sort()) {
      const rel = sub ? `${sub}/${name}` : name
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel)
      else out.push(rel)
    }
  }
  walk('')
  return out
}

export function read(dir: string, rel: string): string {
  return readFileSync(path.join(dir, rel), 'utf8')
}
