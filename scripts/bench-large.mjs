#!/usr/bin/env node
// Benchmark: parsing one very long page. Generates pages of N rows from the
// seed EN page (ranks renumbered, names made unique), parses each in its own
// process and prints wall time, CPU time and peak RSS, so the cost per row
// can be read off (linear, memory bounded; over the size limit a file is
// refused with file-too-large). Numbers, not pass/fail.
// Usage: npm run compile && node scripts/bench-large.mjs [N …]
// (BENCH_LIB=DIR parses with another compiled lib/, to compare versions.)
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

if (process.argv[2] === '--child') {
  const { parsePage } = await import(path.join(process.env.BENCH_LIB ?? path.join(root, 'lib'), 'parse/index.js'))
  const content = readFileSync(process.argv[3], 'utf8')
  const t = performance.now()
  const result = parsePage(content)
  const wall = performance.now() - t
  const usage = process.resourceUsage()
  const rules = [...new Set(result.messages.map((m) => m.rule))]
  console.log(JSON.stringify({ wall, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1000, rss: usage.maxRSS / 1024, rows: result.snapshots[0]?.rows.length ?? 0, rules }))
  process.exit(0)
}

/** The seed EN page with its table grown to `n` rows. */
function page(n) {
  const lines = readFileSync(path.join(root, 'snapshots/lmarena-text/2025-11-18.en.md'), 'utf8').split('\n')
  const first = lines.findIndex((l) => /^\|\s*\d/.test(l))
  let last = first
  while (/^\|\s*\d/.test(lines[last + 1] ?? '')) last++
  const rows = lines.slice(first, last + 1)
  const body = []
  for (let i = 0; i < n; i++) {
    const cells = rows[i % rows.length].split('|')
    cells[1] = ` ${i + 1} `
    cells[2] = ` ${Math.max(1, i - 3)}◄─►${i + 5} `
    cells[3] = cells[3].replace(/^(\s*)(\S+)/, (_, space, name) => `${space}${name}-${i}`)
    body.push(cells.join('|'))
  }
  return [...lines.slice(0, first), ...body, ...lines.slice(last + 1)].join('\n')
}

const sizes = process.argv.slice(2).map(Number).filter(Boolean)
const dir = mkdtempSync(path.join(os.tmpdir(), 'leaderlog-bench-large-'))
const lines = ['| rows | file | wall | CPU | CPU per 1,000 rows | peak RSS | rows read | diagnostics |', '|--:|--:|--:|--:|--:|--:|--:|---|']
for (const n of sizes.length ? sizes : [270, 2_000, 20_000, 100_000]) {
  const file = path.join(dir, `${n}.md`)
  const content = page(n)
  writeFileSync(file, content)
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8', maxBuffer: 1 << 20 })
  const mib = (Buffer.byteLength(content) / 2 ** 20).toFixed(1)
  if (child.status !== 0) {
    lines.push(`| ${n} | ${mib} MiB | | | | | | the process died: ${(child.stderr.match(/FATAL ERROR[^\n]*/) ?? ['exit ' + child.status])[0]} |`)
    continue
  }
  const r = JSON.parse(child.stdout.trim().split('\n').at(-1))
  lines.push(`| ${n} | ${mib} MiB | ${(r.wall / 1000).toFixed(1)} s | ${(r.cpu / 1000).toFixed(1)} s | ${((r.cpu / n) * 1000).toFixed(0)} ms | ${r.rss.toFixed(0)} MiB | ${r.rows} | ${r.rules.join(', ') || 'none'} |`)
}
rmSync(dir, { recursive: true, force: true })
console.log(lines.join('\n'))
