import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { inFile, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js'
import { displayPath, loadStore, type LoadedStore } from '../store/load.js'
import { publishable } from '../validate/publishable.js'
import { emptyData, parseRegistryData, type RegistryData } from './data.js'
import { normalize } from './normalize.js'
import type { NormalizeResult } from './types.js'

/** The data file lives with the snapshots it describes. */
export const dataFileName = 'registry.json'

/** Read the registry data file of a store; a missing file is empty data, a broken one is reported. */
export async function loadRegistryData(dir: string, shownAs: string = dir): Promise<{ file: string; data: RegistryData; diagnostics: Diagnostic[] }> {
  const file = displayPath(shownAs, dataFileName)
  let content: string
  try {
    content = await readFile(path.join(dir, dataFileName), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { file, data: emptyData, diagnostics: [] }
    throw error
  }
  const { data, messages } = parseRegistryData(content)
  return { file, data, diagnostics: inFile(file, messages) }
}

/** Load the store and its data file, and normalize what may be published: the input of the model and render stages. */
export async function loadRegistry(dir: string, shownAs: string = dir): Promise<{ store: LoadedStore; result: NormalizeResult }> {
  const [store, data] = await Promise.all([loadStore(dir, shownAs), loadRegistryData(dir, shownAs)])
  const result = normalize(publishable(store.snapshots, store.diagnostics), data.data)
  return { store, result: { ...result, diagnostics: sortDiagnostics([...data.diagnostics, ...result.diagnostics]) } }
}
