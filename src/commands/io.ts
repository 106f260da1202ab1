/** What a command may touch: its streams and working directory. Tests pass their own. */
export interface Io {
  stdout: { write(chunk: string): unknown; isTTY?: boolean }
  stderr: { write(chunk: string): unknown; isTTY?: boolean }
  cwd: string
}

/** A usage error: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

export function seconds(ms: number): string {
  return (ms / 1000).toFixed(2)
}

export function plural(n: number, word: string, many = word + 's'): string {
  return `${n} ${n === 1 ? word : many}`
}
