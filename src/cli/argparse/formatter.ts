// Python 3.11 argparse.HelpFormatter, ported for the usage and help python-glanceclient prints:
// the same layout, wrapping and quirks (its usage-line regexes included), so that the v2 dialect's
// help and usage errors are glanceclient's byte for byte. test/unit/argparse-formatter.test.ts checks
// it against Python's argparse on generated parsers. (Mutually exclusive groups are left out:
// glanceclient has none.)
import type { Action, Parser } from './model.js';
import { wrap } from '../../output/textwrap.js';

const INDENT_INCREMENT = 2;
const MAX_HELP_POSITION = 24;

/** shutil.get_terminal_size().columns as argparse reads it: $COLUMNS, else the terminal's width, else 80. */
export function terminalColumns(env: NodeJS.ProcessEnv, stdoutColumns: number | undefined): number {
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10);
  if (/^\s*\d+\s*$/.test(env.COLUMNS ?? '') && fromEnv > 0) return fromEnv;
  return stdoutColumns !== undefined && stdoutColumns > 0 ? stdoutColumns : 80;
}

/** The metavar of an action (its choices in braces, or the default), as a 1- or 2-tuple of the same text. */
function metavarOf(action: Action, fallback: string): string {
  if (action.metavar !== undefined) return action.metavar;
  if (action.choices !== undefined) return `{${action.choices.join(',')}}`;
  return fallback;
}

const defaultMetavar = (action: Action): string => (action.optionStrings.length > 0 ? action.dest.toUpperCase() : action.dest);

/** _format_args: how an action's values are shown. */
function formatArgs(action: Action): string {
  const metavar = metavarOf(action, defaultMetavar(action));
  const { nargs } = action;
  if (nargs === undefined) return metavar;
  if (nargs === '?') return `[${metavar}]`;
  if (nargs === '*') return `[${metavar} ...]`;
  if (nargs === '+') return `${metavar} [${metavar} ...]`;
  if (nargs === 'A...') return `${metavar} ...`;
  return Array.from({ length: nargs }, () => metavar).join(' ');
}

/** _format_actions_usage (no groups): each action's part, then argparse's bracket clean-ups. */
function actionsUsage(actions: readonly Action[]): string {
  const parts = actions.map((action) => {
    if (action.optionStrings.length === 0) return formatArgs(action);
    const part = action.nargs === 0 ? action.optionStrings[0]! : `${action.optionStrings[0]} ${formatArgs(action)}`;
    return action.required ? part : `[${part}]`;
  });
  return parts
    .join(' ')
    .replace(/([[(]) /g, '$1')
    .replace(/ ([\])])/g, '$1')
    .replace(/[[(] *[\])]/g, '')
    .replace(/\(([^|]*)\)/g, '$1')
    .trim();
}

const PART = /\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+/g;

/** get_lines: parts packed into lines of the text width, each line but a prefixed first one indented. */
function packLines(parts: readonly string[], indent: string, textWidth: number, prefix?: string): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let length = (prefix ?? indent).length - 1;
  for (const part of parts) {
    if (length + 1 + part.length > textWidth && line.length > 0) {
      lines.push(indent + line.join(' '));
      line = [];
      length = indent.length - 1;
    }
    line.push(part);
    length += part.length + 1;
  }
  if (line.length > 0) lines.push(indent + line.join(' '));
  if (prefix !== undefined && lines.length > 0) lines[0] = lines[0]!.slice(indent.length);
  return lines;
}

/** _format_usage: `usage: prog [options] positionals`, wrapped as argparse wraps it (no trailing blank line). */
export function formatUsage(parser: Parser, width: number): string {
  const prefix = 'usage: ';
  const { prog } = parser;
  const shown = parser.actions.filter((a) => !a.suppressed);
  const optionals = shown.filter((a) => a.optionStrings.length > 0);
  const positionals = shown.filter((a) => a.optionStrings.length === 0);
  const usage = [prog, actionsUsage([...optionals, ...positionals])].filter((s) => s).join(' ');
  if (prefix.length + usage.length <= width) return `${prefix}${usage}`;
  const optParts = actionsUsage(optionals).match(PART) ?? [];
  const posParts = actionsUsage(positionals).match(PART) ?? [];
  let lines: string[];
  if (prefix.length + prog.length <= 0.75 * width) {
    const indent = ' '.repeat(prefix.length + prog.length + 1);
    if (optParts.length > 0) lines = [...packLines([prog, ...optParts], indent, width, prefix), ...packLines(posParts, indent, width)];
    else if (posParts.length > 0) lines = packLines([prog, ...posParts], indent, width, prefix);
    else lines = [prog];
  } else {
    const indent = ' '.repeat(prefix.length);
    lines = packLines([...optParts, ...posParts], indent, width);
    if (lines.length > 1) lines = [...packLines(optParts, indent, width), ...packLines(posParts, indent, width)];
    lines = [prog, ...lines];
  }
  return `${prefix}${lines.join('\n')}`;
}

function invocation(action: Action): string {
  if (action.optionStrings.length === 0) return metavarOf(action, defaultMetavar(action));
  if (action.nargs === 0) return action.optionStrings.join(', ');
  const args = formatArgs(action);
  return action.optionStrings.map((option) => `${option} ${args}`).join(', ');
}

/** _expand_help: the %(name)s fields glanceclient's help texts use. */
function expandHelp(action: Action, prog: string): string {
  const fields: Record<string, string | undefined> = { default: action.default ?? 'None', prog, dest: action.dest, metavar: action.metavar };
  return action.help!.replace(/%\((\w+)\)s|%%/g, (match, name: string | undefined) => (name === undefined ? '%' : (fields[name] ?? match)));
}

/** _split_lines: whitespace runs become one space, then textwrap.wrap. */
const splitLines = (text: string, width: number): string[] => wrap(text.replace(/[ \t\n\r\f\v]+/g, ' ').trim(), width);

interface Layout {
  width: number;
  helpPosition: number;
  prog: string;
}

/** _format_action: the invocation, then its help in the help column (or on the next lines). */
function formatAction(action: Action, indent: number, layout: Layout): string {
  const { helpPosition } = layout;
  const helpWidth = Math.max(layout.width - helpPosition, 11);
  const actionWidth = helpPosition - indent - 2;
  const header = invocation(action);
  const pad = ' '.repeat(indent);
  let out: string;
  let firstIndent = 0;
  if (!action.help) out = `${pad}${header}\n`;
  else if (header.length <= actionWidth) out = `${pad}${header.padEnd(actionWidth)}  `;
  else {
    out = `${pad}${header}\n`;
    firstIndent = helpPosition;
  }
  if (action.help?.trim()) {
    const lines = splitLines(expandHelp(action, layout.prog), helpWidth);
    if (lines.length > 0) {
      out += `${' '.repeat(firstIndent)}${lines[0]}\n`;
      for (const line of lines.slice(1)) out += `${' '.repeat(helpPosition)}${line}\n`;
    }
  } else if (!out.endsWith('\n')) out += '\n';
  for (const sub of action.subactions ?? [])
    out += formatAction({ optionStrings: [], dest: sub.metavar, metavar: sub.metavar, help: sub.help }, indent + INDENT_INCREMENT, layout);
  return out;
}

/** _format_text: a description or epilog, filled to the width at the indent. */
function formatText(text: string, indent: number, width: number): string {
  const textWidth = Math.max(width - indent, 11);
  return `${wrap(text.replace(/[ \t\n\r\f\v]+/g, ' ').trim(), textWidth, ' '.repeat(indent)).join('\n')}\n\n`;
}

/** The longest invocation plus its indent, over every listed action and subaction. */
function actionMaxLength(parser: Parser): number {
  let longest = 0;
  for (const action of parser.actions.filter((a) => !a.suppressed)) {
    longest = Math.max(longest, invocation(action).length + INDENT_INCREMENT);
    for (const sub of action.subactions ?? []) longest = Math.max(longest, sub.metavar.length + 2 * INDENT_INCREMENT);
  }
  return longest;
}

/** ArgumentParser.format_help at a width (argparse's is the terminal's columns - 2). */
export function formatHelp(parser: Parser, width: number): string {
  const maxHelpPosition = Math.min(MAX_HELP_POSITION, Math.max(width - 20, INDENT_INCREMENT * 2));
  const layout: Layout = { width, prog: parser.prog, helpPosition: Math.min(actionMaxLength(parser) + 2, maxHelpPosition) };
  let help = `${formatUsage(parser, width)}\n\n`;
  if (parser.description !== null) help += formatText(parser.description, 0, width);
  for (const group of parser.groups) {
    // An empty description still adds its blank line, as argparse's does.
    let items = group.description !== null ? formatText(group.description, INDENT_INCREMENT, width) : '';
    for (const action of group.actions.map((index) => parser.actions[index]!).filter((a) => !a.suppressed))
      items += formatAction(action, INDENT_INCREMENT, layout);
    if (items) help += `\n${group.title ? `${group.title}:\n` : ''}${items}\n`;
  }
  if (parser.epilog !== null) help += formatText(parser.epilog, 0, width);
  return `${help.replace(/\n\n\n+/g, '\n\n').replace(/^\n+|\n+$/g, '')}\n`;
}
