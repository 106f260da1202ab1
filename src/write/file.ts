import { mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** Write one file through a temporary file and rename, so a reader never sees half a file. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  await writeFile(temp, content)
  await rename(temp, file)
}
