import { parentPort } from 'node:worker_threads'
import { checkStoreFile } from './check-file.js'

/**
 * A worker thread of the parse pool: checks one store file per message and
 * posts the result back. A parse that throws is already a `parser-crash`
 * result (`checkStoreFile`); a crash of the thread itself (out of memory) is
 * turned into one by the pool.
 */
export interface Task {
  id: number
  relative: string
  content: string
}

parentPort?.on('message', (task: Task) => {
  parentPort!.postMessage({ id: task.id, file: checkStoreFile(task.relative, task.content) })
})
