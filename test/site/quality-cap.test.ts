import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderAll } from '../../src/render/site.js'
import { parseBaseUrl } from '../../src/render/urls.js'
import { SHOWN_PER_FILE } from '../../src/render/view-quality.js'
import { loadSite } from '../../src/pipeline/load-site.js'
import { buildSiteModel } from '../../src/model/site.js'
import { seedStore } from './helpers.js'

describe('a data-quality page with a file of many diagnostics', () => {
  it(`lists the first ${SHOWN_PER_FILE} of the file and counts the rest by rule, with their lines`, async () => {
    const dir = await seedStore()
    // 200 rows whose score holds a foreign token (a corrupted-token error each), then 30 rows of 3 cells (ragged-row).
    const rows = Array.from({ length: 200 }, (_, i) => `| ${i + 1} | model-${i + 1} | 14${i % 10}极3 | ${1000 + i} |`)
    const ragged = Array.from({ length: 30 }, (_, i) => `| ${201 + i} | model-${201 + i} |`)
    const page = ['# LMArena Text', '', '> **Data Update Time**: 2025-11-19 08:00:00 UTC', '', '| Rank | Model | Score | Votes |', '|---:|:---|---:|---:|', ...rows, ...ragged, ''].join('\n')
    await writeFile(path.join(dir, 'lmarena-text/2025-11-19.en.md'), page)
    const site = await loadSite({ dir, shownAs: 'snapshots' })
    const files = renderAll(buildSiteModel({ ...site }), { base: parseBaseUrl('/'), registry: site.normalized.registry })
    const html = files.find((f) => f.path === 'data-quality/lmarena-text/2025-11/index.html')!.content
    const article = /<article class="quality-file">\s*<h3><code>snapshots\/lmarena-text\/2025-11-19\.en\.md<\/code><\/h3>([\s\S]*?)<\/article>/.exec(html)![1]!
    expect(article.match(/<li class="(?:error|warning)">/g)).toHaveLength(SHOWN_PER_FILE)
    // Shown: the Votes column (unknown-column, 5:26) and the scores of rows 1 to 49 (lines 7 to 55).
    expect(article).toContain('<code>5:26</code>')
    expect(article).toMatch(/<code>55:\d+<\/code>/)
    expect(article).not.toContain('<code>56:')
    const hidden = site.diagnostics.filter((d) => d.file === 'snapshots/lmarena-text/2025-11-19.en.md').length - SHOWN_PER_FILE
    expect(hidden).toBe(181)
    expect(article).toContain('<p class="more">and 181 more, on lines 56–236: 151 corrupted-token, 29 ragged-row, 1 truncated-table</p>')
  })
})
