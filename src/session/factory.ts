// Wires config → transport → session for a real run, from plain configuration: the command line
// decides what goes in, this layer knows nothing of it.
import type { RawSettings } from '../config/credentials.js';
import { secretsOf } from '../config/credentials.js';
import { resolveCredentials } from '../config/resolve.js';
import { proxyEnv } from '../http/proxy-env.js';
import { scrubText } from '../http/redact.js';
import { HttpTransport } from '../http/transport.js';
import { heardLaterRequest, remembersFirstRequest, rememberFirstRequest } from './early-request.js';
import { Session, type SessionOptions } from './session.js';
import { TokenCache } from './token-cache.js';

export interface SessionConfig {
  /** Credential settings given as flags (highest precedence). */
  flags: RawSettings;
  env: NodeJS.ProcessEnv;
  rcPath?: string;
  cloud?: string;
  /** Receives advice that does not stop the command. */
  warn(message: string): void;
  /** Asks for a missing password; undefined when there is no terminal to ask at. */
  promptPassword?: () => Promise<string>;
  /** Receives --debug trace lines; undefined means no tracing. */
  trace?: (line: string) => void;
  session?: SessionOptions;
}

export async function createSession(config: SessionConfig): Promise<Session> {
  let prompted = false;
  const ask = config.promptPassword;
  const credentials = await resolveCredentials({
    flags: config.flags,
    env: config.env,
    rcPath: config.rcPath,
    cloudName: config.cloud,
    warn: config.warn,
    promptPassword:
      ask &&
      (() => {
        prompted = true;
        return ask();
      }),
  });
  const transport = new HttpTransport({
    timeoutSeconds: credentials.timeoutSeconds,
    insecure: credentials.insecure,
    cacert: credentials.cacert,
    cert: credentials.cert,
    key: credentials.key,
    proxy: proxyEnv(config.env),
    // Last line of defence: whatever a trace line holds (a catalog URL with userinfo, a proxy's
    // credentials), the secrets we know and URL userinfo never reach the terminal.
    trace: config.trace && ((line) => config.trace!(scrubText(line, secretsOf(credentials)))),
  });
  const cache = new TokenCache(TokenCache.defaultDir(config.env), config.warn);
  // A first request is remembered only where the next run can send it unchanged: credentials from
  // the environment and flags alone, sent direct; never a password typed at a prompt (the next run
  // would send the cached token before its user had typed anything).
  const remembers = remembersFirstRequest() && !prompted && !config.rcPath && !config.cloud && transport.sendsDirect();
  return new Session(credentials, transport, cache, Date.now, {
    ...config.session,
    remember: remembers ? (first) => rememberFirstRequest(cache, first) : undefined,
    heardLater: remembers ? heardLaterRequest : undefined,
  });
}
