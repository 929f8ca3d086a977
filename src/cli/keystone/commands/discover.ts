import { CliError } from '../../../errors.js';
import { proxyEnv } from '../../../http/proxy-env.js';
import { command } from '../../command.js';
import { terminalText } from '../../../output/terminal-text.js';

export const discover = command({
  spec: {
    name: 'discover',
    summary: 'Discover Keystone servers, supported API versions and extensions.',
    example: 'keystone discover',
    output: 'none',
  },
  parse: () => ({}),
  async run(_options, deps) {
    const c = (await deps.session()).credentials;
    // The server root lists every version; a /v2.0 URL (gone from today's Keystone) would answer 404.
    const root = (c.endpoint ?? c.authUrl ?? 'http://localhost:35357').replace(/\/+$/, '').replace(/\/v(2\.0|3)$/, '');
    const { discoverWith } = await import('../../../api/identity/versions.js');
    const trace = deps.globals.debug ? (line: string) => deps.stderr.write(terminalText(line) + '\n') : undefined;
    const versions = await discoverWith(
      { timeoutSeconds: c.timeoutSeconds, insecure: c.insecure, cacert: c.cacert, cert: c.cert, key: c.key, proxy: proxyEnv(deps.env), trace },
      root,
    ).catch(() => undefined);
    if (!versions) throw new CliError('No Keystone-compatible endpoint found');
    deps.print.line(`Keystone found at ${root}`);
    for (const v of versions) deps.print.line(`    - supports version ${v.id} (${v.status}) here ${v.url}`);
  },
});
