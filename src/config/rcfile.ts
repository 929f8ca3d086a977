// A keystonerc is shell. We understand the subset rc files use (packstack's keystonerc_admin,
// Horizon's openrc, devstack-style exports): assignments with or without `export`, quotes,
// $VAR / ${VAR} references, `unset`, comments, `echo`, Horizon's `read -sr` password prompt and
// its `if [ -z "$X" ]; then unset X; fi` guard. Anything else is an error naming file and line,
// because silently skipping a line could mean authenticating as someone else.
import { CliError } from '../errors.js';
import { readConfigText } from './text-file.js';

export interface RcFile {
  /** Every name the file sets (a string) or unsets (undefined), as `source FILE` would leave them. */
  vars: Record<string, string | undefined>;
  /** Horizon's openrc reads the password at the terminal (`read -sr OS_PASSWORD_INPUT`); OS_PASSWORD is then left out of vars. */
  promptsForPassword: boolean;
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const ASSIGN = new RegExp(`^(?:export\\s+|declare\\s+-x\\s+)?(${NAME})=(.*)$`);
const BARE_EXPORT = new RegExp(`^export(\\s+${NAME})+\\s*;?$`);
const UNSET = new RegExp(`^unset(?:\\s+-v)?((?:\\s+${NAME})+)\\s*;?$`);
const READ = new RegExp(`^read(?:\\s+-[a-zA-Z]+)*\\s+(${NAME})\\s*;?$`);
// `if [ -z "$X" ]; then unset X; fi` (Horizon) and `[ -z "$X" ] && unset X`.
const UNSET_IF_EMPTY = new RegExp(`^(?:if\\s+)?\\[\\s+-z\\s+"?\\$\\{?(${NAME})\\}?"?\\s+\\]\\s*(?:;\\s*then|&&)\\s*unset\\s+(${NAME})\\s*(?:;\\s*fi)?\\s*;?$`);
// Lines that only talk to the person sourcing the file or set shell options.
const HARMLESS = /^(?:echo|printf|set|shopt|alias|true|:)(?:\s|;|$)/;

const MAX_LINE = 16 * 1024;

/**
 * An `echo`/`printf`/`set` line is skipped only when it is that and nothing more: no command
 * substitution (also inside double quotes) and no `;`, `|`, `&`, `<`, `>` outside quotes, which
 * would run or change something in the shell (`echo x; export OS_PASSWORD=y`) that we would miss.
 */
function checkHarmless(line: string, where: string): void {
  const unquotedSingle = line.replace(/'[^']*'/g, "''");
  if (/\$\(|`/.test(unquotedSingle)) throw new CliError(`${where}: command substitution is not supported in a credentials file: write the value itself.`);
  const unquoted = unquotedSingle.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if (/[;|&<>]/.test(unquoted))
    throw new CliError(`${where}: ';', '|', '&', '<' or '>' after a command would run more in the shell than we read: put one command on a line.`);
}

/** Marks a value that the terminal would supply (from `read`). */
const FROM_TERMINAL = '\u0000terminal\u0000';

export function readRcFile(path: string, env: NodeJS.ProcessEnv): RcFile {
  return parseRc(readConfigText(path, 'credentials file', 'check the path given to --os-rc'), path, env);
}

export function parseRc(text: string, path: string, env: NodeJS.ProcessEnv): RcFile {
  const vars: Record<string, string | undefined> = {};
  const lookup = (name: string): string => (name in vars ? (vars[name] ?? '') : (env[name] ?? ''));
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const where = `${path}:${index + 1}`;
    // Keeps parsing linear in practice: a 100 KB line of nested ${…} took seconds (even a PKI token is ~10 KB).
    if (lines[index]!.length > MAX_LINE) throw new CliError(`${where}: line is longer than ${MAX_LINE} characters: is this really a credentials file?`);
    const line = stripComment(lines[index]!.trim());
    if (HARMLESS.test(line)) {
      checkHarmless(line, where);
      continue;
    }
    if (line === '' || BARE_EXPORT.test(line)) continue;
    const assign = ASSIGN.exec(line);
    if (assign) {
      vars[assign[1]!] = parseValue(assign[2]!, lookup, (name) => (name in vars ? vars[name] !== undefined : env[name] !== undefined), where);
      continue;
    }
    const unset = UNSET.exec(line);
    if (unset) {
      for (const name of unset[1]!.trim().split(/\s+/)) vars[name] = undefined;
      continue;
    }
    const read = READ.exec(line);
    if (read) {
      vars[read[1]!] = FROM_TERMINAL;
      continue;
    }
    const guard = UNSET_IF_EMPTY.exec(line);
    if (guard && guard[1] === guard[2]) {
      if (lookup(guard[1]!) === '') vars[guard[1]!] = undefined;
      continue;
    }
    throw new CliError(`${where}: cannot understand '${shown(line)}': a credentials file may only set (export NAME=value), unset or read variables.`);
  }
  let promptsForPassword = false;
  for (const [name, value] of Object.entries(vars)) {
    if (!value?.includes(FROM_TERMINAL)) continue;
    // Only the password is ever typed in. Unlike the shell, a password already given (flag or
    // environment) is kept, so scripts can use a Horizon openrc without a terminal.
    if (name === 'OS_PASSWORD') promptsForPassword = true;
    delete vars[name];
  }
  return { vars, promptsForPassword };
}

/** The line for an error message: cut after a secret's name, so a password never reaches the terminal. */
function shown(line: string): string {
  const secret = /[A-Za-z0-9_]*(?:PASSWORD|SECRET|TOKEN|KEY)[A-Za-z0-9_]*/i.exec(line);
  return secret ? `${line.slice(0, secret.index + secret[0].length)} …` : line.slice(0, 60);
}

/** Drops a trailing ` # comment` outside quotes (a `#` inside a word is literal, as in the shell). */
function stripComment(line: string): string {
  if (line.startsWith('#')) return '';
  let quote = '';
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quote) {
      if (ch === '\\' && quote === '"') i += 1;
      else if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '\\') i += 1;
    else if (ch === '#' && /\s/.test(line[i - 1] ?? '')) return line.slice(0, i).trimEnd();
  }
  return line;
}

/** One shell word: quotes, backslash escapes, $VAR and ${VAR} (not inside single quotes). */
function parseValue(rest: string, lookup: (name: string) => string, isSet: (name: string) => boolean, where: string): string {
  let out = '';
  let i = 0;
  const expand = (quoted: boolean): void => {
    const tail = rest.slice(i);
    if (tail.startsWith('$(') || tail.startsWith('`')) {
      throw new CliError(`${where}: command substitution is not supported in a credentials file: write the value itself.`);
    }
    if (tail.startsWith('${')) {
      // Only a literal default: bash would expand `$`, `~`, quotes and backslashes in it again.
      const braced = new RegExp(`^\\$\\{(${NAME})(?:(:?-)([^$\`'"\\\\}]*))?\\}`).exec(tail);
      if (!braced || braced[3]?.startsWith('~')) {
        throw new CliError(`${where}: unsupported \${…} expansion: only \${NAME}, \${NAME-word} and \${NAME:-word} with a literal word are understood.`);
      }
      const value = lookup(braced[1]!);
      out += braced[2] !== undefined && value === '' && (braced[2] === ':-' || !isSet(braced[1]!)) ? braced[3]! : value;
      i += braced[0].length;
      return;
    }
    const plain = new RegExp(`^\\$(${NAME})`).exec(tail);
    if (plain) {
      out += lookup(plain[1]!);
      i += plain[0].length;
      return;
    }
    // $1, $@, $$, $? … are the shell's own; $'…' and $"…" are quoting forms (outside double quotes).
    if (/^\$[0-9@*#?$!-]/.test(tail) || (!quoted && /^\$['"]/.test(tail))) {
      throw new CliError(`${where}: '${tail.slice(0, 2)}' is expanded by the shell: quote a literal $ ('…') or write the value itself.`);
    }
    out += '$';
    i += 1;
  };
  while (i < rest.length) {
    const ch = rest[i]!;
    if (ch === "'") {
      const end = rest.indexOf("'", i + 1);
      if (end < 0) throw new CliError(`${where}: unterminated single quote.`);
      out += rest.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '"') {
      i += 1;
      while (i < rest.length && rest[i] !== '"') {
        if (rest[i] === '\\' && i + 1 < rest.length && '"\\$`'.includes(rest[i + 1]!)) {
          out += rest[i + 1];
          i += 2;
        } else if (rest[i] === '$') expand(true);
        else if (rest[i] === '`') throw new CliError(`${where}: command substitution is not supported in a credentials file: write the value itself.`);
        else out += rest[i++];
      }
      if (i >= rest.length) throw new CliError(`${where}: unterminated double quote.`);
      i += 1;
    } else if (ch === '\\' && i + 1 < rest.length) {
      out += rest[i + 1];
      i += 2;
    } else if (ch === '\\') {
      throw new CliError(`${where}: a backslash at the end of a line continues it in the shell: write the value on one line.`);
    } else if (ch === '~' && (i === 0 || rest[i - 1] === ':')) {
      throw new CliError(`${where}: the shell would expand '~' here (tilde expansion): write the path itself or quote it.`);
    } else if ('|&<>()'.includes(ch) || (ch === ';' && rest.slice(i + 1).trim() !== '')) {
      throw new CliError(`${where}: '${ch}' outside quotes makes the shell pipe, redirect or run a command: quote the value.`);
    } else if (ch === '$') expand(false);
    else if (ch === '`') throw new CliError(`${where}: command substitution is not supported in a credentials file: write the value itself.`);
    else if (ch === ';' && rest.slice(i + 1).trim() === '') break;
    else if (/\s/.test(ch)) {
      throw new CliError(`${where}: unexpected text after the value: quote values that contain spaces.`);
    } else out += rest[i++];
  }
  return out;
}
