#!/usr/bin/env node
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { UsageError, type Io } from './commands/io.js'

interface Command {
  /** The command's module, loaded when the command runs: a build loads neither the fetcher nor, when every file is cached, the parser. */
  load: () => Promise<{ run: (argv: string[], io: Io) => Promise<number>; usage: string }>
  summary: string
}

export const commands: Record<string, Command> = {
  parse: { load: () => import('./commands/parse.js').then((m) => ({ run: m.parseCommand, usage: m.usage })), summary: 'parse captured pages and print rows and diagnostics' },
  check: { load: () => import('./commands/check.js').then((m) => ({ run: m.checkCommand, usage: m.usage })), summary: 'validate every snapshot in the store' },
  build: { load: () => import('./commands/build.js').then((m) => ({ run: m.buildCommand, usage: m.usage })), summary: 'build the static site (pages, data, feed) into dist/' },
  import: { load: () => import('./commands/import.js').then((m) => ({ run: m.importCommand, usage: m.usage })), summary: 'copy captures (files or git history) into the store' },
  registry: { load: () => import('./commands/registry.js').then((m) => ({ run: m.registryCommand, usage: m.usage })), summary: 'reconcile every snapshot into one model registry (`registry suggest`: unlinked look-alikes)' },
  fetch: { load: () => import('./commands/fetch.js').then((m) => ({ run: m.fetchCommand, usage: m.usage })), summary: 'download the pages in the sources file and store new snapshots' }
}

function help(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length))
  return `Usage: leaderlog <command> [options]\n\nCommands:\n${Object.entries(commands)
    .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
    .join('\n')}\n\nRun \`leaderlog <command> --help\` for a command's options.\n`
}

/** Run the CLI; returns the exit code (errors are printed once, never thrown). */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help())
    return name ? 0 : 2
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write('leaderlog 0.1.0\n')
    return 0
  }
  if (!Object.hasOwn(commands, name)) {
    io.stderr.write(`leaderlog: unknown command \`${name}\`\n\n${help()}`)
    return 2
  }
  const command = await commands[name]!.load()
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.usage + '\n')
    return 0
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`leaderlog ${name}: ${(error as Error).message}\n\n${command.usage}\n`)
      return 2
    }
    io.stderr.write(`leaderlog ${name}: ${(error as Error).message}\n`)
    return 1
  }
}

function isEntry(): boolean {
  const entry = process.argv[1]
  if (!entry) return false
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isEntry()) {
  // `leaderlog parse … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
  process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() })
}
