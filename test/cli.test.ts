import { describe, expect, it } from 'vitest'
import { main } from '../src/cli.js'

function capture() {
  let out = ''
  let err = ''
  return {
    io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, cwd: process.cwd() },
    out: () => out,
    err: () => err
  }
}

describe('cli', () => {
  it('lists its commands', async () => {
    const c = capture()
    expect(await main(['--help'], c.io)).toBe(0)
    expect(c.out()).toMatch(/parse/)
    expect(c.out()).toMatch(/check/)
    expect(c.out()).toMatch(/import/)
  })

  it('rejects an unknown command with exit 2', async () => {
    const c = capture()
    expect(await main(['frobnicate'], c.io)).toBe(2)
    expect(c.err()).toMatch(/unknown command `frobnicate`/)
  })
})
