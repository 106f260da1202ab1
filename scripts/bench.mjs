#!/usr/bin/env node
// Benchmark of `leaderlog build` on the repo's own store: cold (empty parse
// cache), warm, and new days added one at a time; prints a table of what was
// measured against its target. Speed is read from here, never from timed tests.
//
//   npm run bench [-- --snapshots DIR] [--cli FILE] [--warm N] [--days N] [--sample N] [--ahead N] [--keep]
//
// --sample N times the parse of every Nth file only for the parse floor (and
// scales it up): the floor is a sum of single-threaded parses, as long as a
// cold build on one core, timed on a thread with a parse thread's limits (its
// heap and young generation: `pool.ts`), as the cold build parses. The CPU
// those parses took (every thread: node's garbage collection and compilation
// run beside the parsing thread) gives the parse CPU floor: the same work
// shared by every core, a cold build cannot take less.
//
// Each build runs in a child process (`node scripts/bench.mjs --child …`) that
// reports its own `process.resourceUsage()`: CPU time of all its threads and
// peak RSS. One new day is each active source's newest capture: those are held
// out of the cold and warm builds and added back, newest last, one day per
// build, so the new day misses the parse cache exactly as the daily job's does.
//
// --ahead N then adds N days of the future, one capture a day per active source
// (`aheadCaptures`), and builds them warm: what the same build costs with N more
// days of daily history, and per year of it (a linear projection to ten years,
// from the medians of the warm builds on each side), for the peak RSS and for
// the live heap at its fullest, which the build's heap limit bounds. It does so
// twice: with days that change as the store's own newest days did (some repeat
// the day before's table, most repeat many of its rows), then with days that
// change every row every day, the most a year can add.
import { spawn } from 'node:child_process'
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { Worker } from 'node:worker_threads'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
/** The main thread's heap limit of `npm run build` (if it sets one), read from package.json so that the bench measures the same build. */
const heapFlag = /--max-old-space-size=\d+/.exec(JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')).scripts.build)?.[0]
const self = fileURLToPath(import.meta.url)

if (process.argv[2] === '--child') {
  // `--child USAGE_FILE CLI ARGS…`: run the CLI in this process, then record what it cost.
  const [usageFile, cli, ...args] = process.argv.slice(3)
  const { main } = await import(pathToFileURL(cli).href)
  // What the heap held at its fullest, as the build itself watches it (`commands/heap.ts`).
  const { watchHeap } = await import(pathToFileURL(path.join(path.dirname(cli), 'commands/heap.js')).href)
  const heap = watchHeap()
  const code = await main(args, { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() })
  const { peakLive } = heap.stop()
  const usage = process.resourceUsage()
  await writeFile(usageFile, JSON.stringify({ code, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6, maxRss: usage.maxRSS * 1024, peakLive }))
  process.exit(code)
}

const { values } = parseArgs({
  options: {
    snapshots: { type: 'string', default: path.join(root, 'snapshots') },
    cli: { type: 'string', default: path.join(root, 'lib/cli.js') },
    warm: { type: 'string', default: '3' },
    days: { type: 'string', default: '2' },
    sample: { type: 'string', default: '1' },
    ahead: { type: 'string', default: '0' },
    keep: { type: 'boolean' }
  }
})
const cli = path.resolve(values.cli)
const lib = path.dirname(cli)
const { addDays } = await import(pathToFileURL(path.join(lib, 'core/dates.js')).href)
// The parse options of a store file: the build's own.
const { parseOptionsFor } = await import(pathToFileURL(path.join(lib, 'store/check.js')).href)
// The store files a build parses (pages and archive captures alike): the build's own discovery.
const { discover } = await import(pathToFileURL(path.join(lib, 'store/discover.js')).href)
const cores = os.availableParallelism()
const MB = 1e6
const KB = 1e3
const MiB = 2 ** 20

const work = await mkdtemp(path.join(os.tmpdir(), 'leaderlog-bench-'))
const store = path.join(work, 'snapshots')
const out = path.join(work, 'dist')
const cache = path.join(work, 'cache')
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ')
const log = (line) => process.stderr.write(line + '\n')

/** Every file under `dir`, relative, POSIX, sorted. */
async function walk(dir, sub = '') {
  const out = []
  for (const e of (await readdir(path.join(dir, sub), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = sub ? `${sub}/${e.name}` : e.name
    if (e.isDirectory()) out.push(...(await walk(dir, rel)))
    else out.push(rel)
  }
  return out
}

const storePattern = /^([a-z0-9-]+)\/(\d{4}-\d{2}-\d{2})\.([A-Za-z-]+)\.md$/

/** The parser the threads load, and the limits a parse thread of the build has (`pool.ts`): its heap and its young generation. */
const parserUrl = pathToFileURL(path.join(lib, 'parse/index.js')).href
const { THREAD_HEAP_MB, YOUNG_GENERATION_MB } = await import(pathToFileURL(path.join(lib, 'pipeline/pool.js')).href)
// A lib/ of before these were named (`--cli`): its threads had 1024 MB and node's own young generation.
const threadLimits = { maxOldGenerationSizeMb: THREAD_HEAP_MB ?? 1024, ...(YOUNG_GENERATION_MB ? { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } : {}) }

/**
 * The sources still publishing: the captures of every source (and language)
 * whose newest is from the last 3 days of the store, each list oldest first;
 * and the store's newest date.
 */
function activeSources(files) {
  const captures = files.filter((f) => storePattern.test(f)).sort()
  const newest = captures.map((f) => storePattern.exec(f)[2]).sort().at(-1)
  const bySource = new Map()
  for (const f of captures) {
    const [, source, , language] = storePattern.exec(f)
    const list = bySource.get(`${source} ${language}`) ?? []
    list.push(f)
    bySource.set(`${source} ${language}`, list)
  }
  return { newest, lists: [...bySource.values()].filter((list) => storePattern.exec(list.at(-1))[2] >= addDays(newest, -3)) }
}

/** The newest `days` captures of every source still publishing (`activeSources`): oldest day first. */
function heldOut(files, days) {
  const out = Array.from({ length: days }, () => [])
  for (const list of activeSources(files).lists) list.slice(-days).forEach((f, i, taken) => out[days - taken.length + i].push(f))
  return out.filter((d) => d.length)
}

/** Output size: files, bytes, the largest HTML page, bytes per kind of file. */
async function measureOutput(dir) {
  const files = await walk(dir)
  let bytes = 0
  let largest = { path: '', size: 0 }
  const kinds = new Map()
  for (const f of files) {
    const { size } = await stat(path.join(dir, f))
    bytes += size
    if (f.endsWith('.html') && size > largest.size) largest = { path: f, size }
    const kind = kindOf(f)
    const k = kinds.get(kind) ?? { files: 0, bytes: 0 }
    k.files++
    k.bytes += size
    kinds.set(kind, k)
  }
  return { files: files.length, bytes, largest, kinds }
}

function kindOf(f) {
  if (/^boards\/[^/]+\/diff\//.test(f)) return 'diff pages'
  if (/^boards\/[^/]+\/\d{4}-\d{2}-\d{2}\//.test(f)) return 'snapshot pages'
  if (/^boards\//.test(f)) return 'board pages'
  if (/^data\/[^/]+\/diff\//.test(f)) return 'diff JSON'
  if (/^data\/models\/[^/]+\.csv$/.test(f)) return 'model history CSV'
  if (/^data\/[^/]+\/[^/]+\.json$/.test(f)) return 'snapshot JSON'
  if (/^data\/[^/]+\/[^/]+\.csv$/.test(f)) return 'snapshot CSV'
  if (/^models\/[^/]+\//.test(f)) return 'model pages'
  if (/^organizations\//.test(f)) return 'organization pages'
  if (/^data-quality\//.test(f)) return 'data-quality pages'
  return 'other'
}

const rowLine = /^\|\s*\d+\s*\|/

/** How many of a source's newest captures `changeRates` reads: about half a year of daily captures. */
const HISTORY_CAPTURES = 180

/**
 * How a source's days changed, from its newest captures (`HISTORY_CAPTURES`):
 * the share of days whose table repeats the day before's row for row
 * (`same`), and on the other days, the share of their rows the day before
 * had too (`kept`).
 */
async function changeRates(dir, list) {
  let pairs = 0
  let same = 0
  let rows = 0
  let kept = 0
  let before
  for (const f of list.slice(-HISTORY_CAPTURES)) {
    const now = (await readFile(path.join(dir, f), 'utf8')).split('\n').filter((l) => rowLine.test(l))
    if (before) {
      pairs++
      if (now.length === before.length && now.every((l, i) => l === before[i])) same++
      else {
        const had = new Set(before)
        rows += now.length
        kept += now.filter((l) => had.has(l)).length
      }
    }
    before = now
  }
  return { same: pairs ? same / pairs : 0, kept: rows ? kept / rows : 0, pairs }
}

/** Numbers in [0, 1) from a seed text, the same every run (mulberry32). */
function seeded(text) {
  let state = 0
  for (const c of text) state = (Math.imul(state, 31) + c.charCodeAt(0)) | 0
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

/**
 * Days of the future, made from the store's newest captures: for each source
 * still publishing (`activeSources`), its newest capture is written again for
 * each of the `count` days after the store's newest date, its date changed to
 * that day. How its rows change, `changes`:
 * - `every`: every row every day, its first count (the votes, on today's
 *   pages) grown by 37 a day, and two neighbouring models swapped every 7th
 *   day. No day repeats a row of the day before: the most a year can add.
 * - `history`: as the source's own days changed (`changeRates`): a day repeats
 *   the day before's table as often as the source's days did, and on the
 *   other days each row keeps its numbers as often as the source's rows did
 *   on those days, else its votes grow by 37; every 7th such day swaps two
 *   neighbours.
 * Returns the files written (relative), the last date and each source's rates.
 */
async function aheadCaptures(dir, files, count, changes) {
  const { newest, lists } = activeSources(files)
  const written = []
  const rates = []
  for (const list of lists) {
    const [, source, date, language] = storePattern.exec(list.at(-1))
    const rate = changes === 'history' ? await changeRates(dir, list) : { same: 0, kept: 0 }
    if (changes === 'history') rates.push(`${source} ${language}: ${(100 * rate.same).toFixed(0)} % of ${rate.pairs} days repeat the table, ${(100 * rate.kept).toFixed(0)} % of the others' rows repeat`)
    const random = seeded(`${source} ${language}`)
    // The rows as of the last day that changed them, and the page the day before showed.
    let current = (await readFile(path.join(dir, `${source}/${date}.${language}.md`), 'utf8')).split('\n')
    let shown = current
    let changed = 0
    for (let k = 1; k <= count; k++) {
      const day = addDays(newest, k)
      if (!(random() < rate.same)) {
        changed++
        current = current.map((line) => (rowLine.test(line) && !(random() < rate.kept) ? line.replace(/\|\s*([\d,]{3,})\s*\|/, (_, v) => `| ${(Number(v.replace(/,/g, '')) + 37).toLocaleString('en')} |`) : line))
        shown = [...current]
        const rows = shown.flatMap((l, i) => (rowLine.test(l) ? [i] : []))
        if (changed % 7 === 0 && rows.length > 2) {
          const at = (changed / 7) % (rows.length - 1)
          const [a, b] = [shown[rows[at]].split('|'), shown[rows[at + 1]].split('|')]
          ;[a[3], b[3]] = [b[3], a[3]]
          ;[shown[rows[at]], shown[rows[at + 1]]] = [a.join('|'), b.join('|')]
        }
      }
      const file = `${source}/${day}.${language}.md`
      await writeFile(path.join(dir, file), shown.map((l) => l.replaceAll(date, day)).join('\n'))
      written.push(file)
    }
  }
  return { files: written, last: addDays(newest, count), rates }
}

/** Run one build in a child process: wall time, CPU time of every thread, peak RSS. */
function build(label, extra = []) {
  const usageFile = path.join(work, 'usage.json')
  // The heap `npm run build` gives node (package.json): without a limit V8 grows it lazily past what the build keeps alive.
  const args = [...(heapFlag ? [heapFlag] : []), self, '--child', usageFile, cli, 'build', '--snapshots', store, '--out', out, '--cache', cache, ...extra]
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', async (code) => {
      const wall = (performance.now() - started) / 1000
      if (code !== 0) return reject(new Error(`${label}: build exited ${code}\n${stderr.slice(-2000)}`))
      const usage = JSON.parse(await readFile(usageFile, 'utf8'))
      const summary = stdout.trim().split('\n').at(-1)
      log(`${label}: ${wall.toFixed(2)} s wall, ${usage.cpu.toFixed(2)} s CPU, ${(usage.maxRss / MiB).toFixed(0)} MiB peak RSS, ${(usage.peakLive / MiB).toFixed(0)} MiB live heap at most (load ${load()}) — ${summary}`)
      resolve({ wall, cpu: usage.cpu, maxRss: usage.maxRss, peakLive: usage.peakLive, summary })
    })
  })
}

/**
 * A thread that parses `tasks` ({ file, content, options }) with a parse
 * thread's limits (`threadLimits`), as a cold build parses: it warms up the
 * JIT on the first three of each kind (pages, archive files), says `ready`,
 * and on `go` parses every one, timing each, then answers { total, cpu, max }:
 * the sum of the parse times (ms), the CPU of every thread of the process
 * meanwhile (s: the parsing thread's and V8's own, garbage collection and
 * compilation, which run beside it on the other cores and which the wall time
 * of one thread does not count), and the slowest file.
 */
function parseThread(tasks) {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads')
    import(workerData.parser).then(({ parsePage }) => {
      const { tasks } = workerData
      // Three files of each kind (pages, archive files): each kind's code warmed up, whichever comes first.
      const warm = new Map()
      for (const task of tasks) {
        const kind = task.file.slice(task.file.lastIndexOf('.'))
        const some = warm.get(kind) ?? []
        if (some.length < 3) warm.set(kind, [...some, task])
      }
      for (const some of warm.values()) for (const task of some) parsePage(task.content, task.options)
      parentPort.postMessage('ready')
      parentPort.once('message', () => {
        let total = 0
        let max = { file: '', ms: 0 }
        const cpu = process.cpuUsage()
        for (const task of tasks) {
          const t = performance.now()
          parsePage(task.content, task.options)
          const ms = performance.now() - t
          total += ms
          if (ms > max.ms) max = { file: task.file, ms }
        }
        const used = process.cpuUsage(cpu)
        parentPort.postMessage({ total, cpu: (used.user + used.system) / 1e6, max })
      })
    })`
  return new Worker(source, { eval: true, workerData: { parser: parserUrl, tasks }, resourceLimits: threadLimits })
}

/** The next message of a thread (its error rejects). */
const nextMessage = (worker) => new Promise((resolve, reject) => (worker.once('message', resolve), worker.once('error', reject)))

/** The store files `files`, as a parse thread's tasks. */
const tasksOf = (files) => Promise.all(files.map(async (file) => ({ file, content: await readFile(path.join(store, file), 'utf8'), options: parseOptionsFor(file) })))

/** Sum of each file's parse time, on one parse thread, one file after the other (every `step`th file, scaled up). */
async function parseFloor(all, step) {
  const files = all.filter((_, i) => i % step === 0)
  const worker = parseThread(await tasksOf(files))
  await nextMessage(worker)
  const done = nextMessage(worker)
  worker.postMessage('go')
  const { total, cpu, max } = await done
  await worker.terminate()
  const scale = all.length / files.length
  return { total: (total / 1000) * scale, cpu: cpu * scale, mean: total / files.length, max, timed: files.length }
}

/**
 * What `cores` threads give on this machine: each of `cores` threads parses
 * the same files as one thread alone did; capacity = cores × alone ÷ together
 * (2 on two real, idle cores; less on shared or hyper-threaded ones). The
 * parse floor assumes it equals the core count.
 */
async function parallelCapacity(all, count) {
  const step = Math.max(1, Math.floor(all.length / count))
  const tasks = await tasksOf(all.filter((_, i) => i % step === 0).slice(0, count))
  const run = async (threads) => {
    const workers = Array.from({ length: threads }, () => parseThread(tasks))
    await Promise.all(workers.map(nextMessage))
    const started = performance.now()
    const done = Promise.all(workers.map(nextMessage))
    for (const w of workers) w.postMessage('go')
    await done
    const wall = performance.now() - started
    await Promise.all(workers.map((w) => w.terminate()))
    return wall
  }
  const alone = await run(1)
  const together = await run(cores)
  return { capacity: (cores * alone) / together, alone: alone / 1000, together: together / 1000, files: tasks.length }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]

/** The median, the lowest and the highest of the runs' `key`. */
function spread(runs, key) {
  const xs = runs.map((r) => r[key])
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) }
}

/**
 * The rows of the days ahead: the warm build with them, what a year of them
 * adds, and the same carried on to ten years of daily data. A year's memory is
 * the difference of the medians of as many warm builds on each side: of three
 * warm builds of the same code, one's peak RSS is often 30 MiB above the
 * others' (when the garbage collector ran), and the highest of each side made
 * the ten-year line move by 450 MiB from one bench to the next. The live heap
 * at its fullest (after a full collection, `commands/heap.ts`) is what a
 * history must fit in: the build's heap limit (package.json) stops it beyond.
 */
function aheadRows(ahead, warm, now) {
  const perYear = (a, b) => ((a - b) * 365) / ahead.days
  const wall = perYear(ahead.wall, warm.wall)
  const rss = perYear(ahead.rss.median, warm.rss.median)
  const live = perYear(ahead.live.median, warm.live.median)
  const bytes = perYear(ahead.output.bytes, now.bytes)
  const files = perYear(ahead.output.files, now.files)
  const tenYears = { wall: warm.wall + 10 * wall, rss: warm.rss.median + 10 * rss, live: warm.live.median + 10 * live, bytes: now.bytes + 10 * bytes }
  const label = `${ahead.days} days ahead (${ahead.kind}, ${ahead.captures} captures)`
  const mib = (x) => (x / MiB).toFixed(0)
  const range = (s) => `median of ${mib(s.min)}–${mib(s.max)}`
  return [
    [`${label}: warm build, wall (median)`, `${ahead.wall.toFixed(2)} s; + ${wall.toFixed(2)} s a year`, `ten years: ${tenYears.wall.toFixed(1)} s`, undefined],
    [`${label}: peak RSS (median)`, `${mib(ahead.rss.median)} MiB (${range(ahead.rss)}; today ${mib(warm.rss.median)}, ${range(warm.rss)}); + ${mib(rss)} MiB a year`, `ten years: ${mib(tenYears.rss)} MiB (≤ 512)`, tenYears.rss / (512 * MiB)],
    [`${label}: live heap at its fullest (median)`, `${mib(ahead.live.median)} MiB (today ${mib(warm.live.median)}); + ${mib(live)} MiB a year`, `ten years: ${mib(tenYears.live)} MiB (the build's heap: 512)`, undefined],
    [`${label}: output`, `${(ahead.output.bytes / MB).toFixed(1)} MB, ${ahead.output.files} files; + ${(bytes / MB).toFixed(1)} MB and ${files.toFixed(0)} files a year`, `ten years: ${(tenYears.bytes / MB).toFixed(0)} MB (Pages: ≤ 1,000)`, tenYears.bytes / (1000 * MB)],
    [`${label}: largest page`, `${(ahead.output.largest.size / KB).toFixed(0)} KB ${ahead.output.largest.path}`, '≤ 300 KB', ahead.output.largest.size / (300 * KB)]
  ]
}

try {
  log(`bench: ${cli} on ${values.snapshots}, ${cores} cores, load ${load()}, work dir ${work}`)
  await cp(values.snapshots, store, { recursive: true })
  const all = await walk(store)
  const days = heldOut(all, Number(values.days))
  const held = days.flat()
  // Hold the new days out of the cold and warm builds.
  const stash = path.join(work, 'held')
  for (const f of held) {
    await cp(path.join(store, f), path.join(stash, f))
    await rm(path.join(store, f))
  }
  const storeFiles = all.filter((f) => !held.includes(f) && storePattern.test(f))
  // The floor sums every file the cold build parses: the archive captures (CSV) too, not the pages alone.
  const parsedFiles = await discover(store)
  log(`store: ${parsedFiles.length} files the build parses, ${storeFiles.length} of them pages (+ ${held.length} held out as ${days.length} new days: ${days.map((d) => d.length).join(', ')} files)`)

  const floor = await parseFloor(parsedFiles, Number(values.sample))
  log(`parse: ${floor.total.toFixed(1)} s (CPU ${floor.cpu.toFixed(1)} s) for ${parsedFiles.length} files (${floor.timed} timed: mean ${floor.mean.toFixed(1)} ms, max ${floor.max.ms.toFixed(0)} ms ${floor.max.file}); floor ${(floor.total / cores).toFixed(1)} s on ${cores} cores (load ${load()})`)

  // Pages alone: what the threads are measured on is the parse that costs (an archive file parses in 1–2 ms).
  const machine = cores > 1 ? await parallelCapacity(storeFiles, 24) : undefined
  if (machine) log(`parallel capacity: ${machine.files} files parsed by 1 thread in ${machine.alone.toFixed(1)} s, by each of ${cores} threads at once in ${machine.together.toFixed(1)} s: ${cores} threads do the work of ${machine.capacity.toFixed(2)} (load ${load()})`)

  const cold = await build('cold')
  const coldOut = await measureOutput(out)
  const warms = []
  for (let i = 0; i < Number(values.warm); i++) warms.push(await build(`warm ${i + 1}`))
  const warm = { wall: median(warms.map((w) => w.wall)), cpu: median(warms.map((w) => w.cpu)), rss: spread(warms, 'maxRss'), live: spread(warms, 'peakLive') }
  const newDays = []
  let before = coldOut
  for (const [i, day] of days.entries()) {
    for (const f of day) await cp(path.join(stash, f), path.join(store, f))
    const run = await build(`new day ${i + 1} (${day.length} files)`)
    const after = await measureOutput(out)
    const kinds = new Map([...after.kinds].map(([k, v]) => [k, v.bytes - (before.kinds.get(k)?.bytes ?? 0)]))
    newDays.push({ ...run, growth: after.bytes - before.bytes, files: after.files - before.files, kinds })
    before = after
  }
  const final = before
  // Days of the future: parsed once (a cold build of the new pages), then built warm. First days that change as the
  // store's own did, then (those taken out again) days that change every row: the most a year can add.
  const aheadCount = Number(values.ahead)
  const aheads = []
  if (aheadCount > 0) {
    for (const changes of ['history', 'every']) {
      const made = await aheadCaptures(store, await walk(store), aheadCount, changes)
      for (const rate of made.rates) log(`days ahead as the store's: ${rate}`)
      const extra = ['--today', made.last]
      const kind = changes === 'history' ? "changed as the store's days" : 'every row changed every day'
      const label = `${aheadCount} days ahead (${kind})`
      await build(`${label}: parse ${made.files.length} new captures`, extra)
      const runs = []
      for (let i = 0; i < Number(values.warm); i++) runs.push(await build(`${label}: warm ${i + 1}`, extra))
      const output = await measureOutput(out)
      aheads.push({ kind, days: aheadCount, captures: made.files.length, wall: median(runs.map((r) => r.wall)), rss: spread(runs, 'maxRss'), live: spread(runs, 'peakLive'), output })
      for (const f of made.files) await rm(path.join(store, f))
    }
  }
  const newDay = newDays.length ? { wall: median(newDays.map((d) => d.wall)), growth: newDays.reduce((n, d) => n + d.growth, 0) / newDays.length, maxRss: Math.max(...newDays.map((d) => d.maxRss)) } : undefined

  const floorS = floor.total / cores
  const rows = [
    ['cold build, wall', `${cold.wall.toFixed(1)} s`, `≤ 1.2 × floor = ${(1.2 * floorS).toFixed(1)} s`, cold.wall / (1.2 * floorS)],
    ['cold build, CPU', `${cold.cpu.toFixed(1)} s`, '', undefined],
    ['parse floor (Σ parse ÷ cores)', `${floorS.toFixed(1)} s`, `${floor.total.toFixed(1)} s ÷ ${cores}`, undefined],
    // The same parses' CPU, V8's threads included: what all cores must do for a cold build, however they share it.
    ['parse CPU floor (Σ parse CPU ÷ cores)', `${(floor.cpu / cores).toFixed(1)} s`, `${floor.cpu.toFixed(1)} s ÷ ${cores}: ${(floor.cpu / floor.total).toFixed(2)} × the parse's wall`, undefined],
    ['cold build ÷ parse CPU floor', `${(cold.wall / (floor.cpu / cores)).toFixed(2)}`, '', undefined],
    ...(machine
      ? [
          ['parallel capacity (work of all threads ÷ one)', `${machine.capacity.toFixed(2)} of ${cores}`, 'the floor assumes ' + cores, undefined],
          ['cold build ÷ (Σ parse ÷ capacity)', `${(cold.wall / (floor.total / machine.capacity)).toFixed(2)}`, `Σ parse ÷ ${machine.capacity.toFixed(2)} = ${(floor.total / machine.capacity).toFixed(1)} s`, undefined]
        ]
      : []),
    ['warm build, wall (median)', `${warm.wall.toFixed(2)} s`, '≤ 3 s', warm.wall / 3],
    ['warm build, CPU', `${warm.cpu.toFixed(2)} s`, '', undefined],
    ...(newDay ? [['one new day, wall (median)', `${newDay.wall.toFixed(2)} s`, `≤ 1.2 × warm = ${(1.2 * warm.wall).toFixed(2)} s`, newDay.wall / (1.2 * warm.wall)]] : []),
    ['peak RSS, cold', `${(cold.maxRss / MiB).toFixed(0)} MiB`, '≤ 512 MiB', cold.maxRss / (512 * MiB)],
    ['peak RSS, warm', `${(Math.max(warm.rss.max, newDay?.maxRss ?? 0) / MiB).toFixed(0)} MiB`, '≤ 512 MiB', Math.max(warm.rss.max, newDay?.maxRss ?? 0) / (512 * MiB)],
    ['files written', `${final.files}`, '', undefined],
    ['output', `${(final.bytes / MB).toFixed(1)} MB`, '≤ 100 MB', final.bytes / (100 * MB)],
    ...(newDay ? [['growth per new day (mean)', `${(newDay.growth / KB).toFixed(0)} KB`, '≤ 250 KB', newDay.growth / (250 * KB)]] : []),
    ['largest page', `${(final.largest.size / KB).toFixed(0)} KB ${final.largest.path}`, '≤ 300 KB', final.largest.size / (300 * KB)],
    ...aheads.flatMap((ahead) => aheadRows(ahead, warm, final))
  ]
  const table = [
    '| measure | value | target | ratio |',
    '|---|---|---|---|',
    ...rows.map(([m, v, t, r]) => `| ${m} | ${v} | ${t} | ${r === undefined ? '' : `${r.toFixed(2)}${r <= 1 ? ' ✓' : ' ✗'}`} |`)
  ]
  const growth = (k) => (newDays.length ? newDays.reduce((n, d) => n + (d.kinds.get(k) ?? 0), 0) / newDays.length : 0)
  const kinds = [
    '| output by kind | files | bytes | per file | growth per new day |',
    '|---|---|---|---|---|',
    ...[...final.kinds.entries()]
      .sort((a, b) => b[1].bytes - a[1].bytes)
      .map(([k, v]) => `| ${k} | ${v.files} | ${(v.bytes / MB).toFixed(2)} MB | ${(v.bytes / v.files / KB).toFixed(1)} KB | ${(growth(k) / KB).toFixed(1)} KB |`)
  ]
  console.log(`leaderlog bench: ${parsedFiles.length} + ${held.length} store files, ${cores} cores, load ${load()}\n\n${table.join('\n')}\n\n${kinds.join('\n')}`)
} finally {
  if (values.keep) log(`kept ${work}`)
  else await rm(work, { recursive: true, force: true })
}
