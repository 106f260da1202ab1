import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * What a module's results depend on: the module itself and everything it
 * imports, followed through relative imports; packages count by name and
 * version. Used to key the parse cache on the parser's code, so editing any
 * file the parser reaches (e.g. `core/`) invalidates it, and editing a file it
 * does not reach (e.g. `render/`) does not.
 */
export interface ModuleGraph {
  /** Absolute paths of the modules reached, sorted. */
  files: string[]
  /** Packages imported by those modules, as `name@version` (`node:` built-ins left out), sorted. */
  packages: string[]
}

/**
 * Static `import … from '…'`, `export … from '…'`, bare `import '…'` and
 * `import('…')` with a literal specifier: the forms tsc emits and the sources
 * use. `import type` is left out: types are erased, they never run.
 */
const importPattern = /(?:^|[\n;])\s*(?:import|export)\s[^'"`;]*?\sfrom\s*(['"])([^'"\n]+)\1|(?:^|[\n;])\s*import\s*(['"])([^'"\n]+)\3|\bimport\(\s*(['"])([^'"\n]+)\5\s*\)/g

/** The specifiers a module's text imports, in order of appearance. */
export function importsOf(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(importPattern)) {
    if (/^[\s;]*(?:import|export)\s+type\s/.test(m[0])) continue
    out.push((m[2] ?? m[4] ?? m[6])!)
  }
  return out
}

/** A relative specifier to a file: `./x.js` is `x.js`, or `x.ts` when running from the TypeScript sources. */
function resolveRelative(from: string, specifier: string): string | undefined {
  const target = path.resolve(path.dirname(from), specifier)
  for (const candidate of [target, target.replace(/\.js$/, '.ts'), target + '.js', target + '.ts']) {
    if (existsSync(candidate)) return candidate
  }
  return undefined
}

/** `pkg` or `@scope/pkg` of a bare specifier (`remark-gfm`, `zod/mini`, `@types/mdast`). */
function packageName(specifier: string): string {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!
}

function packageVersion(from: string, name: string): string {
  const require = createRequire(from)
  // Walk up from the package's entry to its package.json (its exports may hide `package.json`).
  let dir: string
  try {
    dir = path.dirname(require.resolve(name))
  } catch {
    return 'unresolved'
  }
  for (;;) {
    const manifest = path.join(dir, 'package.json')
    if (existsSync(manifest)) {
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string }
      if (json.name === name) return json.version ?? 'unknown'
    }
    const up = path.dirname(dir)
    if (up === dir) return 'unknown'
    dir = up
  }
}

/** Every module `entry` reaches through its imports. */
export function moduleGraph(entry: string): ModuleGraph {
  const files = new Set<string>()
  const packages = new Set<string>()
  const pending = [entry]
  while (pending.length) {
    const file = pending.pop()!
    if (files.has(file)) continue
    files.add(file)
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('node:')) continue
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = resolveRelative(file, specifier)
        if (!target) throw new Error(`Cannot resolve \`${specifier}\` imported by ${file}`)
        pending.push(target)
      } else {
        const name = packageName(specifier)
        packages.add(`${name}@${packageVersion(file, name)}`)
      }
    }
  }
  return { files: [...files].sort(), packages: [...packages].sort() }
}

/** A digest of the code `entry` runs: the content of every module it reaches and the versions of the packages they import. */
export function codeDigest(entry: string, salt = ''): string {
  const graph = moduleGraph(entry)
  const base = path.dirname(entry)
  const hash = createHash('sha256').update(salt).update('\0')
  for (const file of graph.files) {
    // Relative paths (POSIX), so a checkout anywhere keys the same; `.ts` and `.js` of one module differ.
    hash.update(path.relative(base, file).split(path.sep).join('/')).update('\0').update(readFileSync(file)).update('\0')
  }
  for (const p of graph.packages) hash.update(p).update('\0')
  return hash.digest('hex').slice(0, 16)
}

/** The module `name` beside the module at `url` (its `import.meta.url`): `name.js`, or `name.ts` when running from the TypeScript sources. */
export function moduleBeside(url: string, name: string): string {
  const here = path.dirname(fileURLToPath(url))
  const js = path.join(here, `${name}.js`)
  return existsSync(js) ? js : path.join(here, `${name}.ts`)
}
