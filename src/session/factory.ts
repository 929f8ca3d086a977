// Wires config → transport → session for a real run.
import { resolveCredentials } from '../config/resolve.js';
import type { Deps } from '../cli/deps.js';
import type { GlobalOptions } from '../cli/globals.js';
import { HttpTransport } from '../http/transport.js';
import { terminalText } from '../output/terminal-text.js';
import { Session } from './session.js';
import { TokenCache } from './token-cache.js';

export async function createSession(globals: GlobalOptions, env: NodeJS.ProcessEnv, deps: Pick<Deps, 'stderr' | 'tty' | 'promptSecret'>): Promise<Session> {
  const credentials = await resolveCredentials({
    flags: globals.credentialFlags,
    env,
    rcPath: globals.rcPath,
    cloudName: globals.cloud,
    warn: (message) => deps.stderr.write(message + '\n'),
    promptPassword: deps.tty.stdin ? () => deps.promptSecret('OS Password: ') : undefined,
  });
  const transport = new HttpTransport({
    timeoutSeconds: credentials.timeoutSeconds,
    insecure: credentials.insecure,
    cacert: credentials.cacert,
    cert: credentials.cert,
    key: credentials.key,
    trace: globals.debug ? (line) => deps.stderr.write(terminalText(line) + '\n') : undefined,
  });
  return new Session(credentials, transport, new TokenCache(TokenCache.defaultDir(env)));
}
