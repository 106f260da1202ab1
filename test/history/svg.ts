/** Small readers of the SVG strings the chart builders return (no DOM needed). */

export interface TextEl {
  cls: string
  x: number
  y: number
  anchor: string
  content: string
}

export function texts(svg: string, cls?: string): TextEl[] {
  return [...svg.matchAll(/<text class="([^"]*)" x="([^"]*)" y="([^"]*)"([^>]*)>([^<]*)<\/text>/g)]
    .map((m) => ({ cls: m[1]!, x: Number(m[2]), y: Number(m[3]), anchor: /text-anchor="end"/.test(m[4]!) ? 'end' : /text-anchor="middle"/.test(m[4]!) ? 'middle' : 'start', content: m[5]! }))
    .filter((t) => cls === undefined || t.cls.split(' ').includes(cls))
}

/** The `<g class="chart-series …">` groups, in order. */
export function groups(svg: string): string[] {
  return [...svg.matchAll(/<g class="chart-series[^"]*">.*?<\/g>/g)].map((m) => m[0])
}

/** `d` of every path with the class. */
export function paths(svg: string, cls: string): string[] {
  return [...svg.matchAll(/<path class="([^"]*)" d="([^"]*)"/g)].filter((m) => m[1]!.split(' ').includes(cls)).map((m) => m[2]!)
}

/** Coordinate pairs of a path made of M/L commands. */
export function coords(d: string): [number, number][] {
  return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])])
}

export function count(svg: string, pattern: RegExp): number {
  return (svg.match(new RegExp(pattern.source, 'g')) ?? []).length
}

/** Every tag is one of the few the charts use: nothing injected. */
export function onlyKnownTags(svg: string): boolean {
  return [...svg.matchAll(/<[^>]*>/g)].every((m) => /^<\/?(svg|title|desc|g|path|rect|text)[\s>/]/.test(m[0]))
}

/** Boxes of text labels (same width estimate as the charts) that overlap each other. */
export function overlapping(labels: readonly TextEl[], fontSize: number): [string, string][] {
  const box = (t: TextEl) => {
    const w = [...decode(t.content)].length * fontSize * 0.6
    const x0 = t.anchor === 'end' ? t.x - w : t.anchor === 'middle' ? t.x - w / 2 : t.x
    return { x0, x1: x0 + w, y0: t.y - fontSize * 0.85, y1: t.y + fontSize * 0.15 }
  }
  const out: [string, string][] = []
  labels.forEach((a, i) => {
    for (const b of labels.slice(i + 1)) {
      const p = box(a)
      const q = box(b)
      if (p.x0 < q.x1 - 0.01 && q.x0 < p.x1 - 0.01 && p.y0 < q.y1 - 0.01 && q.y0 < p.y1 - 0.01) out.push([a.content, b.content])
    }
  })
  return out
}

export function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
}
