import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Eta } from 'eta'
import { codeDigest, moduleBeside } from '../core/code-digest.js'
import { compareText } from '../core/compare.js'

/** The templates folder shipped with the package (`templates/` beside `lib/` and `src/`). */
export const templatesDir = fileURLToPath(new URL('../../templates/', import.meta.url))

/**
 * Eta with auto-escaping: `<%= %>` escapes, `<%~ %>` is for markup built here
 * (SVG, partials, layout body). Each template is compiled once (`cache`), and
 * where an `include` or `layout` path leads is worked out once per template
 * and path (Eta's own lookup builds a JSON key on every call).
 */
export function createEta(views: string = templatesDir): Eta {
  const eta = new Eta({ views, autoEscape: true, autoTrim: [false, 'nl'], cache: true, defaultExtension: '.eta' })
  const resolve = eta.resolvePath.bind(eta)
  const resolved = new Map<string, string>()
  eta.resolvePath = (template, options) => {
    const key = `${options?.filepath ?? ''}\0${template}`
    let file = resolved.get(key)
    if (file === undefined) resolved.set(key, (file = resolve(template, options)))
    return file
  }
  return eta
}

/** A static asset shipped as is (CSS, script, icon). */
export function readAsset(name: string, views: string = templatesDir): string {
  return readFileSync(path.join(views, 'assets', name), 'utf8')
}

/** `renderDigest` per templates folder, worked out once per process. */
const renderDigests = new Map<string, string>()

/**
 * A digest of what the site's files are rendered with: the code the renderer
 * runs (`render/site` and every module it reaches, with its packages'
 * versions) and every file of the templates folder. Part of each keyed
 * file's key: editing a template or a view renders every page again.
 */
export function renderDigest(views: string = templatesDir): string {
  let known = renderDigests.get(views)
  if (known !== undefined) return known
  const templates = createHash('sha256')
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name))) {
      const name = rel ? `${rel}/${e.name}` : e.name
      if (e.isDirectory()) walk(path.join(dir, e.name), name)
      else templates.update(name).update('\0').update(readFileSync(path.join(dir, e.name))).update('\0')
    }
  }
  walk(views, '')
  renderDigests.set(views, (known = codeDigest(moduleBeside(import.meta.url, 'site'), templates.digest('hex'))))
  return known
}
