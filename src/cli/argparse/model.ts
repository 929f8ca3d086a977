// A parser in Python argparse's terms, as much of it as its help, usage and errors need: what
// scripts/glanceclient-parsers.py dumps from python-glanceclient, and what our own extra flags
// become (extras.ts).

/** argparse's nargs: undefined is one value; 0 a flag taking none (store_true, version); 'A...' a subcommand and its arguments. */
export type Nargs = undefined | 0 | '?' | '*' | '+' | 'A...' | number;

export interface Action {
  /** Empty for a positional. */
  optionStrings: readonly string[];
  dest: string;
  metavar?: string;
  nargs?: Nargs;
  choices?: readonly string[];
  required?: boolean;
  /** undefined: listed without help text. */
  help?: string;
  /** str(default), for a help that says %(default)s. */
  default?: string;
  /** Values go through int() (the only conversion of glanceclient's that can fail). */
  type?: 'int';
  /** Help is argparse.SUPPRESS: parsed, never shown. */
  suppressed?: boolean;
  /** -h/--help, --version: argparse acts on it (and exits) as soon as it is parsed. */
  exits?: boolean;
  /** Not python-glanceclient's: one of this CLI's own flags (suppressed in glanceclient's help), listed in our section or not. */
  ours?: 'listed' | 'unlisted';
  /** A subcommand list's entries (help's indented lines under <subcommand>). */
  subactions?: ReadonlyArray<{ metavar: string; help?: string }>;
}

export interface Group {
  /** As shown (glanceclient's HelpFormatter capitalises the first letter). */
  title: string | null;
  description: string | null;
  /** Indexes into the parser's actions. */
  actions: readonly number[];
}

export interface Parser {
  prog: string;
  description: string | null;
  epilog: string | null;
  actions: readonly Action[];
  groups: readonly Group[];
}

export interface GlanceclientParsers {
  main: Parser;
  commands: Readonly<Record<string, Parser>>;
  /** Commands glanceclient's v1 shell also has: `help CMD` then points at their v1 help. */
  inV1: readonly string[];
}
