// The shape every command file has: a spec (flags, for commander, help and completions),
// parse (flags → typed options, validation) and run(options, deps) with no shell in sight.
import type { Deps } from './deps.js';

export interface OptionSpec {
  /** Commander syntax: '-f, --file <FILE>', '--is-public <BOOL>', '--progress'. */
  flags: string;
  description: string;
  /** A fixed set of values (validated, offered by completions). */
  choices?: readonly string[];
  /** Values completions offer without commander validating them (the server's schema decides). */
  suggestions?: readonly string[];
  /** May be given several times; parsed value is an array. */
  repeatable?: boolean;
  default?: string | boolean;
  hidden?: boolean;
}

export interface ArgSpec {
  /** Shown in usage, e.g. '<IMAGE>' or '<IMAGE...>' or '[IMAGE]'. */
  name: string;
  description: string;
}

export interface CommandSpec {
  name: string;
  aliases?: readonly string[];
  summary: string;
  /** A runbook-style example line for help. */
  example?: string;
  args?: readonly ArgSpec[];
  options?: readonly OptionSpec[];
  /** 'list' and 'record' commands also take -f/--format and -c/--column. */
  output?: 'list' | 'record' | 'none';
}

export interface ParsedArgs {
  /** Options keyed by commander's camelCase attribute names. */
  opts: Record<string, unknown>;
  /** Positional arguments in order (a variadic one is an array). */
  args: unknown[];
}

export interface CommandModule<O = unknown> {
  spec: CommandSpec;
  parse(raw: ParsedArgs): O;
  /** Resolves to the exit code (undefined = 0). */
  run(options: O, deps: Deps): Promise<number | void>;
}

/** Keeps a registry's element type while letting each module keep its own Options type. */
export function command<O>(module: CommandModule<O>): CommandModule<unknown> {
  return module as CommandModule<unknown>;
}
