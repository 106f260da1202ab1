/** Laying out labels so they do not overlap: nudged apart vertically, never reordered. */

export interface Label {
  /** Left and right edges of its box. */
  x0: number
  x1: number
  /** Wanted vertical centre. */
  y: number
}

/**
 * Centres for boxes of height `height` wanted at `ys`, moved as little as
 * needed so that no two are closer than `height`, within `[min, max]` when
 * they fit (else from `min` down). Order is kept; ties keep input order.
 */
export function nudge(ys: readonly number[], height: number, min: number, max: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i)
  const out = order.map((o) => Math.min(Math.max(o.y, min), max))
  for (let k = 1; k < out.length; k++) out[k] = Math.max(out[k]!, out[k - 1]! + height)
  const last = out.length - 1
  if (last >= 0 && out[last]! > max) {
    out[last] = max
    for (let k = last - 1; k >= 0; k--) out[k] = Math.min(out[k]!, out[k + 1]! - height)
    if (out[0]! < min) {
      out[0] = min
      for (let k = 1; k < out.length; k++) out[k] = Math.max(out[k]!, out[k - 1]! + height)
    }
  }
  const result = new Array<number>(ys.length)
  order.forEach((o, k) => (result[o.i] = out[k]!))
  return result
}

/**
 * Vertical centres for labels: labels whose boxes overlap horizontally (even
 * through others) are one cluster, and each cluster is nudged apart.
 */
export function placeLabels(labels: readonly Label[], height: number, min: number, max: number): number[] {
  const byX = labels.map((l, i) => ({ l, i })).sort((a, b) => a.l.x0 - b.l.x0 || a.i - b.i)
  const out = labels.map((l) => l.y)
  let cluster: number[] = []
  let right = -Infinity
  const flush = () => {
    const ys = nudge(
      cluster.map((i) => labels[i]!.y),
      height,
      min,
      max
    )
    cluster.forEach((i, k) => (out[i] = ys[k]!))
    cluster = []
  }
  for (const { l, i } of byX) {
    if (cluster.length && l.x0 >= right) flush()
    cluster.push(i)
    right = Math.max(cluster.length === 1 ? -Infinity : right, l.x1)
  }
  if (cluster.length) flush()
  return out
}

/** A label box: horizontal edges and vertical centre. */
export type Box = Label

/** Space kept between two labels on one line: touching, `#7` and `#7` read as `#7#7`. */
const LABEL_GAP = 3

function hits(a: Box, b: Box, height: number): boolean {
  return a.x0 < b.x1 + LABEL_GAP && b.x0 < a.x1 + LABEL_GAP && Math.abs(a.y - b.y) < height
}

/**
 * Labels placed one by one in the order given (most important first), each at
 * its wanted centre or one of `offsets` from it, wherever it overlaps none of
 * `taken` and of those already placed; a label that fits nowhere is left out
 * (undefined). Returns the centres.
 */
export function placeFree(labels: readonly Label[], height: number, taken: readonly Box[] = [], offsets: readonly number[] = [0]): (number | undefined)[] {
  const placed: Box[] = [...taken]
  return labels.map((l) => {
    for (const dy of offsets) {
      const box = { x0: l.x0, x1: l.x1, y: l.y + dy }
      if (!placed.some((p) => hits(p, box, height))) {
        placed.push(box)
        return box.y
      }
    }
    return undefined
  })
}
