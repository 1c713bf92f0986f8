import type { Role } from '../../core/columns/role-names.js';
import { parseRoleMap } from '../parse-options.js';
import { type Defaulted, flag, type OptionSpec, text } from './spec.js';

/** `--format`, with the default a command uses. */
export function formatOption<F extends string>(choices: readonly F[], fallback: F): Defaulted<F> {
  return { flags: '--format <format>', description: 'output format', choices, default: fallback };
}

export const encodingOption = text('--encoding <name>', 'text encoding of the input when it has no BOM (utf-8, latin1, windows-1252, utf-16le, ...)');

export const delimiterInOption = text('--input-delimiter <char>', 'field delimiter of the input', { defaultText: 'sniffed from , ; tab |' });

export const mapOption: Defaulted<ReadonlyMap<Role, string>> = {
  flags: '--map <role=Header>',
  description: 'use this header for a role, overriding the guess (repeatable), e.g. --map industry="Sector"',
  repeatable: true,
  parseList: parseRoleMap,
  default: new Map(),
};

export const outputOption = text('-o, --output <file>', 'write to this file (atomically) instead of stdout');

export const forceOption = flag('--force', 'overwrite an existing output file');

/** The title dictionary of every command that reads job titles as personas. */
export const titlesOption = text('--titles <file>', "your own title dictionary (YAML, the shape of icp's data/titles.yaml): extends or overrides it");

/** The contact roles export that puts contacts on deals, for the personas of won deals. */
export const contactRolesOption = text(
  '--contact-roles <file>',
  'contact roles export (a row per deal and contact: OPPORTUNITYID, CONTACTID, ROLE, ISPRIMARY): adds the personas of won deals against lost ones (needs --contacts and --deals)',
);

/** The ICP file of the working directory, which commands read and write unless told otherwise. */
export const ICP_FILE = 'icp.yaml';

/** `--icp`: the ICP file a command applies. */
export const icpOption = (description = 'the ICP file'): Defaulted<string> =>
  text('--icp <file>', description, { default: ICP_FILE, defaultText: `./${ICP_FILE}` });

/** The CSV reading options of every command that reads an export. */
export const csvReadOptions = { encoding: encodingOption, inputDelimiter: delimiterInOption } as const;

/** Options every command accepts; declared on the program and read by every command. */
export const globalOptions: OptionSpec[] = [
  flag('--no-color', 'never colour the output (also: NO_COLOR=1)'),
  flag('-q, --quiet', 'print no warnings'),
  flag('-v, --verbose', 'print stack traces with errors, and when derive reads the deals again'),
];
