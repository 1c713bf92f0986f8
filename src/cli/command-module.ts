import type { CommandContext } from './context.js';
import type { OptionSet, OptionValues } from './options/spec.js';

/** What a command is given: positional arguments, and its options read by their specs (defaults filled in). */
export interface CommandInput<S extends OptionSet = OptionSet> {
  args: string[];
  options: OptionValues<S>;
}

/** A command module: do io -> core -> render with its options, return an exit code. */
export interface CommandModule<S extends OptionSet = OptionSet> {
  run(input: CommandInput<S>, ctx: CommandContext): Promise<number>;
}
