/**
 * icp as a library: the same functions the CLI runs, for scripts and notebooks. Core functions are pure
 * (tables in, documents and reports out); the io helpers read CSV and ICP files from disk.
 */
export { derive, type DeriveInput, type DeriveOptions, type DeriveResult } from './core/derive/derive.js';
export { summarySentence } from './core/derive/summary.js';
export { compileIcp, type CompiledIcp } from './core/score/compile.js';
export { scoreRow, type RowScore } from './core/score/score-row.js';
export { buildReport, type ReportInput, type ReportOptions, type ReportResult } from './core/report/build-report.js';
export type { Report, SegmentMetrics, Comparison } from './core/report/report-types.js';
export { review, type Review } from './core/review/review.js';
export { diffIcp, type IcpDiff } from './core/diff/diff-icp.js';
export { icpDocumentSchema, type IcpDocument, type Criterion, type Match, type Evidence, type Tiers } from './core/icp/schema.js';
export { validateIcp } from './core/icp/check.js';
export { assignRoles, guessRole, type Role } from './core/columns/roles.js';
export { inferColumn, type ColumnInfo, type ColumnType } from './core/columns/infer.js';
export type { Table } from './core/table.js';
export { openCsv, readCsv, type CsvFile } from './io/csv/csv-reader.js';
export type { CsvReadOptions } from './io/csv/csv-read-options.js';
export { readTable } from './io/csv/read-table.js';
export { readIcp, writeIcp, stringifyIcp, checkIcpText } from './io/yaml.js';
export { IcpError, UsageError, OptionError, InternalError } from './errors.js';
// Core names options as ⟨key⟩ in its errors, warnings and notes; this words them as the command line's flags.
export { wordOptions } from './cli/option-words.js';
