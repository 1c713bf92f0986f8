import { UsageError } from '../../errors.js';

/**
 * A command-line option declared as data: commander's flags, the help and README text, the default and the
 * parser all come from it, and so does the type of the value a command receives (OptionValues).
 */
export interface OptionSpec<T = unknown> {
  readonly flags: string;
  /** What the option does; help and the README add "(default: ...)" from `default` or `defaultText`. */
  readonly description: string;
  /** The value when the option is not given. */
  readonly default?: T;
  /** The default as help shows it, when it is not the value itself (`./icp.yaml`) or depends on the run. */
  readonly defaultText?: string;
  /** Reads the text given on the command line (or recorded in an ICP file); throws a UsageError naming the flag. */
  readonly parse?: (raw: string) => T;
  /** Reads a list: every value of a repeatable option, or a list an ICP file recorded. */
  readonly parseList?: (raw: readonly string[]) => T;
  /** The option may be given several times; its values are collected into a list. */
  readonly repeatable?: boolean;
  readonly choices?: readonly string[];
  /** commander refuses the command without it. */
  readonly required?: boolean;
}

/** An option with a default: its value is never undefined. */
export type Defaulted<T> = OptionSpec<T> & { readonly default: T };

/** An option commander requires: its value is never undefined either. */
export type Mandatory<T> = OptionSpec<T> & { readonly required: true };

export type OptionSet = Readonly<Record<string, OptionSpec<unknown>>>;

type ValueOf<S> = S extends Defaulted<infer T> ? T : S extends Mandatory<infer T> ? T : S extends OptionSpec<infer T> ? T | undefined : never;

/** The values a command receives for its options, typed from their specs. */
export type OptionValues<S extends OptionSet> = { -readonly [K in keyof S]: ValueOf<S[K]> };

type Extra<T> = Partial<Pick<OptionSpec<T>, 'choices' | 'defaultText' | 'required'>>;

/** An option with a text value (`--deals <file>`). */
export function text(flags: string, description: string, extra: Extra<string> & { default: string }): Defaulted<string>;
export function text(flags: string, description: string, extra: Extra<string> & { required: true }): Mandatory<string>;
export function text(flags: string, description: string, extra?: Extra<string>): OptionSpec<string>;
export function text(flags: string, description: string, extra: Extra<string> & { default?: string } = {}): OptionSpec<string> {
  return { flags, description, ...extra };
}

/** An option whose text is read by `parse` (`--alpha <q>`), with a default or not. */
export function parsed<T>(flags: string, description: string, parse: (raw: string) => T, extra: Extra<T> & { default: T }): Defaulted<T>;
export function parsed<T>(flags: string, description: string, parse: (raw: string) => T, extra?: Extra<T>): OptionSpec<T>;
export function parsed<T>(flags: string, description: string, parse: (raw: string) => T, extra: Extra<T> & { default?: T } = {}): OptionSpec<T> {
  return { flags, description, parse, ...extra };
}

/** A switch (`--force`); a `--no-...` switch is on unless given. */
export function flag(flags: string, description: string): Defaulted<boolean> {
  return { flags, description, default: flags.startsWith('--no-') };
}

/** Reads an option's value, given (raw text, or a list) or not (its default). */
export function optionValue<T>(spec: OptionSpec<T>, raw: unknown): T | undefined {
  if (raw === undefined || raw === null) return spec.default;
  // A switch is on or off: from commander always a boolean, from an ICP file's record it must be one too.
  if (typeof spec.default === 'boolean') {
    if (typeof raw !== 'boolean') throw new UsageError(`${longFlag(spec)} is a switch (true or false), got ${JSON.stringify(raw)}`);
    return raw as T;
  }
  // A list read back from a record may be one value, which is a list of one.
  if (spec.parseList && (spec.repeatable || Array.isArray(raw))) return spec.parseList((Array.isArray(raw) ? raw : [raw]).map(String));
  if (Array.isArray(raw) || typeof raw === 'boolean') throw new UsageError(`${longFlag(spec)} takes one value, got ${JSON.stringify(raw)}`);
  return spec.parse ? spec.parse(String(raw)) : (String(raw) as T);
}

const longFlag = (spec: OptionSpec): string => /--[a-z][a-z-]*/.exec(spec.flags)?.[0] ?? spec.flags;

/** Every option's value from what commander (or an ICP file's record) gave, defaults filled in. */
export function optionValues<S extends OptionSet>(specs: S, raw: Readonly<Record<string, unknown>>): OptionValues<S> {
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) values[key] = optionValue(spec, raw[key]);
  return values as OptionValues<S>;
}

/** The description as help and the README show it: with the default and the choices. */
export function describeOption(spec: OptionSpec): string {
  const shown = spec.defaultText ?? (typeof spec.default === 'string' || typeof spec.default === 'number' ? String(spec.default) : undefined);
  return `${spec.description}${spec.required ? ' (required)' : ''}${shown === undefined ? '' : ` (default: ${shown})`}`;
}
