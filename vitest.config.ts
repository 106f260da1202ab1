import { defineConfig } from 'vitest/config'

// Integration tests start servers, browsers and whole builds; on a busy 2-core
// machine they can take many times their usual time. No test may fail because
// the machine is slow: generous limits here, and tests that are slow by nature
// say their own.
export default defineConfig({
  test: {
    // One temporary folder per run, removed at its end (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000
  }
})
