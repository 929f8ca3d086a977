// The shape every command file has: a spec (typed flags and arguments, for commander, help and
// completions), parse (typed values → options, cross-flag checks) and run(options, deps).
import type { Deps } from './deps.js';
import type { ArgSet, ArgValues } from './flags/args.js';
import type { FlagSet, FlagValues } from './flags/flag.js';

export type { OptionSpec } from './flags/flag.js';
export type { ArgSpec } from './flags/args.js';

export interface CommandSpec<F extends FlagSet = FlagSet, A extends ArgSet = ArgSet> {
  name: string;
  aliases?: readonly string[];
  summary: string;
  /** A runbook-style example line for help. */
  example?: string;
  args?: A;
  options?: F;
  /**
   * Not a runbook command (glanceclient's v2 shell alone has it): its usage errors are glanceclient's, worded by argparse
   * (src/cli/argparse), in the v1 dialect too. (The v2 dialect words every command's so.)
   */
  glanceclientErrors?: boolean;
  /** A command of ours that python-glanceclient 4.1.0 lacks: left out of the v2 dialect's bash-completion words. */
  notInGlanceclient?: boolean;
  /** 'list' and 'record' commands also take -f/--format and -c/--column. */
  output?: 'list' | 'record' | 'none';
  /**
   * Its output is printed once, at the end, from the answers it got, with no other effect: when one
   * GET's answer was all it asked for, the next run with the same inputs prints that GET's early
   * answer the same way before the program is loaded (src/cli/replay.ts).
   */
  replay?: boolean;
}

/** What parse() receives: every flag and argument decoded to the type its spec declares. */
export interface Parsed<F extends FlagSet, A extends ArgSet> {
  flags: FlagValues<F>;
  args: ArgValues<A>;
}

export interface CommandModule<O = unknown> {
  spec: CommandSpec;
  /** Decoded flags and arguments → the command's options; throws UsageError on bad combinations. */
  parse(input: Parsed<FlagSet, ArgSet>): O;
  /** Resolves to the exit code (undefined = 0). */
  run(options: O, deps: Deps): Promise<number | void>;
}

/**
 * Declares a command: its parse() sees flags and arguments typed from its own spec. The registry
 * keeps the element type unknown; the program only ever hands a module its own spec's values.
 */
export function command<O, F extends FlagSet = FlagSet, A extends ArgSet = ArgSet>(module: {
  spec: CommandSpec<F, A>;
  parse(input: Parsed<F, A>): O;
  run(options: O, deps: Deps): Promise<number | void>;
}): CommandModule {
  return module as unknown as CommandModule;
}
