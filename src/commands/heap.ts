import { GCProfiler, getHeapStatistics, setFlagsFromString } from 'node:v8'

/**
 * What a build keeps alive grows with the history (`npm run bench -- --ahead
 * 365`: about 40 MB a year of daily data, 41–45 before the records a build
 * holds most of were made compact, `core/records.ts`, and the identity kept
 * runs of snapshot indices), and `npm run build` caps node's
 * heap (`--max-old-space-size=512`): a store that outgrows it stops the build
 * with V8's out-of-memory error, and the daily job with it. The build watches
 * its heap so that it says so years before: the most the garbage collector
 * found alive after a full collection, against the heap's limit.
 */
export interface HeapUse {
  /** Bytes alive after the fullest full collection (0 when none ran: a small store). */
  peakLive: number
  /** The heap's limit in bytes (`--max-old-space-size` and the young generation). */
  limit: number
}

/** Share of the heap's limit above which a build warns. */
export const HEAP_WARNING_SHARE = 0.75

/** Start watching the heap; `stop()` says how much of it the build kept alive at most. */
export function watchHeap(): { stop(): HeapUse } {
  const profiler = new GCProfiler()
  profiler.start()
  return {
    stop() {
      const data = profiler.stop()
      let peakLive = 0
      for (const gc of data?.statistics ?? []) {
        if (gc.gcType === 'MarkSweepCompact') peakLive = Math.max(peakLive, gc.afterGC.heapStatistics.usedHeapSize)
      }
      return { peakLive, limit: getHeapStatistics().heap_size_limit }
    }
  }
}

const MB = 2 ** 20

/** The line a build prints when what it kept alive came near the heap's limit; undefined when it did not. */
export function heapWarning(use: HeapUse): string | undefined {
  if (use.peakLive <= HEAP_WARNING_SHARE * use.limit) return undefined
  const share = Math.round((100 * use.peakLive) / use.limit)
  return `Warning: the build kept up to ${Math.round(use.peakLive / MB)} MB alive, ${share} % of its ${Math.round(use.limit / MB)} MB heap: a history this long needs more (raise --max-old-space-size in package.json's build script) before it outgrows it and the build stops out of memory`
}

/**
 * How far past what it found alive V8 lets the heap grow before its next full
 * collection, in percent. Left to itself it chooses (1.1 to 4 times, from how
 * fast it collects): peak RSS grew 61 MiB for each year of daily data when
 * what the build keeps alive grew 36 (`npm run bench -- --ahead 365`). At 15 %,
 * warm builds with a year of daily data ahead peaked at 214–235 MiB against
 * 243–255 MiB, the shipped history's at 179–182 against 186–195 MiB, in the
 * same time within the noise.
 */
export const HEAP_GROWING_PERCENT = 15

/**
 * Bound the heap's growth (`HEAP_GROWING_PERCENT`) for the rest of the process
 * and the threads it starts. Set at run time, not on node's command line: a
 * later V8 without the flag then prints that it does not know it, and the
 * build goes on (node would refuse to start).
 */
export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
}
