import { CliError } from '../../../errors.js';
import type { Deps } from '../../deps.js';

/** Asks twice at the terminal until both answers match, as keystoneclient's prompt_for_password did. */
export async function promptNewPassword(deps: Deps, noTerminal: string): Promise<string> {
  if (!deps.tty.stdin) throw new CliError(noTerminal);
  for (;;) {
    const first = await deps.promptSecret('New Password: ');
    const second = await deps.promptSecret('Repeat New Password: ');
    if (first === second) return first;
    deps.stderr.write('The passwords differ; try again.\n');
  }
}
