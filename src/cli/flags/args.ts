// Typed positional arguments, declared like flags: a command's args record gives its parse() typed values.
export interface ArgSpec {
  /** Shown in usage, e.g. '<IMAGE>' or '<IMAGE...>' or '[IMAGE]'. */
  name: string;
  description: string;
}

export interface Arg<T> extends ArgSpec {
  decode(raw: unknown): T;
}

export type ArgSet = Readonly<Record<string, Arg<unknown>>>;
export type ArgValues<A extends ArgSet> = { -readonly [K in keyof A]: A[K] extends Arg<infer T> ? T : never };

/** `<IMAGE>`: commander insists on it, so it is always a string. */
export const requiredArg = (name: string, description: string): Arg<string> => ({ name, description, decode: (raw) => (typeof raw === 'string' ? raw : '') });

/** `[IMAGE]`. */
export const optionalArg = (name: string, description: string): Arg<string | undefined> => ({
  name,
  description,
  decode: (raw) => (typeof raw === 'string' ? raw : undefined),
});

/** `<IMAGE...>`: one or more. */
export const variadicArg = (name: string, description: string): Arg<string[]> => ({
  name,
  description,
  decode: (raw) => (Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : []),
});

/** Decodes positional values in the order the set declares them. */
export function decodeArgs<A extends ArgSet>(args: A, given: readonly unknown[]): ArgValues<A> {
  const values: Record<string, unknown> = {};
  for (const [index, [key, arg]] of Object.entries(args).entries()) values[key] = arg.decode(given[index]);
  return values as ArgValues<A>;
}
