import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Eta } from 'eta'

/** The templates folder shipped with the package (`templates/` beside `lib/` and `src/`). */
export const templatesDir = fileURLToPath(new URL('../../templates/', import.meta.url))

/** Eta with auto-escaping: `<%= %>` escapes, `<%~ %>` is for markup built here (SVG, partials, layout body). */
export function createEta(views: string = templatesDir): Eta {
  return new Eta({ views, autoEscape: true, autoTrim: [false, 'nl'], cache: true, defaultExtension: '.eta' })
}

/** A static asset shipped as is (CSS, script, icon). */
export function readAsset(name: string, views: string = templatesDir): string {
  return readFileSync(path.join(views, 'assets', name), 'utf8')
}
