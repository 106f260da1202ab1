export { parseCsv, type CsvInput, type CsvOutput } from './adapter.js'
export { looksLikeCsv } from './detect.js'
export { sliceByDate, type Slice } from './slice.js'
