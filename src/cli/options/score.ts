import type { Tier } from '../../core/icp/tiers.js';
import { normalizeDelimiter } from '../../io/csv/delimiter.js';
import { csvReadOptions, icpOption, mapOption, outputOption, titlesOption } from './shared.js';
import { flag, parsed } from './spec.js';

export const SCORE_FORMATS = ['csv', 'tsv', 'json', 'ndjson', 'table'] as const;
export type ScoreFormat = (typeof SCORE_FORMATS)[number];

/** `icp score`'s options, in the order help lists them. */
export const SCORE_OPTIONS = {
  icp: icpOption(),
  output: outputOption,
  // No default of its own: a table on a terminal, CSV into a pipe or a file (see score's chooseFormat).
  format: parsed('--format <format>', 'output format', (raw) => raw as ScoreFormat, {
    choices: SCORE_FORMATS,
    defaultText: 'table on a terminal, csv otherwise',
  }),
  explain: flag('--explain', 'add icp_reasons: the points of each matched criterion and the unknowns'),
  minTier: parsed('--min-tier <tier>', 'keep only rows in this tier or better', (raw) => raw as Tier, { choices: ['A', 'B', 'C', 'D'] }),
  sort: flag('--sort', 'best scores first (reads every row before writing)'),
  personas: flag(
    '--personas',
    "a contacts file: add persona (the title's seniority and function) and persona_match (the ICP file's persona it matches, if any)",
  ),
  titles: titlesOption,
  excel: flag('--excel', 'UTF-8 BOM and CRLF line ends, for Excel'),
  delimiter: parsed('--delimiter <c>', 'output delimiter, e.g. ";" where decimals use commas', (raw) => normalizeDelimiter(raw, '--delimiter'), {
    default: ',',
    defaultText: '","',
  }),
  formulaEscape: flag('--no-formula-escape', "do not prefix cells starting with = + - @ with '"),
  map: mapOption,
  ...csvReadOptions,
} as const;
