import { csvReadOptions, forceOption, formatOption, ICP_FILE, mapOption, outputOption } from './shared.js';

// The options of the commands with only a few: diff, inspect, validate and init.

export const DIFF_OPTIONS = { format: formatOption(['table', 'json', 'md'], 'table') } as const;

export const INSPECT_OPTIONS = { format: formatOption(['table', 'json'], 'table'), ...csvReadOptions, map: mapOption } as const;

export const VALIDATE_OPTIONS = { format: formatOption(['text', 'json'], 'text') } as const;

export const INIT_OPTIONS = { output: { ...outputOption, description: 'file to write', default: ICP_FILE }, force: forceOption } as const;
