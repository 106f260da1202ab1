import { chmod, lstat, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

export interface SiteFile {
  /** POSIX path relative to the output directory. */
  path: string
  content: string
}

/** A marker every leaderlog build has: a directory without it is not ours to replace. */
export const BUILD_MARKER = 'data/boards.json'

function checkRelative(file: string): void {
  if (!file || file.startsWith('/') || file.includes('\\') || file.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    throw new Error(`Refusing to write \`${file}\`: expected a relative path inside the output directory`)
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}

/** Refuse to replace a directory that is not a previous build (e.g. `--out .` or `--out src`). */
async function checkReplaceable(out: string, protect: readonly string[]): Promise<void> {
  for (const p of protect) {
    const rel = path.relative(out, path.resolve(p))
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
      throw new Error(`Refusing to build into \`${out}\`: it contains \`${p}\``)
    }
  }
  if (!(await exists(out))) return
  const stat = await lstat(out)
  if (!stat.isDirectory()) throw new Error(`Refusing to build into \`${out}\`: it is not a directory`)
  const entries = await readdir(out)
  if (entries.length > 0 && !(await exists(path.join(out, BUILD_MARKER)))) {
    throw new Error(`Refusing to replace \`${out}\`: it is not empty and holds no previous build (no ${BUILD_MARKER})`)
  }
}

/**
 * Write the site into a fresh directory beside `outDir`, then swap it in by
 * renaming: readers see the old site or the new one, never half of each, and a
 * failure at any point leaves the previous `outDir` as it was.
 * `protect` lists paths the output directory must never contain (the working
 * directory, the snapshot store).
 */
export async function writeSiteAtomically(
  outDir: string,
  files: readonly SiteFile[],
  protect: readonly string[] = [],
  onProgress?: (done: number, total: number) => void
): Promise<void> {
  const out = path.resolve(outDir)
  for (const f of files) checkRelative(f.path)
  await checkReplaceable(out, protect)
  const parent = path.dirname(out)
  await mkdir(parent, { recursive: true })
  const temp = await mkdtemp(path.join(parent, `.${path.basename(out)}.tmp-`))
  const old = temp + '.old'
  try {
    await chmod(temp, 0o755)
    const dirs = new Set(files.map((f) => path.posix.dirname(f.path)).filter((d) => d !== '.'))
    for (const d of [...dirs].sort()) await mkdir(path.join(temp, d), { recursive: true })
    for (const [i, f] of files.entries()) {
      await writeFile(path.join(temp, f.path), f.content)
      onProgress?.(i + 1, files.length)
    }
    const hadOld = await exists(out)
    if (hadOld) await rename(out, old)
    try {
      await rename(temp, out)
    } catch (error) {
      if (hadOld) await rename(old, out)
      throw error
    }
    if (hadOld) await rm(old, { recursive: true, force: true })
  } catch (error) {
    await rm(temp, { recursive: true, force: true })
    throw new Error(`Could not write the site to \`${outDir}\` (left as it was): ${(error as Error).message}`, { cause: error })
  }
}
