/** A line and column, both from 1. */
export interface TextPlace {
  line: number
  column: number
}

/**
 * The place of an index in a text (line and column from 1, a column counted
 * in UTF-16 units), by a binary search over the offsets where lines start:
 * for texts asked about many places.
 */
export function placeFinder(text: string): (index: number) => TextPlace {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return (index) => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (starts[mid]! <= index) low = mid
      else high = mid - 1
    }
    return { line: low + 1, column: index - starts[low]! + 1 }
  }
}
