import { describe, expect, it } from 'vitest'
import { createProgress } from '../../src/commands/progress.js'

function terminal(isTTY: boolean) {
  let out = ''
  return { stream: { isTTY, write: (s: string) => (out += s) }, out: () => out }
}

describe('progress bar', () => {
  it('stays silent during the first two seconds, then draws on a terminal and clears itself', () => {
    let t = 0
    const tty = terminal(true)
    const p = createProgress(tty.stream, () => t)
    p.update(1, 4, 'pages rendered')
    t = 1999
    p.update(2, 4, 'pages rendered')
    expect(tty.out()).toBe('')
    t = 2000
    p.update(3, 4, 'pages rendered')
    expect(tty.out()).toBe('\r\x1b[K[##################      ]  75% pages rendered 3/4')
    t = 2050
    p.update(3, 4, 'pages rendered') // throttled
    p.update(4, 4, 'pages rendered') // the last step always draws
    expect(tty.out().endsWith('[########################] 100% pages rendered 4/4')).toBe(true)
    p.finish()
    expect(tty.out().endsWith('\r\x1b[K')).toBe(true)
  })

  it('never draws when stderr is not a terminal', () => {
    let t = 0
    const pipe = terminal(false)
    const p = createProgress(pipe.stream, () => t)
    t = 10_000
    p.update(1, 2, 'x')
    p.finish()
    expect(pipe.out()).toBe('')
  })
})
