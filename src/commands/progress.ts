/**
 * A progress bar on stderr, only on a terminal and only once the work has
 * taken longer than `delayMs` (a quick build prints nothing but its summary).
 */
export interface Progress {
  update(done: number, total: number, label: string): void
  /** Clear the bar (before other output, or at the end); later updates draw it again. */
  finish(): void
}

export function createProgress(stream: { write(chunk: string): unknown; isTTY?: boolean }, now: () => number, delayMs = 2000): Progress {
  if (!stream.isTTY) return { update() {}, finish() {} }
  const started = now()
  let drawn = false
  let lastDraw = 0
  return {
    update(done, total, label) {
      const t = now()
      if (t - started < delayMs || (t - lastDraw < 100 && done < total)) return
      lastDraw = t
      drawn = true
      const width = 24
      const filled = total > 0 ? Math.round((done / total) * width) : 0
      const percent = total > 0 ? Math.floor((done / total) * 100) : 0
      stream.write(`\r\x1b[K[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(percent).padStart(3)}% ${label} ${done}/${total}`)
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K')
      drawn = false
    }
  }
}
