import fg from 'fast-glob'

/** Every snapshot file under `dir` (markdown, text, CSV), as sorted POSIX paths relative to it. */
export async function discover(dir: string): Promise<string[]> {
  const files = await fg(['**/*.md', '**/*.txt', '**/*.csv'], { cwd: dir, onlyFiles: true, dot: false, followSymbolicLinks: false })
  return files.map((f) => f.split('\\').join('/')).sort()
}
