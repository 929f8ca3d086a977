// A service URL with userinfo (a catalog entry or --os-image-url like http://admin:pw@host/) is used
// without it: it is never sent, and every message and trace shows the base URL.
import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../src/config/credentials.js';
import { CliError } from '../../src/errors.js';
import { Session } from '../../src/session/session.js';
import { scriptedTransport } from '../helpers/scripted-transport.js';

const credentials: Credentials = {
  authType: 'admin_token',
  token: 't',
  endpoint: 'http://ks:5000/v3',
  imageUrl: 'http://admin:s3cret@gl:9292/v2/',
  interface: 'public',
  insecure: false,
  timeoutSeconds: 5,
  cache: false,
  forceNewToken: false,
};

describe('service endpoints', () => {
  it('drop userinfo and the version suffix', async () => {
    const session = new Session(credentials, scriptedTransport({ body: {} }));
    expect(await session.endpoint('image')).toBe('http://gl:9292');
  });

  it('an error names the URL without the password', async () => {
    const session = new Session(credentials, scriptedTransport({ status: 404, body: { message: 'nope' } }));
    const err = await session.json('image', { method: 'GET', path: '/v2/images/x' }, (v) => v).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect(String((err as CliError).message) + String((err as { url?: string }).url)).not.toContain('s3cret');
  });
});
