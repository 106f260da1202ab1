import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { HEAP_WARNING_SHARE, heapWarning } from '../../src/commands/heap.js'

const MB = 2 ** 20

describe('the heap a build kept alive', () => {
  it('is said only when it came within a quarter of the heap limit', () => {
    const limit = 560 * MB
    expect(heapWarning({ peakLive: 125 * MB, limit })).toBeUndefined()
    expect(heapWarning({ peakLive: HEAP_WARNING_SHARE * limit, limit })).toBeUndefined()
    expect(heapWarning({ peakLive: 0, limit })).toBeUndefined()
    expect(heapWarning({ peakLive: 430 * MB, limit })).toBe(
      'Warning: the build kept up to 430 MB alive, 77 % of its 560 MB heap: a history this long needs more (raise --max-old-space-size in package.json\'s build script) before it outgrows it and the build stops out of memory'
    )
  })

  it('is measured after full collections: what is alive, not what was allocated', () => {
    // A child process with the collector exposed: 60 MB kept alive, 200 MB of garbage, two full collections.
    const heap = fileURLToPath(new URL('../../lib/commands/heap.js', import.meta.url))
    const script = `
      const { watchHeap } = await import(${JSON.stringify(heap)})
      const watch = watchHeap()
      const kept = Array.from({ length: 60 }, () => new Array(MB / 8).fill(0.5))
      for (let i = 0; i < 200; i++) new Array(MB / 8).fill(i + 0.5)
      globalThis.gc()
      const peak = watch.stop()
      kept.length = 0
      console.log(JSON.stringify(peak))`.replaceAll('MB', String(MB))
    const peak = JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' })) as { peakLive: number; limit: number }
    expect(peak.peakLive).toBeGreaterThan(60 * MB)
    expect(peak.peakLive).toBeLessThan(120 * MB)
    expect(peak.limit).toBeGreaterThan(peak.peakLive)
  })

  it('grows less past what is alive once bounded (boundHeapGrowth), as the build bounds it', () => {
    // A child process each: 400,000 records kept alive, 40 rounds of 200,000 that live a round (they reach the
    // old space, as a build's do), the heap's size at its largest. Node 20: 124–125 MiB, bounded 111 MiB.
    const heap = fileURLToPath(new URL('../../lib/commands/heap.js', import.meta.url))
    const largest = (bounded: boolean) => {
      const script = `
        const { boundHeapGrowth } = await import(${JSON.stringify(heap)})
        if (${bounded}) boundHeapGrowth()
        const kept = Array.from({ length: 400000 }, (_, i) => ({ i, s: 'x' + i }))
        const ring = new Array(200000)
        let largest = 0
        for (let round = 0; round < 40; round++) {
          for (let i = 0; i < ring.length; i++) ring[i] = { round, i, a: [i, i + 1] }
          largest = Math.max(largest, process.memoryUsage().heapTotal)
        }
        console.log(largest, kept.length)`
      return Number(execFileSync(process.execPath, ['--max-old-space-size=512', '--input-type=module', '-e', script], { encoding: 'utf8' }).split(' ')[0])
    }
    const free = largest(false)
    const bounded = largest(true)
    expect(bounded).toBeLessThan(0.95 * free)
  })
})
