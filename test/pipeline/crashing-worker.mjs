// A parse worker that fails on purpose, for the pool's tests: a page starting
// with OOM exhausts the thread's heap, EXIT ends the thread, THROW throws
// outside any task, LIMITS answers with the thread's resource limits; any
// other page is checked as the real worker does.
import { parentPort, resourceLimits } from 'node:worker_threads'
import { checkStoreFile } from '../../lib/pipeline/check-file.js'

parentPort.on('message', (task) => {
  if (task.content.startsWith('OOM')) {
    const hog = []
    for (;;) hog.push(new Array(1e6).fill(hog.length))
  }
  if (task.content.startsWith('EXIT')) process.exit(3)
  if (task.content.startsWith('LIMITS')) return parentPort.postMessage({ id: task.id, file: resourceLimits })
  if (task.content.startsWith('THROW')) {
    setTimeout(() => {
      throw new Error('boom in the worker')
    })
    return
  }
  parentPort.postMessage({ id: task.id, file: checkStoreFile(task.relative, task.content) })
})
