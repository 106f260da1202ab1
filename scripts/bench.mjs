#!/usr/bin/env node
// Benchmark: parse throughput over the real corpus (../shared/corpus), and a
// full `check` of the store. Numbers, not pass/fail: speed targets are read
// from here, never from timed tests. Usage: npm run bench [-- --limit N]
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { parsePage } from '../lib/parse/index.js'
import { cachedParser } from '../lib/parse/cache.js'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import { loadStore } from '../lib/store/load.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const corpus = path.resolve(root, '../shared/corpus/cherry-studio-docs')
const { values } = parseArgs({ options: { limit: { type: 'string' } } })

function files(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = path.join(dir, name)
      return statSync(p).isDirectory() ? files(p) : name.endsWith('.md') ? [p] : []
    })
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  const sum = sorted.reduce((a, b) => a + b, 0)
  return { n: sorted.length, mean: sum / sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1), total: sum }
}

const ms = (x) => `${x.toFixed(1)} ms`
const lines = []
if (existsSync(corpus)) {
  let list = files(corpus)
  if (values.limit) list = list.slice(0, Number(values.limit))
  const contents = list.map((f) => readFileSync(f, 'utf8'))
  parsePage(contents[0]) // warm up the JIT
  const times = []
  let rows = 0
  const started = performance.now()
  for (const content of contents) {
    const t = performance.now()
    const result = parsePage(content)
    times.push(performance.now() - t)
    rows += result.snapshots.reduce((n, s) => n + s.rows.length, 0)
  }
  const wall = performance.now() - started
  const s = stats(times)
  lines.push(`parse: ${s.n} corpus files, ${rows} rows in ${(wall / 1000).toFixed(2)} s — per file mean ${ms(s.mean)}, p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)}; ${Math.round(rows / (wall / 1000))} rows/s`)
  // The same files through the on-disk parse cache: filled once, then read back.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'leaderlog-bench-'))
  const cached = cachedParser(dir)
  let t = performance.now()
  for (const content of contents) cached(content)
  const fill = performance.now() - t
  t = performance.now()
  for (const content of contents) cached(content)
  const warm = performance.now() - t
  rmSync(dir, { recursive: true, force: true })
  lines.push(`parse cache: fill ${(fill / 1000).toFixed(2)} s, warm ${(warm / 1000).toFixed(2)} s (${ms(warm / contents.length)} per file, ${cached.stats.hits} hits)`)
} else {
  lines.push(`parse: corpus not found at ${corpus}; skipped`)
}
const t = performance.now()
const store = await loadStore(path.join(root, 'snapshots'), 'snapshots')
lines.push(`check: ${store.files.length} store files, ${store.snapshots.length} snapshots in ${ms(performance.now() - t)}`)
const mem = process.memoryUsage()
lines.push(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`)
console.log(lines.join('\n'))
