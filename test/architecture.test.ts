import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from './helpers.js'

/**
 * The layering of ARCHITECTURE.md, checked on every import of `src/`: a stage
 * never reaches back up, and only the edges touch the disk or the network.
 */
const allowed: Record<string, readonly string[]> = {
  core: [],
  diagnostics: ['core'],
  schema: ['core', 'diagnostics'],
  parse: ['core', 'diagnostics', 'schema'],
  validate: ['core', 'diagnostics', 'schema'],
  store: ['core', 'diagnostics', 'schema', 'parse', 'validate'],
  registry: ['core', 'diagnostics', 'schema'],
  pipeline: ['core', 'diagnostics', 'schema', 'parse', 'validate', 'store', 'registry'],
  model: ['core', 'diagnostics', 'schema', 'registry'],
  render: ['core', 'diagnostics', 'schema', 'registry', 'model'],
  write: ['core'],
  fetch: ['core', 'diagnostics', 'schema', 'parse', 'validate', 'store', 'registry', 'pipeline'],
  commands: ['*'],
  'cli.ts': ['commands']
}

/** Files allowed to import the file system, child processes or sockets (`fetch` uses the global). */
const edges = [/^cli\.ts$/, /^commands\//, /^pipeline\/load-site\.ts$/, /^parse\/cache\.ts$/, /^parse\/signatures\.ts$/, /^parse\/pack\.ts$/, /^parse\/sealed\.ts$/, /^core\/code-digest\.ts$/, /^pipeline\/pool\.ts$/, /^pipeline\/worker\.ts$/, /^render\/eta\.ts$/, /^store\/discover\.ts$/, /^fetch\/download\.ts$/, /^write\//]
const io = /^node:(fs|fs\/promises|child_process|net|http|https|worker_threads)$/

const src = path.join(repoRoot, 'src')

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []))
}

/** Every import specifier of a module (static imports and re-exports). */
export function importsOf(code: string): string[] {
  return [...code.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)].map((m) => (m[1] ?? m[2])!)
}

const layer = (relative: string): string => (relative.includes('/') ? relative.split('/')[0]! : relative)

function violations(): string[] {
  const out: string[] = []
  for (const file of files(src)) {
    const relative = path.relative(src, file).split(path.sep).join('/')
    const from = layer(relative)
    const may = allowed[from]
    if (!may) {
      out.push(`${relative}: folder \`${from}\` is not in ARCHITECTURE.md`)
      continue
    }
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (io.test(spec) && !edges.some((e) => e.test(relative))) out.push(`${relative}: imports ${spec}, only the edges may`)
      if (!spec.startsWith('.')) continue
      const target = path.relative(src, path.resolve(path.dirname(file), spec)).split(path.sep).join('/')
      const to = layer(target)
      if (target.startsWith('..')) out.push(`${relative}: imports ${spec}, outside src/`)
      else if (to !== from && !may.includes('*') && !may.includes(to)) out.push(`${relative}: ${from}/ may not import ${to}/ (${spec})`)
    }
  }
  return out
}

/**
 * What loading `entry` loads before anything runs: its static imports, followed
 * through `src/` (type-only imports are erased; `import()` waits until called).
 * Returns the modules (relative to `src/`) and the packages reached.
 */
function loadedWith(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    const relative = path.relative(src, file).split(path.sep).join('/')
    if (modules.has(relative)) return
    modules.add(relative)
    const code = readFileSync(file, 'utf8').replace(/^\s*(?:import|export)\s+type\s[^;]*?\sfrom\s+'[^']+'/gm, '')
    for (const spec of importsOf(code)) {
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts'))
      else if (!spec.startsWith('node:')) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!)
    }
  }
  visit(path.join(src, entry))
  return { modules, packages }
}

/** The packages that parse markdown: what a build whose files are all cached never needs. */
const parserPackages = /^(unified|remark-|micromark|mdast-)/

describe('architecture', () => {
  it('loads the parser only when a file must be parsed: not for a build, check or registry run whose files are cached', () => {
    for (const entry of ['cli.ts', 'commands/build.ts', 'commands/check.ts', 'commands/registry.ts']) {
      const { modules, packages } = loadedWith(entry)
      expect(modules.has('pipeline/load-site.ts') || entry === 'cli.ts', entry).toBe(true)
      expect([...modules].filter((m) => m === 'parse/index.ts' || m === 'pipeline/check-file.ts'), entry).toEqual([])
      expect([...packages].filter((p) => parserPackages.test(p)), entry).toEqual([])
    }
    // The check sees the parser where it is loaded at once.
    const parse = loadedWith('commands/parse.ts')
    expect(parse.modules.has('parse/index.ts')).toBe(true)
    expect([...parse.packages].filter((p) => parserPackages.test(p))).toEqual(expect.arrayContaining(['unified', 'remark-gfm']))
  })


  it('loads zod only to validate: not for a build, check or registry run whose files and data files are cached', () => {
    for (const entry of ['cli.ts', 'commands/build.ts', 'commands/check.ts', 'commands/registry.ts']) {
      const { modules, packages } = loadedWith(entry)
      expect([...packages].filter((p) => p === 'zod'), entry).toEqual([])
      expect([...modules].filter((m) => /^(validate\/snapshot\.ts|pipeline\/data-check\.ts|store\/check-parsed\.ts|diagnostics\/(schemas|zod|data-file)\.ts)$/.test(m)), entry).toEqual([])
    }
    // The check sees zod where it is loaded at once.
    expect(loadedWith('commands/parse.ts').packages.has('zod')).toBe(true)
    expect(loadedWith('pipeline/data-check.ts').packages.has('zod')).toBe(true)
  })

  it('finds the imports it checks', () => {
    expect(importsOf("import { a } from './a.js'\nexport { b } from '../b/c.js'\nimport type { D } from 'd'\nimport 'side'\n")).toEqual(['./a.js', '../b/c.js', 'd', 'side'])
  })

  it('keeps every import of src/ within the layering of ARCHITECTURE.md', () => {
    expect(violations()).toEqual([])
  })

  it('would catch a stage reaching back up', () => {
    // The check itself, on a made-up module: parse/ importing from registry/.
    const code = "import { normalize } from '../registry/normalize.js'\n"
    const spec = importsOf(code)[0]!
    const target = path.relative(src, path.resolve(path.join(src, 'parse'), spec)).split(path.sep).join('/')
    expect(allowed.parse).not.toContain(layer(target))
  })

  it('is the table ARCHITECTURE.md shows', () => {
    const doc = readFileSync(path.join(repoRoot, 'ARCHITECTURE.md'), 'utf8')
    for (const [folder, may] of Object.entries(allowed)) {
      if (folder === 'cli.ts') continue
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${folder}/\``))
      expect(row, folder).toBeDefined()
      const listed = row!.split('|').at(-2)!.trim()
      expect(listed === 'anything' ? ['*'] : listed === '—' ? [] : listed.split(', '), folder).toEqual(may)
    }
  })
})
