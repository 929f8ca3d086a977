// The v2 dialect's help and usage errors: python-glanceclient 4.1.0's parsers (dumped into
// glanceclient-parsers.json) laid out and checked as its argparse does, plus this CLI's own flags
// (output formats, checks glanceclient lacks) in a section of their own after glanceclient's help.
// Loaded only when help or an error is printed.
import type { CommandSpec } from '../command.js';
import type { OptionSpec } from '../flags/flag.js';
import { glanceCommands } from '../glance/index.js';
import { globalFlagsFor } from '../globals.js';
import { OUTPUT_FLAGS } from '../output-flags.js';
import { formatHelp, formatUsage } from './formatter.js';
import type { Action, GlanceclientParsers, Parser } from './model.js';
import { argparseOutcome } from './parse.js';
import parsers from './glanceclient-parsers.json' with { type: 'json' };

const GLANCECLIENT = parsers as GlanceclientParsers;

const OURS_TITLE = 'Options of this CLI (not in glanceclient)';

/** One of our flags as an argparse optional: '-f, --format <FORMAT>', '--hidden [BOOL]', '--tags <TAGS...>', '--progress'. */
function actionOf(spec: OptionSpec, taken: ReadonlySet<string>): Action[] {
  const names = [...spec.flags.matchAll(/(?:^|[\s,])(--?[A-Za-z0-9][\w-]*)/g)].map((m) => m[1]!);
  const value = spec.flags.replace(/^(?:--?[\w-]+[,\s]*)+/, '').trim();
  const shape: Pick<Action, 'metavar' | 'nargs'> =
    value === ''
      ? { nargs: 0 }
      : value.startsWith('[')
        ? { metavar: value.slice(1, -1), nargs: '?' }
        : value.endsWith('...>')
          ? { metavar: value.replace('...>', '>'), nargs: '+' }
          : { metavar: value };
  const own = names.filter((name) => !taken.has(name));
  if (own.length === 0) return [];
  const help = [spec.description, typeof spec.default === 'string' && spec.default !== '' ? `(default: ${spec.default})` : ''].filter(Boolean).join(' ');
  const main: Action = {
    optionStrings: own,
    dest: own.at(-1)!.replace(/^-+/, ''),
    ...shape,
    help,
    suppressed: true,
    ours: spec.hidden ? 'unlisted' : 'listed',
  };
  const older = (spec.spellings ?? []).filter((name) => !taken.has(name)).map((name): Action => ({ ...main, optionStrings: [name], ours: 'unlisted' }));
  return [main, ...older];
}

/** glanceclient's parser with our flags it lacks added (suppressed: listed only in our section). */
function withOurs(parser: Parser, ours: readonly OptionSpec[]): Parser {
  const taken = new Set(parser.actions.flatMap((a) => a.optionStrings));
  const extra = ours.flatMap((spec) => actionOf(spec, taken));
  return { ...parser, actions: [...parser.actions, ...extra] };
}

/** Our flags of a command (or of the main program): the spec's and the output flags. */
function specFlags(spec: CommandSpec | undefined): OptionSpec[] {
  if (!spec) return [];
  const output = spec.output === 'list' || spec.output === 'record' ? Object.values(OUTPUT_FLAGS) : [];
  return [...Object.values(spec.options ?? {}), ...output];
}

/** glanceclient's main parser with our global flags. */
const mainParser = (): Parser => withOurs(GLANCECLIENT.main, Object.values(globalFlagsFor('glance')));

/** glanceclient's subcommand parsers, each with our command's own flags. */
function commandParsers(): Record<string, Parser> {
  const specs = glanceCommands.map((module) => module.spec);
  const byName = new Map(specs.flatMap((spec) => [spec.name, ...(spec.aliases ?? [])].map((name) => [name, spec] as const)));
  return Object.fromEntries(Object.entries(GLANCECLIENT.commands).map(([name, parser]) => [name, withOurs(parser, specFlags(byName.get(name)))]));
}

/** Our section: our flags in argparse's layout, under their own title. */
function oursSection(parser: Parser, width: number): string {
  const actions = parser.actions.filter((a) => a.ours === 'listed').map((a): Action => ({ ...a, suppressed: false }));
  if (actions.length === 0) return '';
  const section: Parser = {
    prog: parser.prog,
    description: null,
    epilog: null,
    actions,
    groups: [{ title: OURS_TITLE, description: null, actions: actions.map((_, i) => i) }],
  };
  const text = formatHelp(section, width);
  return `\n${text.slice(text.indexOf(`${OURS_TITLE}:`))}`;
}

export interface HelpRequest {
  /** '' for the main program. */
  command: string;
  /** `glance help [CMD]` (glanceclient then points at the v1 help), not -h/--help. */
  viaHelpCommand: boolean;
}

/** What `glance help CMD`, `glance CMD --help`, `glance help` and `glance -h` print (stdout), or glanceclient's complaint (stderr, exit 1). */
export function v2Help(request: HelpRequest, columns: number): { stdout: string } | { stderr: string } {
  const width = columns - 2;
  const { command, viaHelpCommand } = request;
  const parser = command === '' ? mainParser() : commandParsers()[command];
  if (!parser) return { stderr: `'${command}' is not a valid subcommand\n` };
  let text = formatHelp(parser, width);
  if (viaHelpCommand && command === '') text += '\nRun `glance --os-image-api-version 1 help` for v1 help\n';
  else if (viaHelpCommand && GLANCECLIENT.inV1.includes(command)) text += `\nRun \`glance --os-image-api-version 1 help ${command}\` for v1 help\n`;
  return { stdout: text + oursSection(parser, width) };
}

/** Our own complaint about a command line glanceclient would take (a flag of ours, a check of ours), under argparse's usage line. */
function underArgparseUsage(message: string, width: number): { stderr: string } | undefined {
  const match = /^usage: .*\n(glance ([\w-]+): error: [\s\S]*)$/.exec(message);
  const parser = match && commandParsers()[match[2]!];
  return parser ? { stderr: `${formatUsage(parser, width)}\n${match[1]}\n` } : undefined;
}

/**
 * argparse's report for a command line (after the program name) that glanceclient's parsers
 * refuse: its usage, then `<prog>: error: …` (stderr, exit 2); or the help it prints for a -h
 * after the error commander saw. When glanceclient would take the command line, the v2 dialect
 * still puts argparse's usage line over our own complaint; the v1 dialect keeps it as it is, and
 * only a glanceclient-only command's own errors (spec.glanceclientErrors) are argparse's there.
 */
export function argparseUsageError(
  argv: readonly string[],
  columns: number,
  v2: boolean,
  ourMessage: string,
): { stderr: string } | { stdout: string } | undefined {
  const width = columns - 2;
  const outcome = argparseOutcome(mainParser(), commandParsers(), argv);
  if (outcome === undefined) return v2 ? underArgparseUsage(ourMessage, width) : undefined;
  if (!v2) {
    const name = 'error' in outcome ? outcome.parser.prog.replace(/^glance ?/, '') : '';
    if (!glanceCommands.some((module) => module.spec.name === name && module.spec.glanceclientErrors)) return undefined;
  }
  if ('help' in outcome) return { stdout: formatHelp(outcome.help, width) + oursSection(outcome.help, width) };
  return { stderr: `${formatUsage(outcome.parser, width)}\n${outcome.parser.prog}: error: ${outcome.error}\n` };
}
