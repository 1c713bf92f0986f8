import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import type { Warning } from '../core/warnings.js';
import { IcpError, UsageError } from '../errors.js';
import { removeLiveTemps } from '../io/output/atomic-write.js';
import { renderError, renderWarning } from '../render/messages.js';
import { colorEnabled } from './color.js';
import { wordedError, wordOptions } from './option-words.js';
import type { CommandContext, Out } from './context.js';
import { globalOptions } from './options/shared.js';
import { describeOption, type OptionSpec, optionValues } from './options/spec.js';
import { commands, type CommandSpec } from './registry.js';

export interface MainIo {
  stdout?: Out & { isTTY?: boolean };
  stderr?: Out & { isTTY?: boolean };
  stdin?: NodeJS.ReadableStream;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  now?: () => Date;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * Declares an option to commander, which checks its choices and whether it is required; defaults and
 * parsing are the spec's (optionValues), so that an ICP file's recorded options read the same way.
 */
function addOption(command: Command, spec: OptionSpec): void {
  const option = new Option(spec.flags, describeOption(spec));
  if (spec.choices) option.choices(spec.choices);
  if (spec.repeatable) option.argParser(collect);
  if (spec.required) option.makeOptionMandatory();
  command.addOption(option);
}

function examples(spec: CommandSpec): string {
  return `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n`;
}

/** Turns commander's own message ("error: unknown option '--x'") into ours. */
function usageFromCommander(err: CommanderError, commandName: string | undefined): UsageError {
  const message = err.message.replace(/^error:\s*/, '');
  const help = commandName ? `icp ${commandName} --help` : 'icp --help';
  return new UsageError(message, { hint: `see "${help}"` });
}

/** The `icp` program without its commands: description, version, help, global options, examples. */
function rootProgram(stdout: Out, stderr: Out): Command {
  const program = new Command('icp')
    .description('Derive an Ideal Customer Profile from CRM exports, score leads against it, and prove it with outcomes.')
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => stdout.write(s),
      writeErr: (s) => stderr.write(s),
      outputError: () => undefined,
    });
  for (const spec of globalOptions) addOption(program, spec);
  program.addHelpText(
    'after',
    `\nExamples:\n  $ icp inspect fixtures/customers.csv\n  $ icp init && icp validate\n\nRun "icp <command> --help" for a command's options.\n`,
  );
  return program;
}

/** What a command is given: the streams, colour, verbosity, a warning printer and the clock. */
function commandContext(
  io: MainIo,
  x: { stdout: MainIo['stdout'] & {}; stderr: MainIo['stderr'] & {}; color: boolean; messageColor: boolean; verbose: boolean; quiet: boolean },
): CommandContext {
  const { stdout, stderr } = x;
  return {
    stdout,
    stderr,
    stdin: io.stdin ?? process.stdin,
    stdoutIsTTY: Boolean(stdout.isTTY),
    stderrIsTTY: Boolean(stderr.isTTY),
    color: x.color,
    verbose: x.verbose,
    quiet: x.quiet,
    cwd: io.cwd ?? process.cwd(),
    warn: (w: Warning) => {
      if (!x.quiet) stderr.write(renderWarning({ ...w, message: wordOptions(w.message) }, x.messageColor) + '\n');
    },
    now: io.now ?? (() => new Date()),
  };
}

/**
 * Runs the CLI and returns the exit code; the one place that catches errors and chooses exit codes.
 */
export async function main(argv: string[], io: MainIo = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const env = io.env ?? process.env;
  let verbose = argv.includes('--verbose') || argv.includes('-v');
  // Messages go to stderr, so stderr's terminal decides their colour; data colour follows stdout.
  const messageColor = colorEnabled({ argv, env, isTTY: Boolean(stderr.isTTY) });
  if (!io.stdout) {
    endQuietlyOnClosedStdout();
    removeTempsOnExit();
  }
  let activeCommand: string | undefined;
  let exitCode = 0;

  const program = rootProgram(stdout, stderr);

  for (const spec of commands) {
    const command = commandOf(program, spec);
    for (const arg of spec.args) command.argument(arg);
    for (const option of Object.values(spec.options)) addOption(command, option);
    // Options are positional (a parent's end at its subcommand's name), so every command takes the global
    // ones too, before or after its name as ever: `icp -q score x.csv` and `icp score x.csv -q`.
    for (const option of globalOptions) addOption(command, option);
    command.addHelpText('after', examples(spec));
    command.action(async (...actionArgs: unknown[]) => {
      activeCommand = spec.name;
      const self = actionArgs[actionArgs.length - 1] as Command;
      const { raw, chain } = givenOptions(self, spec);
      verbose = chain.some((o) => o.verbose === true);
      const flag = chain.some((o) => o.color === false) ? false : undefined;
      const color = colorEnabled({ argv, env, isTTY: Boolean(stdout.isTTY), flag });
      const ctx = commandContext(io, { stdout, stderr, color, messageColor, verbose, quiet: chain.some((o) => o.quiet === true) });
      const values = optionValues(spec.options, raw);
      const module = await spec.load();
      exitCode = await module.run({ args: self.args, options: values }, ctx);
    });
  }

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (thrown) {
    let err = wordedError(thrown);
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      if (err.code === 'commander.help') return 2; // `icp` alone: help was printed to stderr
      err = usageFromCommander(err, activeCommand ?? commandNameIn(argv));
    }
    stderr.write(renderError(err, { verbose, color: messageColor, command: activeCommand ?? commandNameIn(argv) }) + '\n');
    return typeof (err as { exitCode?: unknown }).exitCode === 'number' ? (err as { exitCode: number }).exitCode : 1;
  }
}

/**
 * `icp score big.csv | head` closes our stdout early: that is success, not an error. Any other failure of
 * stdout (a full disk behind a redirect) is reported like every other error, with exit 1.
 */
function endQuietlyOnClosedStdout(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    process.stderr.write(renderError(new IcpError(`cannot write to stdout: ${err.message}`), { verbose: false, color: false }) + '\n');
    process.exit(1);
  });
}

// The shells' convention for "ended by signal N" is 128 + N: 130 for SIGINT (Ctrl-C), 143 for SIGTERM.
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
let exitHandlersInstalled = false;

/**
 * An interrupted `score -o` would otherwise leave its temp file (as big as the output) behind: on SIGINT
 * and SIGTERM, and on any exit that skipped a command's own cleanup, the temp files still open are removed.
 * The old file at the target stays as it was. Only for the real process, never for in-process test runs.
 */
function removeTempsOnExit(): void {
  if (exitHandlersInstalled) return;
  exitHandlersInstalled = true;
  process.on('exit', removeLiveTemps);
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.once(signal, () => {
      removeLiveTemps();
      process.exit(code);
    });
  }
}

/**
 * The options given to a command: its own, and for a subcommand those of its options that were given before
 * its name (`icp personas --titles t.yaml classify c.csv`: the parent parsed them); `chain` is every level's
 * options up to the program, for the global ones (-q, -v, --no-color) wherever they were given.
 */
function givenOptions(self: Command, spec: CommandSpec): { raw: Record<string, unknown>; chain: Record<string, unknown>[] } {
  const chain: Record<string, unknown>[] = [];
  for (let c: Command | null = self; c; c = c.parent) chain.push(c.opts());
  const raw: Record<string, unknown> = {};
  for (const [key, option] of Object.entries(spec.options)) {
    const given = chain.find((o) => o[key] !== undefined);
    if (!given) continue;
    // Commander checked the choices of the level that parsed it, which may be the parent's.
    if (option.choices && given !== chain[0] && !option.choices.includes(String(given[key]))) {
      throw new UsageError(`option '${option.flags}' argument '${String(given[key])}' is invalid. Allowed choices are ${option.choices.join(', ')}.`);
    }
    raw[key] = given[key];
  }
  return { raw, chain };
}

/**
 * The commander command of a spec: a name of two words (`personas classify`) is a subcommand of the first,
 * which is made (or found, when it is a command of its own) as needed.
 */
function commandOf(program: Command, spec: CommandSpec): Command {
  const [name, sub] = spec.name.split(' ') as [string, string | undefined];
  if (sub === undefined) return program.command(name).description(spec.summary).exitOverride();
  const parent = program.commands.find((c) => c.name() === name) ?? program.command(name).exitOverride();
  // The parent's own options end at the subcommand's name: after it, --map and the rest are the subcommand's.
  program.enablePositionalOptions();
  parent.enablePositionalOptions();
  return parent.command(sub).description(spec.summary).exitOverride();
}

function commandNameIn(argv: string[]): string | undefined {
  const args = argv.slice(2);
  const names = commands.map((c) => c.name).sort((a, b) => b.split(' ').length - a.split(' ').length);
  return names.find((name) => {
    const words = name.split(' ');
    const at = args.indexOf(words[0] as string);
    return at >= 0 && words.every((w, i) => args[at + i] === w);
  });
}
