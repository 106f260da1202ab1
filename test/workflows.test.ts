import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, truncate, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { main } from '../src/cli.js'
import { heapWarning } from '../src/commands/heap.js'
import { captureIo, copySeeds, repoRoot, tempDir } from './helpers.js'

const run = promisify(execFile)
const validator = path.join(repoRoot, 'node_modules/.bin/action-validator')
const workflows = path.join(repoRoot, '.github/workflows')

/** Run the workflow linter (@action-validator/cli) on a file: exit code and output. */
async function lint(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(validator, [file])
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return { code: typeof e.code === 'number' ? e.code : -1, output: (e.stdout ?? '') + (e.stderr ?? '') }
  }
}

/** The jobs of a workflow, each as its block of YAML text (jobs are keys indented by two spaces under `jobs:`). */
function jobs(yaml: string): Record<string, string> {
  const lines = yaml.split('\n')
  const start = lines.indexOf('jobs:')
  const out: Record<string, string> = {}
  let current: string | undefined
  for (const line of lines.slice(start + 1)) {
    const m = /^ {2}([a-z][\w-]*):\s*$/.exec(line)
    if (m) {
      current = m[1]!
      out[current] = ''
    } else if (/^\S/.test(line)) break
    else if (current) out[current] += line + '\n'
  }
  return out
}

describe('GitHub workflows', () => {
  it.each(['ci.yml', 'daily.yml'])('%s passes the workflow linter', async (name) => {
    const r = await lint(path.join(workflows, name))
    expect(r.output).toBe('')
    expect(r.code).toBe(0)
  })

  it('the linter fails on a broken workflow', async () => {
    const dir = await tempDir('leaderlog-workflow-')
    const file = path.join(dir, 'broken.yml')
    // A job without `runs-on`, and a step that both uses an action and runs a command.
    await writeFile(file, 'on: push\njobs:\n  test:\n    steps:\n      - uses: actions/checkout@v4\n        run: npm test\n')
    const r = await lint(file)
    expect(r.code).toBe(1)
    expect(r.output).toMatch(/runs-on/)
  })

  describe('ci.yml', () => {
    const yaml = readFileSync(path.join(workflows, 'ci.yml'), 'utf8')
    it('runs on push and pull request: npm ci, npm test with Chromium, npm run build', () => {
      expect(yaml).toMatch(/^on:\n {2}push:\n {2}pull_request:/m)
      const order = ['uses: actions/checkout@', 'uses: actions/setup-node@', 'apt-get install -y', 'run: npm ci', 'run: npm test', 'run: npm run build'].map((s) => yaml.indexOf(s))
      expect(order.every((i) => i > 0)).toBe(true)
      expect([...order].sort((a, b) => a - b)).toEqual(order)
      expect(yaml).toMatch(/apt-get install .*chromium/)
      expect(yaml).toMatch(/cache: npm/)
    })
  })

  describe('daily.yml', () => {
    const yaml = readFileSync(path.join(workflows, 'daily.yml'), 'utf8')
    const job = jobs(yaml)

    it('runs daily after upstream updates (08:00 UTC) and by hand, never two at once', () => {
      expect(yaml).toMatch(/schedule:\n\s+# .*\n\s+- cron: '30 8 \* \* \*'/)
      expect(yaml).toMatch(/^ {2}workflow_dispatch:/m)
      expect(yaml).toMatch(/^concurrency:\n {2}group: daily-rebuild\n {2}cancel-in-progress: false/m)
    })

    it('fetches, checks, commits, builds and deploys in dependent jobs', () => {
      expect(Object.keys(job)).toEqual(['fetch', 'build', 'deploy', 'upstream'])
      expect(job.fetch).toMatch(/node lib\/cli\.js fetch/)
      expect(job.fetch).toMatch(/node lib\/cli\.js check/)
      expect(job.fetch).toMatch(/git add -- snapshots\//)
      expect(job.fetch).toMatch(/git diff --cached --quiet -- snapshots\//)
      expect(job.build).toMatch(/^ {4}needs: fetch$/m)
      expect(job.build).toMatch(/ref: \$\{\{ needs\.fetch\.outputs\.sha \}\}/)
      expect(job.build).toMatch(/npm run build/)
      expect(job.build).toMatch(/uses: actions\/upload-pages-artifact@v\d+\n\s+with:\n\s+path: dist\//)
      expect(job.build).toMatch(/uses: actions\/cache@v\d+\n\s+with:\n\s+path: \.cache\/\n\s+key: leaderlog-parse-v\$\{\{ steps\.parser\.outputs\.version \}\}/)
      expect(job.deploy).toMatch(/^ {4}needs: build$/m)
      expect(job.deploy).toMatch(/uses: actions\/deploy-pages@v\d+/)
      expect(job.deploy).toMatch(/environment:\n\s+name: github-pages\n\s+url: \$\{\{ steps\.deployment\.outputs\.page_url \}\}/)
      // A failed fetch (some page broken or unreachable) builds and deploys nothing,
      // unless a maintainer asks for it in a manual run; deploy keeps the default
      // "previous job succeeded" condition.
      expect(job.build).toMatch(/^ {4}if: \$\{\{ needs\.fetch\.outputs\.upstream == 'ok' \|\| inputs\.deploy_despite_upstream \}\}$/m)
      expect(yaml).toMatch(/workflow_dispatch:\n\s+inputs:\n\s+deploy_despite_upstream:\n[^\n]*\n\s+type: boolean\n\s+default: false/)
      expect(job.deploy).not.toMatch(/^ {4}if:/m)
    })

    it('reuses the parse cache: the fetch job restores it for its checks and fetch, the build job restores and saves it', () => {
      const key = /key: leaderlog-parse-v\$\{\{ steps\.parser\.outputs\.version \}\}-\$\{\{ github\.run_id \}\}\n\s+restore-keys: \|\n\s+leaderlog-parse-v\$\{\{ steps\.parser\.outputs\.version \}\}-/
      expect(job.fetch).toMatch(/uses: actions\/cache\/restore@v\d+\n\s+with:\n\s+path: \.cache\/\n/)
      expect(job.fetch).toMatch(key)
      expect(job.build).toMatch(key)
      // The key is the digest of the parser's code, as the build computes it.
      for (const block of [job.fetch!, job.build!]) expect(block).toMatch(/import\('\.\/lib\/pipeline\/load-site\.js'\); console\.log\('version=' \+ m\.parseCacheDigest\(\)\)/)
      expect(job.fetch!.match(/node lib\/cli\.js (check|fetch) --cache \.cache\/parse/g)).toEqual(['check --cache .cache/parse', 'fetch --cache .cache/parse', 'check --cache .cache/parse'].map((c) => `node lib/cli.js ${c}`))
      expect(job.build).toMatch(/npm run build -- .*--cache \.cache\/parse/)
      // Restore comes before the first use.
      expect(job.fetch!.indexOf('actions/cache/restore@')).toBeLessThan(job.fetch!.indexOf('node lib/cli.js check'))
    })

    it('fails the build before deploying a site over the 1 GB GitHub Pages publishes, and warns from 700 MB', async () => {
      const script = stepScript('Check the site fits GitHub Pages')
      expect(job.build!.indexOf('Check the site fits GitHub Pages')).toBeLessThan(job.build!.indexOf('upload-pages-artifact'))
      const site = async (bytes: number) => {
        const dir = await tempDir('leaderlog-size-')
        await mkdir(path.join(dir, 'dist/data'), { recursive: true })
        await writeFile(path.join(dir, 'dist/index.html'), 'home')
        await writeFile(path.join(dir, 'dist/data/big.json'), '')
        await truncate(path.join(dir, 'dist/data/big.json'), bytes) // sparse: an apparent size, no disk
        try {
          const { stdout } = await run('bash', ['-e', '-c', script], { cwd: dir })
          return { code: 0, stdout }
        } catch (error) {
          return { code: (error as { code: number }).code, stdout: (error as { stdout: string }).stdout }
        }
      }
      const small = await site(50_000_000)
      expect(small.code).toBe(0)
      expect(small.stdout).toMatch(/^Site: 500\d{5} bytes in 2 files$/m)
      expect(small.stdout).not.toContain('::')
      const large = await site(800_000_000)
      expect(large.code).toBe(0)
      expect(large.stdout).toMatch(/::warning::The site is 800\d{6} bytes/)
      const over = await site(1_000_000_001)
      expect(over.code).toBe(1)
      expect(over.stdout).toMatch(/::error::The site is 100000\d{4} bytes, over the 1 GB/)
    })

    it('gives each job only the permissions it needs', () => {
      expect(yaml).toMatch(/^permissions: \{\}$/m)
      const permissions = (block: string) => /^ {4}permissions:(?: \{\})?\n((?: {6}.*\n)*)/m.exec(block)?.[1]?.trim().split('\n').map((l) => l.replace(/\s*#.*/, '').trim()).filter(Boolean) ?? null
      expect(permissions(job.fetch!)).toEqual(['contents: write'])
      expect(permissions(job.build!)).toEqual(['contents: read', 'pages: read'])
      expect(permissions(job.deploy!)).toEqual(['pages: write', 'id-token: write'])
      expect(permissions(job.upstream!)).toEqual([])
    })

    /** The shell script of a step, by its name. */
    function stepScript(name: string): string {
      const lines = yaml.split('\n')
      const at = lines.findIndex((l) => l.trim() === `- name: ${name}`)
      expect(at).toBeGreaterThan(0)
      const run = lines.findIndex((l, i) => i > at && /^\s+run: \|$/.test(l))
      const indent = /^\s*/.exec(lines[run + 1]!)![0].length
      const body: string[] = []
      for (const line of lines.slice(run + 1)) {
        if (line.trim() && /^\s*/.exec(line)![0].length < indent) break
        body.push(line.slice(indent))
      }
      return body.join('\n')
    }

    /** Run a step's script with bash -e as Actions does, `node` (or `program`) replaced by a stand-in that prints `out` and exits `code`. */
    async function runStep(script: string, stub: { out: string; code: number }, program = 'node') {
      const dir = await tempDir('leaderlog-step-')
      const bin = path.join(dir, 'bin')
      await mkdir(bin)
      await writeFile(path.join(bin, program), `#!/bin/sh\nprintf '%s\\n' "$FAKE_OUT"\nexit "$FAKE_CODE"\n`, { mode: 0o755 })
      const env = { PATH: `${bin}:${process.env.PATH}`, RUNNER_TEMP: dir, GITHUB_OUTPUT: path.join(dir, 'output'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary'), FAKE_OUT: stub.out, FAKE_CODE: String(stub.code) }
      await writeFile(env.GITHUB_OUTPUT, '')
      await writeFile(env.GITHUB_STEP_SUMMARY, '')
      let code = 0
      let stdout = ''
      try {
        stdout = (await run('bash', ['-e', '-c', script], { env })).stdout
      } catch (error) {
        code = (error as { code: number }).code
        stdout = (error as { stdout: string }).stdout
      }
      return { code, stdout, output: readFileSync(env.GITHUB_OUTPUT, 'utf8'), summary: readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8') }
    }

    it('shows the warning of a build whose heap nears its limit on the run\'s page, and fails with the build', async () => {
      const script = stepScript('Build').replaceAll('${{ steps.pages.outputs.base_url }}', 'https://example.org/leaderlog')
      const summary = 'Wrote 4,902 files (659 snapshots, 509 models) in 8.30 s, 6 of 1,171 store files parsed'
      const quiet = await runStep(script, { out: summary, code: 0 }, 'npm')
      expect(quiet.code).toBe(0)
      expect(quiet.stdout).toContain(summary)
      expect(quiet.stdout).not.toContain('::')
      const warned = await runStep(script, { out: `${summary}\n${heapWarning({ peakLive: 430 * 2 ** 20, limit: 560 * 2 ** 20 })}`, code: 0 }, 'npm')
      expect(warned.code).toBe(0)
      expect(warned.stdout).toMatch(/^::warning::the build kept up to 430 MB alive, 77 % of its 560 MB heap: /m)
      const failed = await runStep(script, { out: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory', code: 134 }, 'npm')
      expect(failed.code).toBe(134)
    })

    it('goes on after a broken or unreachable page, and stops when fetch cannot run', async () => {
      const script = stepScript('Fetch upstream pages')
      const ok = await runStep(script, { out: 'Fetched 15 pages in 1.00 s: 1 stored, 14 unchanged, 0 older, 0 broken, 0 unreachable', code: 0 })
      expect(ok.code).toBe(0)
      expect(ok.output).toBe('upstream=ok\n')
      expect(ok.summary).toContain('1 stored, 14 unchanged')
      const partial = await runStep(script, { out: 'Fetched 15 pages in 1.00 s: 1 stored, 13 unchanged, 0 older, 1 broken, 0 unreachable', code: 1 })
      expect(partial.code).toBe(0)
      expect(partial.output).toBe('upstream=failed\n')
      const cannot = await runStep(script, { out: 'snapshots/sources.json:3:5: error … [invalid-sources]', code: 2 })
      expect(cannot.code).toBe(2)
      expect(cannot.stdout).toContain('::error::leaderlog fetch could not run (exit 2)')
    })

    it('stops before committing when the new snapshots add errors to the store', async () => {
      const script = (before: string) => stepScript('Check the store').replace('${{ steps.before.outputs.errors }}', before)
      const summary = (errors: number) => `Checked 9 files (9 snapshots, 900 rows): ${errors} ${errors === 1 ? 'error' : 'errors'}, 0 warnings in 1.00 s`
      expect((await runStep(script('0'), { out: summary(0), code: 0 })).code).toBe(0)
      // Errors the store already had (e.g. imported captures) do not stop the run.
      expect((await runStep(script('2'), { out: summary(2), code: 1 })).code).toBe(0)
      const worse = await runStep(script('2'), { out: summary(3), code: 1 })
      expect(worse.code).toBe(1)
      expect(worse.stdout).toContain('::error::The new snapshots add errors to the store (2 → 3)')
      // A check that printed no summary is not taken for a clean store.
      expect((await runStep(script('0'), { out: 'Cannot read snapshots', code: 1 })).code).toBe(1)
    })

    it('commits only snapshots/, only when something is new, and pushes it', async () => {
      const dir = await tempDir('leaderlog-commit-')
      const git = (cwd: string, ...args: string[]) => run('git', ['-c', 'init.defaultBranch=main', '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd })
      await git(dir, 'init', '--bare', '-q', 'remote.git')
      await git(dir, 'clone', '-q', 'remote.git', 'work')
      const work = path.join(dir, 'work')
      await mkdir(path.join(work, 'snapshots/lmarena-text'), { recursive: true })
      await writeFile(path.join(work, 'snapshots/lmarena-text/2025-11-18.en.md'), 'old day\n')
      await writeFile(path.join(work, 'README.md'), 'readme\n')
      await git(work, 'add', '.')
      await git(work, 'commit', '-q', '-m', 'start')
      await git(work, 'push', '-q', 'origin', 'HEAD:main')
      const script = stepScript('Commit new snapshots')
      const step = async () => {
        const output = path.join(dir, 'output')
        await writeFile(output, '')
        const { stdout } = await run('bash', ['-e', '-c', script], { cwd: work, env: { ...process.env, BRANCH: 'main', GITHUB_OUTPUT: output } })
        return { stdout, output: readFileSync(output, 'utf8') }
      }
      const head = async (ref = 'HEAD') => (await git(work, 'rev-parse', ref)).stdout.trim()

      // Nothing new: no commit, the output names the current commit.
      const start = await head()
      const idle = await step()
      expect(idle.stdout).toContain('No new snapshots.')
      expect(idle.output).toBe(`sha=${start}\n`)
      expect(await head()).toBe(start)

      // A new day and an unrelated edit: only the snapshot is committed and pushed.
      await writeFile(path.join(work, 'snapshots/lmarena-text/2025-11-21.en.md'), 'new day\n')
      await writeFile(path.join(work, 'README.md'), 'edited\n')
      const busy = await step()
      const pushed = (await run('git', ['rev-parse', 'main'], { cwd: path.join(dir, 'remote.git') })).stdout.trim()
      expect(busy.output).toBe(`sha=${pushed}\n`)
      expect(pushed).not.toBe(start)
      const log = (await git(work, 'log', '-1', '--format=%an%n%s%n%n%b', pushed)).stdout
      expect(log).toBe('github-actions[bot]\nSnapshots: 1 new from the daily fetch\n\nsnapshots/lmarena-text/2025-11-21.en.md\n\n')
      const files = (await git(work, 'diff-tree', '--no-commit-id', '--name-only', '-r', pushed)).stdout
      expect(files).toBe('snapshots/lmarena-text/2025-11-21.en.md\n')
      expect((await git(work, 'status', '--porcelain')).stdout).toBe(' M README.md\n')
    })

    it('reads the error count from the real `leaderlog check` summary', async () => {
      // The workflow's own extraction, exactly as written there (thousands separators removed).
      const extract = /(sed -E '[^']+' \| tr -d ,)/.exec(yaml)?.[1]
      expect(extract).toBeDefined()
      const count = async (text: string) => (await run('bash', ['-c', `printf '%s' "$1" | tail -n 1 | ${extract!}`, 'sh', text])).stdout.trim()
      const c = captureIo(await copySeeds())
      await main(['check', '--snapshots', '.'], c.io)
      expect(await count(c.out())).toBe('0')
      expect(await count('Checked 9 files (9 snapshots, 900 rows): 1 error, 3 warnings in 1.00 s\n')).toBe('1')
      expect(await count('Checked 974 files (993 snapshots, 216,710 rows): 1,234 errors, 568 warnings in 1.00 s\n')).toBe('1234')
    })
  })
})
