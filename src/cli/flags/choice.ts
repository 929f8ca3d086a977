// Enumerations: a value from a fixed list, with argparse's message listing the choices.
export function isChoice<C extends string>(value: string, choices: readonly C[]): value is C {
  return (choices as readonly string[]).includes(value);
}

/** argparse's "(choose from 'a', 'b')". */
export function describeChoices(choices: readonly string[]): string {
  return `choose from ${choices.map((c) => `'${c}'`).join(', ')}`;
}
