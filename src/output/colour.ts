// Colour only for people: on when the stream is a terminal that has colours, or when FORCE_COLOR
// asks for it; off in pipes and files, with NO_COLOR, NODE_DISABLE_COLORS or TERM=dumb
// (Node's own rules: FORCE_COLOR wins over the others).
// chalk (and the os/tty modules it loads) is imported only when colour is on: scripts never pay for it.

export interface ColourStream {
  isTTY?: boolean;
  hasColors?: (env?: NodeJS.ProcessEnv) => boolean;
}

export function colourEnabled(stream: ColourStream, env: NodeJS.ProcessEnv): boolean {
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR);
  return stream.isTTY === true && (stream.hasColors?.(env) ?? false);
}

/** What we colour: the error prefix. */
export interface Painter {
  red(text: string): string;
}

const PLAIN: Painter = { red: (text) => text };

export async function colours(stream: ColourStream, env: NodeJS.ProcessEnv): Promise<Painter> {
  if (!colourEnabled(stream, env)) return PLAIN;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}

/**
 * Commander's parse error text as we print it: `<program>: error: …` (prefix red when colour is on)
 * and its suggestion as a plain `Did you mean image-create?` line.
 */
export function usageErrorText(text: string, program: string, paint: Painter): string {
  return (
    text
      .replace(/^error:/, paint.red(`${program}: error:`))
      .replace(/\n\(Did you mean (.+)\?\)/, '\nDid you mean $1?')
      // `--os-pasword=SECRET` (a typo) must not echo the value: it may be a password.
      .replace(/(unknown option '[^'=]+)=[^']*'/g, "$1=…'")
  );
}
