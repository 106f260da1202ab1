/**
 * The message catalogue: every rule a diagnostic can carry, with its default
 * severity, a title and a hint. Users search for a rule id; README documents them.
 */
export type Severity = 'error' | 'warning'

export interface Rule {
  readonly severity: Severity
  readonly title: string
  readonly hint: string
}

export const rules = {
  'not-leaderboard': {
    severity: 'error',
    title: 'Not a leaderboard page',
    hint: 'Upstream published another page (e.g. the project introduction) at the leaderboard path; the file has no leaderboard table.'
  },
  'unknown-source': {
    severity: 'error',
    title: 'Unknown source format',
    hint: 'The content matches no adapter; pass `--source` to say which page it is.'
  },
  'missing-date': {
    severity: 'error',
    title: 'No data date',
    hint: 'The page carries no data update time; a snapshot cannot be dated.'
  },
  'missing-table': {
    severity: 'error',
    title: 'Leaderboard without a table',
    hint: 'The page looks like a leaderboard but contains no table of models.'
  },
  'truncated-table': {
    severity: 'error',
    title: 'Table truncated',
    hint: 'The table stops early: a placeholder row, fewer rows than announced or than the previous snapshot, or ranks that point past the last row.'
  },
  'leaked-reasoning': {
    severity: 'warning',
    title: 'Leaked model reasoning',
    hint: 'The translation model left its reasoning (`<think>…</think>`) in the page; it is ignored.'
  },
  'corrupted-token': {
    severity: 'error',
    title: 'Corrupted token in a cell',
    hint: 'A foreign token (e.g. `极`) was inserted into a cell by the translation; the value is not trusted and left out.'
  },
  'missing-header': {
    severity: 'warning',
    title: 'Missing header row',
    hint: 'The table starts with data; columns were recognised by the shape of their cells.'
  },
  'unknown-column': {
    severity: 'warning',
    title: 'Unknown column',
    hint: 'Neither the header nor the cells of this column say what it holds; it is ignored.'
  },
  'duplicate-model': {
    severity: 'warning',
    title: 'Duplicated model',
    hint: 'The same model appears twice in one snapshot; the first row is kept.'
  },
  'unparseable-number': {
    severity: 'error',
    title: 'Unparseable number',
    hint: 'A numeric cell holds something that is not a number.'
  },
  'ragged-row': {
    severity: 'error',
    title: 'Ragged row',
    hint: 'A row has a different number of cells than the header.'
  },
  'missing-cell': {
    severity: 'error',
    title: 'Missing value',
    hint: 'A row lacks a value every row of this table must have (rank, model or score).'
  },
  'unranked-row': {
    severity: 'warning',
    title: 'Unranked row',
    hint: 'Upstream lists a model it has not ranked yet (an `AutoEval` estimate instead of arena votes); it is left out of the ranking.'
  },
  'multiple-tables': {
    severity: 'warning',
    title: 'Several tables',
    hint: 'The page holds several leaderboard tables that do not continue each other; the longest is used.'
  },
  'invalid-row': {
    severity: 'error',
    title: 'Invalid row',
    hint: 'A row breaks the schema (see the message for the field, what was expected and what was found).'
  },
  'invalid-snapshot': {
    severity: 'error',
    title: 'Invalid snapshot',
    hint: 'A snapshot breaks the schema.'
  },
  'filename-mismatch': {
    severity: 'error',
    title: 'File name disagrees with content',
    hint: 'Store files are named `<source>/<YYYY-MM-DD>.<lang>.md` after the data date, source and language written inside.'
  },
  'misplaced-file': {
    severity: 'warning',
    title: 'File outside the store convention',
    hint: 'Files under snapshots/ must be `<source>/<YYYY-MM-DD>.<lang>.md`.'
  },
  'unreadable-file': {
    severity: 'error',
    title: 'Unreadable file',
    hint: 'The file could not be read.'
  },
  'invalid-sources': {
    severity: 'error',
    title: 'Invalid sources file',
    hint: 'The sources file (`snapshots/sources.json`) is not JSON or breaks its schema: `{"sources":[{"source","language","url"}]}` with a known source, a BCP 47 language and an http(s) URL.'
  },
  'variant-disagreement': {
    severity: 'warning',
    title: 'Language variants disagree',
    hint: 'Two language variants of one board and date (e.g. the EN and FR pages of a day) give a model different values; the original language wins (zh, then en, then the rest).'
  },
  'invalid-registry-data': {
    severity: 'error',
    title: 'Invalid registry data file',
    hint: 'The registry data file (`snapshots/registry.json`) is not JSON or breaks its schema: `{"providerPrefixes":[…],"models":[{"id","name","organization","aliases","note"}],"organizations":[{"name","aliases"}],"licenses":[{"name","spdx","openWeights","aliases"}]}`; the file is ignored until fixed.'
  }
} as const satisfies Record<string, Rule>

export type RuleId = keyof typeof rules

export const ruleIds = Object.keys(rules) as RuleId[]
