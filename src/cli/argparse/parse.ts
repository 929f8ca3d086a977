// Python 3.11 argparse's parse_known_args, as far as finding the first error it reports (or the
// help it prints) for a command line: the order it consumes options and positionals in, its
// nargs patterns, int() and choices checks, required arguments, then unrecognized arguments
// (reported by the main parser, after the subcommand's parser). Nothing is stored.
import type { Action, Parser } from './model.js';
import { pyReprString } from '../../output/pprint.js';

/** What argparse does with a command line: report an error under a parser's usage, or print a parser's help. */
export type Outcome = { error: string; parser: Parser } | { help: Parser } | undefined;

/** An error argparse reports (self.error's message). */
class ArgumentError extends Error {}

/** _get_action_name: how an error names an action. */
function actionName(action: Action): string {
  if (action.optionStrings.length > 0) return action.optionStrings.join('/');
  return action.metavar ?? action.dest;
}

/** Python's int() on a command-line string. */
const isPyInt = (text: string): boolean => /^\s*[+-]?(\d(_?\d)*)\s*$/.test(text);

function checkValue(action: Action, value: string): void {
  if (action.type === 'int' && !isPyInt(value)) throw new ArgumentError(`argument ${actionName(action)}: invalid int value: ${pyReprString(value)}`);
  if (action.choices && !action.choices.includes(value)) {
    throw new ArgumentError(
      `argument ${actionName(action)}: invalid choice: ${pyReprString(value)} (choose from ${action.choices.map(pyReprString).join(', ')})`,
    );
  }
}

/** _get_nargs_pattern (a positional keeps its '-' markers; an optional's are removed). */
function nargsPattern(action: Action): string {
  const { nargs } = action;
  const pattern =
    nargs === undefined
      ? '(-*A-*)'
      : nargs === '?'
        ? '(-*A?-*)'
        : nargs === '*'
          ? '(-*[A-]*)'
          : nargs === '+'
            ? '(-*A[A-]*)'
            : nargs === 'A...'
              ? '(-*A[-AO]*)'
              : `(-*${'A'.repeat(nargs).split('').join('-*')}-*)`;
  return action.optionStrings.length > 0 ? pattern.replace(/-\*/g, '').replace(/-/g, '') : pattern;
}

function expectedMessage(action: Action): string {
  const { nargs } = action;
  if (nargs === undefined) return 'expected one argument';
  if (nargs === '?') return 'expected at most one argument';
  if (nargs === '+') return 'expected at least one argument';
  return `expected ${nargs} argument${nargs === 1 ? '' : 's'}`;
}

interface Option {
  action: Action | undefined;
  explicit?: string;
}

/** _get_option_tuples: the options an abbreviation (or a short option with its value attached) could be. */
function optionTuples(parser: Parser, arg: string): Array<[Action, string, string | undefined]> {
  const tuples: Array<[Action, string, string | undefined]> = [];
  const eq = arg.indexOf('=');
  for (const action of parser.actions) {
    for (const name of action.optionStrings) {
      if (arg.startsWith('--')) {
        if (name.startsWith(eq >= 0 ? arg.slice(0, eq) : arg)) tuples.push([action, name, eq >= 0 ? arg.slice(eq + 1) : undefined]);
      } else if (name === arg.slice(0, 2)) tuples.push([action, name, arg.slice(2)]);
      else if (name.startsWith(arg)) tuples.push([action, name, undefined]);
    }
  }
  return tuples;
}

/** _parse_optional: whether a string is an option (with the action it names, if any), or a positional value. */
function classify(parser: Parser, arg: string): Option | 'positional' {
  if (!arg.startsWith('-')) return 'positional';
  const byName = (name: string): Action | undefined => parser.actions.find((a) => a.optionStrings.includes(name));
  const exact = byName(arg);
  if (exact) return { action: exact };
  if (arg.length === 1) return 'positional';
  const eq = arg.indexOf('=');
  const named = eq >= 0 ? byName(arg.slice(0, eq)) : undefined;
  if (named) return { action: named, explicit: arg.slice(eq + 1) };
  const tuples = optionTuples(parser, arg);
  if (tuples.length > 1) throw new ArgumentError(`ambiguous option: ${arg} could match ${tuples.map(([, name]) => name).join(', ')}`);
  if (tuples.length === 1) return { action: tuples[0]![0], explicit: tuples[0]![2] };
  if (/^-\d+$|^-\d*\.\d+$/.test(arg)) return 'positional';
  if (arg.includes(' ')) return 'positional';
  return { action: undefined };
}

/** One parser's parse_known_args: its outcome, and the strings it did not recognise. */
function parseKnown(parser: Parser, args: readonly string[], sub: (action: Action, values: string[]) => Outcome): { outcome: Outcome; extras: string[] } {
  const options = new Map<number, Option>();
  let pattern = '';
  const extras: string[] = [];
  const seen = new Set<Action>();
  let positionals = parser.actions.filter((a) => a.optionStrings.length === 0);
  let outcome: Outcome;

  const take = (action: Action, values: string[]): void => {
    seen.add(action);
    if (action.exits) throw new HelpRequested();
    const given = action.nargs === 'A...' ? values : values.filter((v, i) => v !== '--' || i !== values.indexOf('--'));
    if (action.nargs === 'A...') {
      checkValue(action, given[0]!);
      outcome = sub(action, given);
      if (outcome) throw new Stop();
      return;
    }
    for (const value of given) checkValue(action, value);
  };

  const consumePositionals = (start: number): number => {
    const rest = pattern.slice(start);
    for (let n = positionals.length; n > 0; n--) {
      const match = new RegExp(`^${positionals.slice(0, n).map(nargsPattern).join('')}`).exec(rest);
      if (!match) continue;
      let at = start;
      for (const [i, action] of positionals.slice(0, n).entries()) {
        const count = match[i + 1]!.length;
        take(action, args.slice(at, at + count));
        at += count;
      }
      positionals = positionals.slice(n);
      return at;
    }
    return start;
  };

  const consumeOptional = (start: number): number => {
    const { action, explicit } = options.get(start)!;
    if (action === undefined) {
      extras.push(args[start]!);
      return start + 1;
    }
    if (explicit !== undefined) {
      const count = new RegExp(`^${nargsPattern(action)}`).exec('A')?.[1]?.length;
      if (count === undefined) throw new ArgumentError(`argument ${actionName(action)}: ${expectedMessage(action)}`);
      if (count !== 1) throw new ArgumentError(`argument ${actionName(action)}: ignored explicit argument ${pyReprString(explicit)}`);
      take(action, [explicit]);
      return start + 1;
    }
    const match = new RegExp(`^${nargsPattern(action)}`).exec(pattern.slice(start + 1));
    if (!match) throw new ArgumentError(`argument ${actionName(action)}: ${expectedMessage(action)}`);
    const stop = start + 1 + match[1]!.length;
    take(action, args.slice(start + 1, stop));
    return stop;
  };

  try {
    for (const [i, arg] of args.entries()) {
      const kind = pattern.includes('-') ? 'positional' : arg === '--' ? '--' : classify(parser, arg);
      if (kind === 'positional') pattern += 'A';
      else if (kind === '--') pattern += '-';
      else {
        options.set(i, kind);
        pattern += 'O';
      }
    }
    const optionIndexes = [...options.keys()];
    const last = Math.max(-1, ...optionIndexes);
    let start = 0;
    while (start <= last) {
      const next = Math.min(...optionIndexes.filter((i) => i >= start));
      if (start !== next) {
        const end = consumePositionals(start);
        if (end > start) {
          start = end;
          continue;
        }
      }
      if (!options.has(start)) {
        extras.push(...args.slice(start, next));
        start = next;
      }
      start = consumeOptional(start);
    }
    extras.push(...args.slice(consumePositionals(start)));
    const required = parser.actions.filter((a) => a.required && !seen.has(a));
    if (required.length > 0) throw new ArgumentError(`the following arguments are required: ${required.map(actionName).join(', ')}`);
  } catch (err) {
    if (err instanceof HelpRequested) return { outcome: { help: parser }, extras };
    if (err instanceof Stop) return { outcome, extras };
    if (err instanceof ArgumentError) return { outcome: { error: err.message, parser }, extras };
    throw err;
  }
  return { outcome, extras };
}

class HelpRequested extends Error {}
class Stop extends Error {}

/**
 * What argparse reports for a command line given to `main` (glanceclient's parser with its
 * subcommand parsers): the subcommand's error or help first, then the main parser's own, then
 * `unrecognized arguments` for what neither took. undefined: argparse takes it.
 */
export function argparseOutcome(main: Parser, commands: Readonly<Record<string, Parser>>, args: readonly string[]): Outcome {
  const unrecognized: string[] = [];
  const { outcome, extras } = parseKnown(main, args, (_action, values) => {
    const command = commands[values[0]!];
    if (!command) return undefined;
    const inner = parseKnown(command, values.slice(1), () => undefined);
    unrecognized.push(...inner.extras);
    return inner.outcome;
  });
  if (outcome) return outcome;
  const left = [...extras, ...unrecognized];
  if (left.length > 0) return { error: `unrecognized arguments: ${left.join(' ')}`, parser: main };
  return undefined;
}
