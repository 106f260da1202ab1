import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Eta } from 'eta'

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
