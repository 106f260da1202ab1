#!/usr/bin/env node
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildCommand, usage as buildUsage } from './commands/build.js'
import { checkCommand, usage as checkUsage } from './commands/check.js'
import { fetchCommand, usage as fetchUsage } from './commands/fetch.js'
import { importCommand, usage as importUsage } from './commands/import.js'
import { UsageError, type Io } from './commands/io.js'
import { parseCommand, usage as parseUsage } from './commands/parse.js'
import { registryCommand, usage as registryUsage } from './commands/registry.js'

interface Command {
  run: (argv: string[], io: Io) => Promise<number>
  usage: string
  summary: string
}

export const commands: Record<string, Command> = {
  parse: { run: parseCommand, usage: parseUsage, summary: 'parse captured pages and print rows and diagnostics' },
  check: { run: checkCommand, usage: checkUsage, summary: 'validate every snapshot in the store' },
  build: { run: buildCommand, usage: buildUsage, summary: 'build the static site (pages, data, feed) into dist/' },
  import: { run: importCommand, usage: importUsage, summary: 'copy captures (files or git history) into the store' },
  registry: { run: registryCommand, usage: registryUsage, summary: 'reconcile every snapshot into one model registry (`registry suggest`: unlinked look-alikes)' },
  fetch: { run: fetchCommand, usage: fetchUsage, summary: 'download the pages in the sources file and store new snapshots' }
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
  const command = commands[name]
  if (!command) {
    io.stderr.write(`leaderlog: unknown command \`${name}\`\n\n${help()}`)
    return 2
  }
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
