/**
 * The message catalogue: every rule a diagnostic can carry, with its default
 * severity, a title, a hint, and the one function that words its message from
 * the values a call site found. Call sites pass values, never sentences, so a
 * rule reads the same wherever it fires and users can search for its id.
 * Rule ids are permanent (README documents them); messages say what was
 * found, in backticks, and what was expected.
 */
import { quote } from './quote.js'
import type { CsvLayout } from '../core/archives.js'

export type Severity = 'error' | 'warning'

export interface Rule<A> {
  readonly severity: Severity
  readonly title: string
  readonly hint: string
  readonly message: (args: A) => string
  /** For a rule whose severity depends on what was found (else `severity`). */
  readonly severityOf?: (args: A) => Severity
}

function rule<A = void>(r: Rule<A>): Rule<A> {
  return r
}

/** What the zod helper (`zod.ts`) reports of a schema issue. */
export interface SchemaIssue {
  /** Dotted path of the field (`rows.3.score`, `models.2.id`); `''` for the whole value. */
  field: string
  /** What the schema expects, in words (`a number`, `an id [a-z0-9][a-z0-9.-]*`). */
  expected: string
  /** The value found, as JSON; undefined when there is none. */
  found: string | undefined
  /** Unknown object keys, for an `unrecognized_keys` issue. */
  keys?: string[]
}

export type Truncation =
  | { kind: 'placeholder'; text: string }
  | { kind: 'mid-row'; cells: number; width: number }
  | { kind: 'empty' }
  | { kind: 'announced'; rows: number; declared: number }
  | { kind: 'spreads'; rows: number; lowest: number }
  | { kind: 'previous'; rows: number; board: string; expected: number; date: string }
  | { kind: 'page-end'; after: string }
  | { kind: 'open-quote' }
  | { kind: 'marker'; text: string; rows: number }
  | { kind: 'rank-jump'; rank: number; row: number }
  | { kind: 'original'; rows: number; board: string; expected: number; language: string }

const megabytes = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`

const shown = (found: string | undefined): string => (found === undefined ? 'nothing' : quote(found))

export const rules = {
  'not-leaderboard': rule<{ page: string; expected?: 'seal' }>({
    severity: 'error',
    title: 'Not a leaderboard page',
    hint: 'Upstream published another page (e.g. the project introduction) at the leaderboard path; the file has no leaderboard table.',
    message: ({ page, expected }) =>
      `Unexpected page ${quote(page)}, expected ${expected === 'seal' ? 'SEAL boards (a title, `Model`, `Score95% Confidence`, then rows)' : 'a leaderboard with a table of models'}`
  }),
  'file-too-large': rule<{ size: number; limit: number }>({
    severity: 'error',
    title: 'File too large',
    hint: 'The file is larger than any leaderboard page (a 270-row page is about 150 KB); it is not parsed, and the run goes on.',
    message: ({ size, limit }) => `Unexpected file of ${megabytes(size)}, expected at most ${megabytes(limit)} (a leaderboard page is about 150 KB); not parsed`
  }),
  'line-too-long': rule<{ chars: number; limit: number; row: boolean }>({
    severity: 'warning',
    title: 'Line too long',
    hint: 'A line longer than any page has (a table row of upstream is at most about 1,300 characters) would make the markdown parse slow; it is left out before parsing, and the rest of the file is read.',
    message: ({ chars, limit, row }) =>
      `Unexpected line of ${chars.toLocaleString('en-US')} characters, expected at most ${limit.toLocaleString('en-US')}; ${row ? 'the table row is left out' : 'left out'}`,
    severityOf: ({ row }) => (row ? 'error' : 'warning')
  }),
  'paragraph-too-long': rule<{ chars: number; lines: number; limit: number }>({
    severity: 'warning',
    title: 'Paragraph too long',
    hint: 'Text outside tables longer than any page has (upstream\'s longest paragraph is about 2,000 characters) would make the markdown parse slow; it is left out before parsing, and the rest of the file is read.',
    message: ({ chars, lines, limit }) =>
      `Unexpected paragraph of ${chars.toLocaleString('en-US')} characters (${lines} line${lines === 1 ? '' : 's'}), expected at most ${limit.toLocaleString('en-US')}; left out`
  }),
  'nesting-too-deep': rule<{ nesting: number; indent: number; lines: number; limits: { nesting: number; indent: number } }>({
    severity: 'warning',
    title: 'Nesting too deep',
    hint: 'Lines inside more quotes and lists, or indented further, than any page is (upstream nests at most one quote) would make the markdown parse slow or overflow the stack; they are left out before parsing, and the rest of the file is read.',
    message: ({ nesting, indent, lines, limits }) =>
      `Unexpected ${nesting > limits.nesting ? `nesting ${nesting} quotes and lists deep` : `indentation of ${indent} characters`} (${lines} line${lines === 1 ? '' : 's'}), expected at most ${nesting > limits.nesting ? limits.nesting : limits.indent}; left out`
  }),
  'unknown-source': rule<{ source: string }>({
    severity: 'error',
    title: 'Unknown source format',
    hint: 'The content matches no adapter; pass `--source` to say which page it is.',
    message: ({ source }) => `Unknown source ${quote(source)}, expected one of the sources leaderlog knows`
  }),
  'missing-date': rule<{ fallback?: string; csv?: boolean }>({
    severity: 'error',
    title: 'No data date',
    hint: 'The page carries no data update time; a snapshot cannot be dated. A CSV export carries none by design: it is dated by its store name, `--date` or a date in its file name.',
    message: ({ fallback, csv }) =>
      csv
        ? 'File has no data date, expected a `date` column or a date to know it by (its store name `<YYYY-MM-DD>.en-x-<archive>.csv`, `import --date`, or a date in its file name)'
        : `Page has no data time, expected a line such as \`**Data Update Time**: 2025-11-18 08:08:22 UTC\`${fallback ? `; the file name's date ${fallback} is used` : ''}`
  }),
  'missing-table': rule<{ kind: 'page'; page: string; otherTables: number } | { kind: 'board'; board: string } | { kind: 'undated' }>({
    severity: 'error',
    title: 'Leaderboard without a table',
    hint: 'The page looks like a leaderboard but contains no table of models.',
    message: (a) =>
      a.kind === 'page'
        ? `Page ${quote(a.page)} has no table of models${a.otherTables ? ` (${a.otherTables} other table${a.otherTables > 1 ? 's' : ''})` : ''}, expected a leaderboard table`
        : a.kind === 'board'
          ? `Board ${quote(a.board)} has no rows, expected rank, name, score and interval lines`
          : 'Page holds no dated leaderboard snapshot, expected a leaderboard table and its data time'
  }),
  'truncated-table': rule<Truncation>({
    severity: 'error',
    title: 'Table truncated',
    hint: 'The table stops early or skips rows: a placeholder row or a note (`<!-- table continues… -->`) instead of rows, a table cut mid-row, ranks that jump past the rows shown, fewer rows than announced, than the previous snapshot or than the original language of the same data time.',
    message: (t) => {
      switch (t.kind) {
        case 'placeholder':
          return `Unexpected placeholder row ${quote(t.text)} instead of data, expected a row per model; the table stops here`
        case 'mid-row':
          return `Unexpected end of table in the middle of a row (${t.cells} of ${t.width} cells), expected complete rows; row left out`
        case 'empty':
          return 'Unexpected end of table right after its header, expected a row per model'
        case 'announced':
          return `Unexpected end of table after ${t.rows} rows, expected the ${t.declared} rows the page announces`
        case 'spreads':
          return `Unexpected end of table after ${t.rows} rows, expected rows down to rank ${t.lowest} (the rank spreads point there)`
        case 'previous':
          return `Unexpected ${t.rows} rows on \`${t.board}\`, expected about ${t.expected} like the previous snapshot (${t.date})`
        case 'page-end':
          return `Unexpected end of page after rank ${quote(t.after)}, expected name, score and interval lines`
        case 'open-quote':
          return 'Unexpected end of file inside the quoted field that starts here, expected a closing `"`; the table stops here (row left out)'
        case 'marker':
          return `Unexpected note ${quote(t.text)} after ${t.rows} rows, expected the table's rows; the table is cut here`
        case 'rank-jump':
          return `Unexpected rank ${t.rank} in row ${t.row}, expected a rank of at most ${t.row + 1}; rows are missing before it`
        case 'original':
          return `Unexpected ${t.rows} rows on \`${t.board}\`, expected ${t.expected} like the \`${t.language}\` page of the same data time`
      }
    }
  }),
  'future-date': rule<{ date: string; today: string }>({
    severity: 'error',
    title: 'Data date in the future',
    hint: 'The page says its data is from a day that has not come yet (after the day of the run, plus one day for time zones): a typo or a forged page. It is not published, and `fetch` never stores it.',
    message: ({ date, today }) => `Unexpected data date ${date}, expected a date on or before ${today} (the day of this run, plus one)`
  }),
  'invalid-encoding': rule<{ charset: string }>({
    severity: 'error',
    title: 'Page not in its declared encoding',
    hint: 'The page holds bytes its declared charset cannot decode (shown as U+FFFD, the replacement character): it was damaged on the way or declared wrongly. `fetch` never stores it.',
    message: ({ charset }) => `Unexpected replacement character (U+FFFD) after decoding as ${charset}, expected text in the charset the server declared`
  }),
  'leaked-reasoning': rule<{ lines: number; closed: boolean }>({
    severity: 'warning',
    title: 'Leaked model reasoning',
    hint: 'The translation model left its reasoning (`<think>…</think>`) in the page; it is ignored.',
    message: ({ lines, closed }) => `Unexpected model reasoning \`<think>\` (${lines} lines${closed ? '' : ', never closed'}), expected the translated page only; ignored`
  }),
  'corrupted-token': rule<{ value: string; field: string; expected: string } | { value: string; field: 'name' }>({
    severity: 'error',
    title: 'Corrupted token in a cell',
    hint: 'A foreign token (e.g. `极`) was inserted into a cell by the translation; the value is not trusted and left out.',
    message: (a) =>
      'expected' in a
        ? `Unexpected foreign token in ${quote(a.value)} (\`${a.field}\`), expected ${a.expected}; value left out`
        : `Unexpected foreign token in model name ${quote(a.value)}, expected a model name; kept as found (the registry repairs names)`
  }),
  'missing-header': rule({
    severity: 'warning',
    title: 'Missing header row',
    hint: 'The table starts with data; columns were recognised by the shape of their cells.',
    message: () => 'Unexpected data in the header row, expected column names; columns recognised by their cells'
  }),
  'unknown-column': rule<{ header: string }>({
    severity: 'warning',
    title: 'Unknown column',
    hint: 'Neither the header nor the cells of this column say what it holds; it is ignored.',
    message: ({ header }) => `Unknown column ${quote(header || '(empty)')}, expected a known header or recognisable cells; ignored`
  }),
  'header-mismatch': rule<{ header: string; said: string; read: string }>({
    severity: 'warning',
    title: 'Header disagrees with its cells',
    hint: 'A header names one thing but the cells of its column hold another (a translated or transliterated header); the column is read as its cells say.',
    message: ({ header, said, read }) => `Unexpected cells for header ${quote(header || '(empty)')}: the header says \`${said}\`, the cells are \`${read}\`; read as \`${read}\``
  }),
  'repeated-header': rule({
    severity: 'warning',
    title: 'Header row repeated among the rows',
    hint: 'A long table copied from a web page repeats its header every so many rows; such a row holds no model and is left out.',
    message: () => 'Unexpected copy of the header row among the data rows, expected a row per model; row left out'
  }),
  'doubtful-column': rule<{ header: string; read: 'organization' | 'knowledgeCutoff'; doubt: 'one-value' | 'mixed-families' | 'day-dates' }>({
    severity: 'warning',
    title: 'Column unlike what its cells looked like',
    hint: 'No header names this column, and its cells looked like organizations or knowledge cutoffs, but show another column (a note on every row, a release date); it is left out rather than guessed.',
    message: ({ header, read, doubt }) =>
      `Unexpected ${doubt === 'one-value' ? 'one value for the models of four families or more' : doubt === 'mixed-families' ? 'different values for models of one family' : 'dates with their day'} under ${quote(header || '(empty)')}, expected ${read === 'organization' ? 'the organization of each family of models' : 'a month per model (`2024/6`)'} for a column of \`${read}\` that no header names; column left out`
  }),
  'placeholder-cells': rule<{ value: string; cells: number; headers: string[] }>({
    severity: 'warning',
    title: 'Placeholder for no data',
    hint: 'A text without digits stands in several cells of columns of numbers, as a translation writes "N/A" (`n.d.`, `b.d.`); those cells are read as no data.',
    message: ({ value, cells, headers }) =>
      `Unexpected ${quote(value)} in ${cells} cells of number columns (${headers.map((h) => quote(h || '(empty)')).join(', ')}), expected numbers or a no-data mark such as \`N/A\`; read as no data`
  }),
  'duplicate-column': rule<{ header: string; metric: string; first: { header: string; column: number } }>({
    severity: 'error',
    title: 'Two columns of one measure',
    hint: 'Two columns read as the same measure (a translation that gave both one header): the cells cannot say which is which, and a row keeps one value per measure. Neither column is read, rather than one value published under the other\'s name.',
    message: ({ header, metric, first }) => `Unexpected second column ${quote(header || '(empty)')} of the measure \`${metric}\` (as ${quote(first.header || '(empty)')} at column ${first.column}), expected each measure once; both columns left out`
  }),
  'rank-by-header': rule<{ header: string; other: string }>({
    severity: 'warning',
    title: 'Rank column chosen by its header',
    hint: 'Two columns of ranks are as much in order as each other (a short table: both may be sorted), so the cells cannot tell which is the rank and which the rank after style control; the headers chose. A translation that swapped them would swap the two ranks.',
    message: ({ header, other }) => `Unexpected ranks as much in order in ${quote(header || '(empty)')} as in ${quote(other || '(empty)')}, expected the rank column to be the more in order; read ${quote(header || '(empty)')} as the rank, as the headers say`
  }),
  'ambiguous-column': rule<{ header: string; roles: [string, string] }>({
    severity: 'error',
    title: 'Ambiguous column',
    hint: 'Two readings of a column fit its cells equally well and its header does not tell them apart; the column is left out rather than guessed.',
    message: ({ header, roles }) => `Ambiguous column ${quote(header || '(empty)')}: its cells read as \`${roles[0]}\` or as \`${roles[1]}\` equally well, expected a header or cells that tell them apart; column left out`
  }),
  'duplicate-model': rule<{ name: string; board?: string; firstLine?: number; model?: { id: string; other: string } }>({
    severity: 'warning',
    title: 'Duplicated model',
    hint: 'The same model appears twice in one snapshot; the first row is kept.',
    message: ({ name, board, firstLine, model }) =>
      model
        ? `Unexpected ${quote(name)} on \`${board}\`: it is the registry model \`${model.id}\` like ${quote(model.other)} in the same snapshot, expected each model once; the first row is kept`
        : `Unexpected second row for ${quote(name)}${board ? ` on board \`${board}\`` : ''}${firstLine ? ` (first at line ${firstLine})` : ''}; the first row is kept`
  }),
  'unparseable-number': rule<{ value: string; field: string; expected: string; dropped?: boolean }>({
    severity: 'error',
    title: 'Unparseable number',
    hint: 'A numeric cell holds something that is not a number.',
    message: ({ value, field, expected, dropped }) => `Unexpected ${quote(value)} in \`${field}\`, expected ${expected}${dropped ? '; row left out' : ''}`
  }),
  'ragged-row': rule<{ cells: number; width: number }>({
    severity: 'error',
    title: 'Ragged row',
    hint: 'A row has a different number of cells than the header.',
    message: ({ cells, width }) => `Unexpected ${cells} cells in row, expected ${width} like the header; row left out (its cells cannot be matched to columns)`
  }),
  'missing-cell': rule<
    { missing: 'rank'; name?: string } | { missing: 'name'; rank?: number; found?: string } | { missing: 'score'; name: string; column: string } | { missing: 'date'; name?: string }
  >({
    severity: 'error',
    title: 'Missing value',
    hint: 'A row lacks a value every row of this table must have (rank, model, the score a rank is derived from, or the date of a many-dates file).',
    message: (a) => {
      switch (a.missing) {
        case 'rank':
          return `Row without a rank${a.name ? ` (${quote(a.name)})` : ''}, expected a whole number in \`rank\`; row left out`
        case 'name':
          return `Row${a.rank !== undefined ? ` ${a.rank}` : ''} has no model name${a.found !== undefined ? ` (found ${quote(a.found)})` : ''}; row left out`
        case 'score':
          return `Row ${quote(a.name)} has no score, expected a number in \`${a.column}\` to rank it by; row left out`
        case 'date':
          return `Row${a.name ? ` ${quote(a.name)}` : ''} has no data date, expected a date such as \`20230508\` in \`date\`; row left out`
      }
    }
  }),
  'unranked-row': rule<{ name?: string; score?: number }>({
    severity: 'warning',
    title: 'Unranked row',
    hint: 'Upstream lists a model it has not ranked yet (an `AutoEval` estimate instead of arena votes); it is left out of the ranking.',
    message: ({ name, score }) =>
      `Row ${quote(name ?? '(no name)')} has no rank (an \`AutoEval\` estimate${score !== undefined ? ` of ${score}` : ''}, not arena votes), expected ranked rows only; left out of the ranking`
  }),
  'multiple-tables': rule<{ rows: number; used: { line: number; rows: number } }>({
    severity: 'warning',
    title: 'Several tables',
    hint: 'The page holds several leaderboard tables that do not continue each other; the longest is used.',
    message: ({ rows, used }) =>
      `Unexpected second leaderboard table (${rows} rows) that does not continue the first, expected one table; the table at line ${used.line} (${used.rows} rows) is used`
  }),
  'invalid-row': rule<SchemaIssue & { row: string }>({
    severity: 'error',
    title: 'Invalid row',
    hint: 'A row breaks the schema (see the message for the field, what was expected and what was found).',
    message: ({ field, row, expected, found }) => `Invalid \`${field}\` in row ${quote(row)}: expected ${expected}, found ${shown(found)}; row left out`
  }),
  'invalid-snapshot': rule<SchemaIssue>({
    severity: 'error',
    title: 'Invalid snapshot',
    hint: 'A snapshot breaks the schema.',
    message: ({ field, expected, found }) => `Invalid snapshot \`${field}\`: expected ${expected}, found ${shown(found)}`
  }),
  'filename-mismatch': rule<
    | { kind: 'date'; named: string; updatedAt: string; expected: string }
    | { kind: 'language'; named: string; detected: string }
    | { kind: 'dates'; named: string; dates: number; first: string; last: string }
    | { kind: 'archive'; named: string; layout: CsvLayout; expected: string }
    | { kind: 'format'; layout: CsvLayout; expected: string }
  >({
    severity: 'error',
    title: 'File name disagrees with content',
    hint: 'Store files are named `<source>/<YYYY-MM-DD>.<lang>.md` (or `.en-x-<archive>.csv` for an archive capture) after the data date, source, language and archive of their content; one date per file.',
    message: (a) => {
      switch (a.kind) {
        case 'date':
          return `File name says ${a.named} but the page's data time is ${a.updatedAt}, expected \`${a.expected}\``
        case 'language':
          return `File name says language \`${a.named}\` but the page reads as \`${a.detected}\``
        case 'dates':
          return `File name says ${a.named} but the file holds ${a.dates} data dates (${a.first} to ${a.last}), expected one date per file (\`leaderlog import\` slices such a file by date)`
        case 'archive':
          return `File name says archive \`${a.named}\` but the header is ${layoutWords[a.layout]} header, expected \`${a.expected}\``
        case 'format':
          return `File name says markdown (\`.md\`) but the content is CSV with ${layoutWords[a.layout]} header, expected \`${a.expected}\``
      }
    },
    severityOf: (a) => (a.kind === 'language' ? 'warning' : 'error')
  }),
  'misplaced-file': rule<{ path: string }>({
    severity: 'warning',
    title: 'File outside the store convention',
    hint: 'Files under snapshots/ must be `<source>/<YYYY-MM-DD>.<lang>.md`, or `<source>/<YYYY-MM-DD>.en-x-<archive>.csv` for a capture from a known archive of a one-board source.',
    message: ({ path }) =>
      `Unexpected file name ${quote(path)}, expected \`<source>/<YYYY-MM-DD>.<lang>.md\` or \`<source>/<YYYY-MM-DD>.en-x-<archive>.csv\` with a known source and archive`
  }),
  'missing-column': rule<{ header: string; missing: readonly ('name' | 'rank or score')[] }>({
    severity: 'error',
    title: 'Missing column',
    hint: 'A CSV capture needs a `model` column, and a `rank` column or a score column (`arena_score`, `arena_elo`, `rating`, `score`) to rank by; without them no row is read.',
    message: ({ header, missing }) =>
      `Unexpected header ${quote(header, 80)} without ${missing.map((m) => (m === 'name' ? 'a `model` column' : 'a `rank` or score column (`arena_score`, `arena_elo`, `rating`)')).join(' or ')}, expected a leaderboard's columns; no rows read`
  }),
  'formula-cell': rule<{ value: string; field: string }>({
    severity: 'warning',
    title: 'Formula-looking cell',
    hint: 'A text cell starts like a spreadsheet formula (`=`, `@`, `+`, `-`): opened in a spreadsheet, it would run. The text is kept as data and escaped wherever it is shown; check the capture.',
    message: ({ value, field }) => `Unexpected formula-looking ${quote(value)} in \`${field}\`, expected plain text; kept as text`
  }),
  'malformed-csv': rule<{ kind: 'stray-quote' }>({
    severity: 'warning',
    title: 'Malformed CSV',
    hint: 'A `"` where RFC 4180 allows none: inside an unquoted field, or after the closing quote of a quoted one. The characters are kept as part of the cell.',
    message: () => 'Unexpected `"` outside a quoted field, expected a field quoted as a whole (`"a ""b"""`); kept as text'
  }),
  'unreadable-file': rule<{ reason: string }>({
    severity: 'error',
    title: 'Unreadable file',
    hint: 'The file could not be read.',
    message: ({ reason }) => `Cannot read file: ${reason}`
  }),
  'parser-crash': rule<{ reason: string }>({
    severity: 'error',
    title: 'Parser crashed',
    hint: 'Parsing the file threw or killed its worker thread (e.g. out of memory); the rest of the run goes on without it. Report it with the file.',
    message: ({ reason }) => `Cannot parse file: the parser stopped (${reason}); nothing of it is published`
  }),
  'invalid-sources': rule<{ kind: 'json'; reason: string } | ({ kind: 'schema' } & SchemaIssue) | { kind: 'repeated'; entry: string; first: number }>({
    severity: 'error',
    title: 'Invalid sources file',
    hint: 'The sources file (`snapshots/sources.json`) is not JSON or breaks its schema: `{"sources":[{"source","language","url"}]}` with a known source, a BCP 47 language and an http(s) URL.',
    message: (a) => {
      if (a.kind === 'json') return `Invalid JSON: ${a.reason}`
      if (a.kind === 'repeated') return `Unexpected repeated entry ${quote(a.entry, 120)}, expected each source, language and URL once (first at sources.${a.first})`
      return schemaMessage(a)
    }
  }),
  'variant-disagreement': rule<{ field: string; found: string; model: string; board: string; date: string; kept: string; keptAt: string; inPlace?: boolean }>({
    severity: 'warning',
    title: 'Language variants disagree',
    hint: 'Two language variants of one board and date (e.g. the EN and FR pages of a day), or a page and an archive’s capture of that day, give a model different values; the original language wins (zh, then en, then the rest, then the archives). An archive’s position or derived rank is not compared, and its scores agree within 1.5 points.',
    message: (a) =>
      `Unexpected \`${a.field}\` ${quote(a.found)} ${a.inPlace ? 'in the place of' : 'for'} \`${a.model}\` on \`${a.board}\` ${a.date}, expected ${quote(a.kept)} as in ${a.keptAt} (kept)`
  }),
  'invalid-events': rule<{ kind: 'json'; reason: string } | ({ kind: 'schema' } & SchemaIssue) | { kind: 'board'; board: string }>({
    severity: 'error',
    title: 'Invalid events file',
    hint: 'The events file (`snapshots/events.json`) is not JSON or breaks its schema: `{"events":[{"date","boards","title","note"}]}` with a date YYYY-MM-DD, known boards (or none for all) and a title; `check`, `build` and `registry` fail until it is fixed.',
    message: (a) => (a.kind === 'json' ? `Invalid JSON: ${a.reason}` : a.kind === 'board' ? `Unknown board ${quote(a.board)}, expected a board leaderlog knows` : schemaMessage(a))
  }),
  'variant-column-disagreement': rule<{ field: string; disagreeing: number; compared: number; board: string; date: string; original: string; example: { model: string; found: string; expected: string } }>({
    severity: 'error',
    title: 'A language variant misreads a column',
    hint: 'The pages of one board and data time are translations of one original: a variant whose numbers disagree with the original on most rows of a column has misread or shifted that column. The column of that variant is not used (its values fill nothing); the original language is kept.',
    message: (a) =>
      `Unexpected \`${a.field}\` in ${a.disagreeing} of ${a.compared} rows of \`${a.board}\` ${a.date}, expected the values of the original ${a.original} (e.g. ${quote(a.example.found)} for \`${a.example.model}\`, where the original has ${quote(a.example.expected)}); the column is not used`
  }),
  'archive-other-time': rule<{ field: string; disagreeing: number; compared: number; board: string; date: string; original: string; example: { model: string; found: string; expected: string } }>({
    severity: 'warning',
    title: 'An archive capture of another data time',
    hint: 'An archive’s capture of a board and date disagrees with the pages of that date on most rows (scores beyond 1.5 points, votes beyond 2 %): upstream’s pages and the archive were taken at other data times. The pages are kept; the archive’s capture is left out of that day’s snapshot (its own file stays in the store).',
    message: (a) =>
      `Unexpected \`${a.field}\` in ${a.disagreeing} of ${a.compared} rows of \`${a.board}\` ${a.date}, expected the values of ${a.original} (e.g. ${quote(a.example.found)} for \`${a.example.model}\`, where it has ${quote(a.example.expected)}); another data time, left out of the day's snapshot`
  }),
  'registry-conflict': rule<
    | { kind: 'pinned-twice'; id: string; other: string }
    | { kind: 'claimed-twice'; spelling: string; models: [string, string]; other: string }
    | { kind: 'cycle'; ids: string[]; other: string }
    | { kind: 'spelling'; spelling: string; models: [string, string]; other: string }
    | { kind: 'contradicted'; models: [string, string]; board: string; before: string; after: string; together: string; other: string }
  >({
    severity: 'error',
    title: 'The registry contradicts itself',
    hint: 'One spelling can be one model only, and one id one entry: an id pinned twice in the data file, two entries claiming one spelling (an alias that is another entry\'s id, name or alias, or an alias cycle), a raw spelling the registry counted for two models, or a rename tracking linked that a later snapshot contradicts (both names in one table). Neither claim is used until a maintainer settles it in `snapshots/registry.json` (an entry of its own for a model pins its id and keeps it apart).',
    message: (a) => {
      switch (a.kind) {
        case 'pinned-twice':
          return `Unexpected id \`${a.id}\` pinned a second time, expected each id once (also at ${a.other}); neither entry is used`
        case 'claimed-twice':
          return `Unexpected ${quote(a.spelling)} claimed by \`${a.models[0]}\` and \`${a.models[1]}\` (also at ${a.other}), expected one model per spelling; neither claim is used`
        case 'cycle':
          return `Unexpected alias cycle ${a.ids.map((id) => `\`${id}\``).join(' → ')} (also at ${a.other}), expected each entry to name spellings of its own model only; the models are kept apart`
        case 'spelling':
          return `Unexpected ${quote(a.spelling)} counted for \`${a.models[0]}\` and for \`${a.models[1]}\` (also at ${a.other}), expected one model per spelling; say which in \`registry.json\``
        case 'contradicted':
          return `Unexpected \`${a.models[0]}\` and \`${a.models[1]}\` in one snapshot (${a.together}, also at ${a.other}), expected one model: their numbers showed a rename on \`${a.board}\` (${a.before} → ${a.after}); kept apart, give one an entry of its own in \`registry.json\``
      }
    }
  }),
  'reserved-id': rule<{ name: string; id: string; given: string }>({
    severity: 'warning',
    title: 'Model name is a site path',
    hint: 'A model id is the last part of its page\'s address (`models/<id>/`); an id that is a path the site uses there (`index.html`) is given a `model-` prefix instead.',
    message: ({ name, id, given }) => `Unexpected model name ${quote(name)}: its id \`${id}\` is a path the site uses, expected another name; published as \`${given}\``
  }),
  'hidden-characters': rule<{ field: string; value: string; characters: string[]; shown: string }>({
    severity: 'warning',
    title: 'Invisible characters in a name',
    hint: 'Bidi overrides (U+202E) and zero-width or control characters can make a name read as another on pages, in feeds and in CSV; they are removed from the name shown, and the raw spelling is kept as an alias.',
    message: ({ field, value, characters, shown }) =>
      `Unexpected invisible ${characters.length === 1 ? 'character' : 'characters'} ${characters.map((c) => `\`${c}\``).join(', ')} in \`${field}\` ${quote(value)}, expected visible text; shown as ${quote(shown)}`
  }),
  'invalid-registry-data': rule<{ kind: 'json'; reason: string } | ({ kind: 'schema' } & SchemaIssue)>({
    severity: 'error',
    title: 'Invalid registry data file',
    hint: 'The registry data file (`snapshots/registry.json`) is not JSON or breaks its schema: `{"providerPrefixes":[…],"models":[{"id","name","organization","aliases","note"}],"organizations":[{"name","aliases"}],"licenses":[{"name","spdx","openWeights","aliases"}]}`; the file is ignored until fixed.',
    message: (a) => (a.kind === 'json' ? `Invalid JSON: ${a.reason}` : schemaMessage(a))
  })
} as const

const layoutWords: Record<CsvLayout, string> = {
  export: "an export's",
  ratings: "a ratings file's"
}

/** `Invalid `models.2.id`: expected …, found …` — how every data file words a schema issue. */
function schemaMessage(issue: SchemaIssue): string {
  if (issue.keys?.length) return `Unexpected field ${quote(issue.keys[0]!)} ${issue.field ? `in \`${issue.field}\`` : 'at the top level'}, expected ${issue.expected}`
  return `Invalid ${issue.field ? `\`${issue.field}\`` : 'top-level value'}: expected ${issue.expected}, found ${shown(issue.found)}`
}

export type RuleId = keyof typeof rules

export const ruleIds = Object.keys(rules) as RuleId[]

/** The values a rule's message is made of. */
export type RuleArgs<R extends RuleId> = Parameters<(typeof rules)[R]['message']>[0]
