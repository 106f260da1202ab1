import { existsSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { CheckedFile } from '../store/check.js'
import { crashResult } from './crash.js'
import type { Task } from './worker.js'

/**
 * A pool of worker threads that check store files (`checkStoreFile`), one
 * file per thread at a time. Results are the same as on the main thread: the
 * same pure function, its result copied back as plain data. A thread that
 * dies on a file (out of memory, a crash) gives that file a `parser-crash`
 * error and is replaced; the run goes on.
 */
export interface PoolOptions {
  /** Threads; default `os.availableParallelism()`. */
  size?: number
  /** Heap limit of each thread in MB: a file that needs more kills only its thread (`THREAD_HEAP_MB`). */
  maxHeapMb?: number
  /** Young generation of each thread in MB (`YOUNG_GENERATION_MB`). */
  youngMb?: number
  /** The threads' module; default the parse worker (`workerFile()`). Tests pass one that crashes on purpose. */
  worker?: string
}

export interface Pool {
  check(relative: string, content: string): Promise<CheckedFile>
  /** Stop every thread (pending files are not checked). */
  close(): Promise<void>
}

/**
 * The worker's module: `worker.js` beside this one. Threads cannot load
 * TypeScript, so when running from the sources (the tests) they run the
 * compiled `lib/pipeline/worker.js` (`npm test` compiles first).
 */
export function workerFile(): string {
  const beside = fileURLToPath(new URL('./worker.js', import.meta.url))
  if (existsSync(beside)) return beside
  const compiled = fileURLToPath(new URL('../../lib/pipeline/worker.js', import.meta.url))
  if (existsSync(compiled)) return compiled
  throw new Error(`Cannot find the parse worker ${beside}: compile first (npm run compile)`)
}

/** The heap limit of a parse thread, in MB: a file that needs more kills only its thread. */
export const THREAD_HEAP_MB = 1024

/**
 * The young generation a parse thread gets, in MB: where a page's parse
 * allocates (micromark's events and contexts, the tree), most of it dead
 * within the page. A thread's default is 48 MB (semi-spaces of 16 MB); 64 MB
 * gives semi-spaces of 32 MB (more is the same: 96 MB does too). Two threads
 * checking every sixteenth store file: 321 scavenges (3.46 s of them) → 172
 * (2.32 s), and wall time 6–16 % less in each of four pairs of runs side by
 * side (every eighth file); the process's peak RSS 272–278 → 329–350 MiB.
 */
export const YOUNG_GENERATION_MB = 64

interface Job {
  task: Task
  resolve: (file: CheckedFile | Promise<CheckedFile>) => void
}

interface Thread {
  worker: Worker
  job?: Job
  /** Set once the thread failed: its job gets a crash result, it takes no more. */
  dead: boolean
}

export function createPool(options: PoolOptions = {}): Pool {
  const size = Math.max(1, options.size ?? os.availableParallelism())
  const maxHeapMb = options.maxHeapMb ?? THREAD_HEAP_MB
  const youngMb = options.youngMb ?? YOUNG_GENERATION_MB
  const file = options.worker ?? workerFile()
  const queue: Job[] = []
  const threads = new Set<Thread>()
  let nextId = 0
  let closed = false

  const spawn = (): Thread => {
    const thread: Thread = { worker: new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: youngMb } }), dead: false }
    threads.add(thread)
    thread.worker.on('message', (message: { id: number; file: CheckedFile }) => {
      const job = thread.job
      if (!job || job.task.id !== message.id) return
      thread.job = undefined
      job.resolve(message.file)
      dispatch()
    })
    const fail = (reason: string) => {
      if (thread.dead) return
      thread.dead = true
      threads.delete(thread)
      const job = thread.job
      thread.job = undefined
      if (job) job.resolve(crashed(job.task.relative, reason))
      void thread.worker.terminate()
      dispatch()
    }
    thread.worker.on('error', (error: Error & { code?: string }) => {
      fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `out of memory: the file needs more than ${maxHeapMb} MB` : error.message)
    })
    thread.worker.on('exit', (code) => {
      if (!closed) fail(`its worker thread exited with code ${code}`)
    })
    return thread
  }

  const dispatch = () => {
    if (closed) return
    for (const thread of threads) {
      if (!queue.length) return
      if (!thread.job && !thread.dead) {
        thread.job = queue.shift()!
        thread.worker.postMessage(thread.job.task)
      }
    }
    // Replace threads that died while files are still waiting.
    while (queue.length && threads.size < size) {
      const thread = spawn()
      thread.job = queue.shift()!
      thread.worker.postMessage(thread.job.task)
    }
  }

  return {
    check(relative, content) {
      if (closed) return Promise.reject(new Error('The parse pool is closed'))
      return new Promise<CheckedFile>((resolve) => {
        queue.push({ task: { id: nextId++, relative, content }, resolve })
        dispatch()
      })
    },
    async close() {
      closed = true
      await Promise.all([...threads].map((t) => t.worker.terminate()))
      threads.clear()
    }
  }
}

/** The result of a file whose thread died: a `parser-crash` error, checked as any result (the checker loaded then: a pool may never need it). */
async function crashed(relative: string, reason: string): Promise<CheckedFile> {
  const { checkParsed } = await import('../store/check-parsed.js')
  return checkParsed(relative, crashResult(relative, reason))
}
