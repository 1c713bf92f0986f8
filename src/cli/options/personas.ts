import { SCORE_OPTIONS } from './score.js';
import { csvReadOptions, mapOption, outputOption } from './shared.js';
import { parsed, text } from './spec.js';

export const CLASSIFY_FORMATS = ['csv', 'tsv', 'json', 'ndjson'] as const;
export type ClassifyFormat = (typeof CLASSIFY_FORMATS)[number];

/** The dictionary option of every personas command. */
export const titlesOption = text('--titles <file>', "your own title dictionary (YAML, the shape of icp's data/titles.yaml): extends or overrides it");

/** `icp personas classify`'s options: the contacts row for row, as score writes leads. */
export const CLASSIFY_OPTIONS = {
  titles: titlesOption,
  output: outputOption,
  format: parsed('--format <format>', 'output format', (raw) => raw as ClassifyFormat, { choices: CLASSIFY_FORMATS, default: 'csv' as ClassifyFormat }),
  excel: SCORE_OPTIONS.excel,
  delimiter: SCORE_OPTIONS.delimiter,
  formulaEscape: SCORE_OPTIONS.formulaEscape,
  map: mapOption,
  ...csvReadOptions,
} as const;
