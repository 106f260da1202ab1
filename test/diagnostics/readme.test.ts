import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ruleIds, rules } from '../../src/diagnostics/rules.js'
import { repoRoot } from '../helpers.js'

/** The README's diagnostics table: each row's rule ids (a row may name several) and severity column. */
function readmeRules(): { id: string; severity: string }[] {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8')
  const section = /^## Diagnostics\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1]
  if (!section) throw new Error('README.md has no "## Diagnostics" section')
  const rows = section.split('\n').filter((line) => /^\| `/.test(line))
  return rows.flatMap((line) => {
    const [ids = '', severity = ''] = line.split('|').slice(1, 3)
    return [...ids.matchAll(/`([a-z-]+)`/g)].map((m) => ({ id: m[1]!, severity: severity.trim() }))
  })
}

describe("the README's diagnostics table", () => {
  it('lists every rule of the catalogue, once, and no other', () => {
    const listed = readmeRules().map((r) => r.id)
    expect(new Set(listed).size, 'a rule listed twice').toBe(listed.length)
    expect([...listed].sort()).toEqual([...ruleIds].sort())
  })

  it('gives each rule the severity of the catalogue (a rule that depends on what was found says so in its meaning)', () => {
    for (const { id, severity } of readmeRules()) {
      const rule = rules[id as keyof typeof rules]
      expect(severity, id).toBe(rule.severity)
    }
  })
})
