// cliff's shell format: `name="value"` lines a shell can eval. Names: lower case, spaces, colons
// and dashes as underscores (cliff), and anything else a shell name cannot hold as well.
// Values: cliff escapes only `"`; we also escape `\`, `$` and backquote so eval never expands them
// (inside double quotes nothing else is special in bash, dash or zsh: newlines and controls stay data).
// A field is not assigned, but named in a `# skipped` comment, when its name (prefix included) is not
// a shell name, is one a shell or the login environment gives a meaning to (compared ignoring case:
// zsh ties `path` to `PATH`), or its value holds a NUL, which no shell variable can hold.
import { terminalText } from '../terminal-text.js';
import type { Cell } from '../views.js';
import type { CellText } from './types.js';

const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Variables bash, dash, zsh or the login environment act on (lower case; matched ignoring case). */
const SPECIAL = new Set([
  // POSIX and bash
  '_',
  'auto_resume',
  'bashopts',
  'cdpath',
  'columns',
  'dirstack',
  'editor',
  'env',
  'epochrealtime',
  'epochseconds',
  'euid',
  'execignore',
  'fcedit',
  'fignore',
  'funcname',
  'funcnest',
  'globignore',
  'groups',
  'histchars',
  'histcmd',
  'histcontrol',
  'histfile',
  'histfilesize',
  'histignore',
  'histsize',
  'histtimeformat',
  'home',
  'hostname',
  'ifs',
  'ignoreeof',
  'inputrc',
  'lang',
  'language',
  'lineno',
  'lines',
  'logname',
  'mail',
  'mailcheck',
  'mailpath',
  'oldpwd',
  'optarg',
  'opterr',
  'optind',
  'pager',
  'path',
  'pipestatus',
  'posixly_correct',
  'ppid',
  'prompt_command',
  'prompt_dirtrim',
  'pwd',
  'random',
  'seconds',
  'shell',
  'shellopts',
  'srandom',
  'term',
  'timeformat',
  'tmpdir',
  'tz',
  'uid',
  'user',
  'visual',
  // zsh: arrays tied to the upper-case variables, specials, and the zsh/parameter and zsh/mapfile hashes
  'aliases',
  'argc',
  'argv',
  'builtins',
  'chpwd_functions',
  'commands',
  'epochtime',
  'errnos',
  'fpath',
  'funcfiletrace',
  'funcsourcetrace',
  'funcstack',
  'functions',
  'functrace',
  'galiases',
  'history',
  'historywords',
  'jobdirs',
  'jobstates',
  'jobtexts',
  'keymaps',
  'keytimeout',
  'manpath',
  'mapfile',
  'module_path',
  'modules',
  'nameddirs',
  'nullcmd',
  'options',
  'parameters',
  'patchars',
  'period',
  'periodic_functions',
  'precmd_functions',
  'preexec_functions',
  'prompt',
  'prompt2',
  'prompt3',
  'prompt4',
  'psvar',
  'readnullcmd',
  'reporttime',
  'reswords',
  'rprompt',
  'rprompt2',
  'rps1',
  'rps2',
  'saliases',
  'signals',
  'status',
  'sysparams',
  'termcap',
  'terminfo',
  'tmpprefix',
  'userdirs',
  'usergroups',
  'watch',
  'widgets',
  'wordchars',
  'zdotdir',
  'zshaddhistory_functions',
  'zshexit_functions',
]);

/** Families: BASH_ENV, BASH_XTRACEFD…, ZSH_*, LC_ALL…, LD_PRELOAD…, PS0-PS4, COMP_*, READLINE_*, ZLE_*, zsh's dis_* hashes. */
const SPECIAL_FAMILY = /^(bash|zsh|lc_|ld_|ps\d|comp_|readline_|zle_|dis_)/;

export function shellRecord(fields: ReadonlyArray<readonly [string, Cell]>, text: CellText, prefix: string): string {
  return fields.map(([field, value]) => shellLine(field, text(value), prefix)).join('');
}

function shellLine(field: string, value: string, prefix: string): string {
  const name = prefix + variableName(field);
  const refused = refusal(name, value);
  // The field is shown terminal-safe: no newline can end the comment and start a command.
  if (refused) return `# skipped ${terminalText(field)}: ${refused}\n`;
  return `${name}="${value.replace(/[\\"$`]/g, '\\$&')}"\n`;
}

function refusal(name: string, value: string): string | undefined {
  if (!SHELL_NAME.test(name)) return `${terminalText(name)} is not a shell variable name`;
  const lower = name.toLowerCase();
  if (SPECIAL.has(lower) || SPECIAL_FAMILY.test(lower)) return `${name} would change a variable the shell uses`;
  if (value.includes('\0')) return 'its value holds a NUL byte, which a shell variable cannot';
  return undefined;
}

export function variableName(column: string): string {
  return column
    .toLowerCase()
    .replace(/['"]/g, '')
    .replace(/[^a-z0-9_]/g, '_');
}
