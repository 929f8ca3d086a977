// A keystonerc is shell. We understand the subset rc files use: export/assignment lines,
// quotes, $VAR / ${VAR} references, unset, comments; everything not about OS_* is ignored.
import { readFileSync } from 'node:fs';
import { CliError } from '../errors.js';

export interface RcFile {
  /** Final values; undefined marks a name the file unsets. */
  vars: Record<string, string | undefined>;
  /** Horizon's openrc reads the password at the terminal (`read -sr OS_PASSWORD_INPUT`). */
  promptsForPassword: boolean;
}

const ASSIGN = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;

export function readRcFile(path: string, env: NodeJS.ProcessEnv): RcFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CliError(`Cannot read credentials file ${path}: check the path given to --os-rc.`);
  }
  return parseRc(text, path, env);
}

export function parseRc(text: string, path: string, env: NodeJS.ProcessEnv): RcFile {
  const vars: Record<string, string | undefined> = {};
  let promptsForPassword = false;
  const lookup = (name: string): string => vars[name] ?? env[name] ?? '';
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `${path}:${index + 1}`;
    const assign = ASSIGN.exec(line);
    if (assign) {
      const [, name, rest] = assign as unknown as [string, string, string];
      vars[name] = parseValue(rest, lookup, where);
      return;
    }
    const unset = /^unset\s+(.+)$/.exec(line);
    if (unset) {
      for (const name of unset[1]!.split(/\s+/)) vars[name] = undefined;
      return;
    }
    const read = /^read\s+(?:-[a-z]+\s+)*([A-Za-z_][A-Za-z0-9_]*)$/.exec(line);
    if (read) {
      vars[read[1]!] = '\u0000prompt';
      promptsForPassword = true;
      return;
    }
    // Shell plumbing an rc file may carry that does not define credentials.
    if (/^(echo|if|then|fi|else|elif|#!|set|alias|source|\.|export\s+[A-Za-z_][A-Za-z0-9_]*\s*$)\b/.test(line) || /^if\s/.test(line)) return;
    throw new CliError(`Cannot understand line ${index + 1} of ${path}: ${JSON.stringify(raw.trim().slice(0, 60))} (expected "export NAME=value").`);
  });
  // A password that came from `read` is only known at the prompt.
  for (const [name, value] of Object.entries(vars)) {
    if (value?.includes('\u0000prompt')) {
      vars[name] = undefined;
      if (name === 'OS_PASSWORD') promptsForPassword = true;
    }
  }
  return { vars, promptsForPassword };
}

/** Shell word: quotes, backslash escapes, $VAR and ${VAR} (not inside single quotes). */
function parseValue(rest: string, lookup: (name: string) => string, where: string): string {
  let out = '';
  let i = 0;
  const expand = (): void => {
    const braced = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/.exec(rest.slice(i));
    const plain = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest.slice(i));
    const match = braced ?? plain;
    if (!match) {
      out += '$';
      i += 1;
      return;
    }
    const value = lookup(match[1]!);
    out += value === '' && braced?.[2] !== undefined ? braced[2] : value;
    i += match[0].length;
  };
  while (i < rest.length) {
    const ch = rest[i]!;
    if (ch === "'") {
      const end = rest.indexOf("'", i + 1);
      if (end < 0) throw new CliError(`Unterminated single quote at ${where}.`);
      out += rest.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '"') {
      i += 1;
      while (i < rest.length && rest[i] !== '"') {
        if (rest[i] === '\\' && i + 1 < rest.length && '"\\$`'.includes(rest[i + 1]!)) {
          out += rest[i + 1];
          i += 2;
        } else if (rest[i] === '$') expand();
        else out += rest[i++];
      }
      if (i >= rest.length) throw new CliError(`Unterminated double quote at ${where}.`);
      i += 1;
    } else if (ch === '\\' && i + 1 < rest.length) {
      out += rest[i + 1];
      i += 2;
    } else if (ch === '$') expand();
    else if (/\s/.test(ch)) {
      const tail = rest.slice(i).trim();
      if (tail === '' || tail.startsWith('#') || tail === ';') break;
      throw new CliError(`Unexpected text after the value at ${where}: quote values that contain spaces.`);
    } else out += rest[i++];
  }
  return out;
}
