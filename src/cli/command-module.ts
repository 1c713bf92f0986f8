import type { CommandContext } from './context.js';

/** What commander hands a command: positional arguments and parsed options. */
export interface CommandInput {
  args: string[];
  options: Record<string, unknown>;
}

/** A command module: parse its options, do io -> core -> render, return an exit code. */
export interface CommandModule {
  run(input: CommandInput, ctx: CommandContext): Promise<number>;
}
