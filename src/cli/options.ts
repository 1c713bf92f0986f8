/** A command-line option declared as data: commander flags and the README's option list come from it. */
export interface OptionSpec {
  flags: string;
  description: string;
  default?: string | boolean | string[];
  /** The option may be given several times; values are collected into an array. */
  repeatable?: boolean;
  choices?: readonly string[];
}

/** `--format`; `terminalDefault` when the default is only for a terminal (score writes CSV into a pipe). */
export const formatOption = (choices: readonly string[], fallback?: string, terminalDefault?: string): OptionSpec => ({
  flags: '--format <format>',
  description: `output format${fallback ? ` (default: ${fallback}${terminalDefault ? ` on a terminal, ${terminalDefault} otherwise` : ''})` : ''}`,
  choices,
});

export const encodingOption: OptionSpec = {
  flags: '--encoding <name>',
  description: 'text encoding of the input when it has no BOM (utf-8, latin1, windows-1252, utf-16le, ...)',
};

export const delimiterInOption: OptionSpec = {
  flags: '--input-delimiter <char>',
  description: 'field delimiter of the input (default: sniffed from , ; tab |)',
};

export const mapOption: OptionSpec = {
  flags: '--map <role=Header>',
  description: 'use this header for a role, overriding the guess (repeatable), e.g. --map industry="Sector"',
  repeatable: true,
};

export const outputOption: OptionSpec = {
  flags: '-o, --output <file>',
  description: 'write to this file (atomically) instead of stdout',
};

export const forceOption: OptionSpec = {
  flags: '--force',
  description: 'overwrite an existing output file',
};

/** Options every command accepts; declared on the program and read by every command. */
export const globalOptions: OptionSpec[] = [
  { flags: '--no-color', description: 'never colour the output (also: NO_COLOR=1)' },
  { flags: '-q, --quiet', description: 'print no warnings' },
  { flags: '-v, --verbose', description: 'print stack traces with errors, and when derive reads the deals again' },
];
