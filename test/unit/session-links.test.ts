// Links from a server's answer are joined below the endpoint (its path prefix kept) and never lead a
// credential to another origin (src/session/links.ts).
import { describe, expect, it } from 'vitest';
import { discoverV3 } from '../../src/session/auth.js';
import { followLink, linkTarget } from '../../src/session/links.js';
import { scriptedTransport } from '../helpers/scripted-transport.js';

const failure = (run: () => unknown): string => {
  try {
    run();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('no failure');
};

describe('followLink', () => {
  it('joins a path below the endpoint, keeping its prefix', () => {
    expect(followLink('https://host/image/', '/v2/images?marker=x')).toBe('https://host/image/v2/images?marker=x');
    expect(followLink('https://host/image', 'v2/images?marker=x')).toBe('https://host/image/v2/images?marker=x');
    expect(followLink('http://127.0.0.1:9292', '/v2/images/abc')).toBe('http://127.0.0.1:9292/v2/images/abc');
  });

  it('keeps "@host:port/…" a path on the endpoint, not userinfo', () => {
    expect(followLink('http://127.0.0.1:9292', '@evil:81/v2/images?marker=x')).toBe('http://127.0.0.1:9292/@evil:81/v2/images?marker=x');
  });

  it('takes a full URL on the same origin as it is', () => {
    expect(followLink('https://host/image', 'https://host/image/v2/images?marker=x')).toBe('https://host/image/v2/images?marker=x');
  });

  it.each([
    ['//evil/v2/images', 'https://evil'],
    ['/\\evil/v2/images', 'https://evil'],
    ['http://host/image/v2/images', 'http://host'],
    ['https://host:8443/v2/images', 'https://host:8443'],
    ['https://user:pw@evil/v2/images', 'https://evil'],
    ['evil:81/v2/images', 'evil://'],
  ])('refuses %s, naming both origins', (link, to) => {
    expect(failure(() => followLink('https://host/image', link))).toBe(
      `Refused a link from https://host to ${to}: credentials are sent only to the endpoint's own origin (scheme, host and port).`,
    );
  });
});

describe('linkTarget (shown, never sent to)', () => {
  it('joins relative links below the endpoint and leaves full ones as they are', () => {
    expect(linkTarget('http://ks/identity/', 'v3.14')).toBe('http://ks/identity/v3.14');
    expect(linkTarget('http://ks/identity/', 'http://other:5000/v3/')).toBe('http://other:5000/v3/');
  });
});

describe('Keystone version discovery', () => {
  const versions = (href: string) => ({ status: 300, body: { versions: { values: [{ id: 'v3.14', status: 'stable', links: [{ rel: 'self', href }] }] } } });

  it('resolves a relative v3 href under the auth URL path prefix', async () => {
    expect(await discoverV3('http://ks:5000/identity', scriptedTransport(versions('/v3/')), 30)).toBe('http://ks:5000/identity/v3');
  });

  it('refuses a v3 href on another origin before any password is sent there', async () => {
    const transport = scriptedTransport(versions('http://evil:5000/v3/'));
    await expect(discoverV3('http://ks:5000/', transport, 30)).rejects.toThrow(
      "Refused a link from http://ks:5000 to http://evil:5000: credentials are sent only to the endpoint's own origin (scheme, host and port). (Keystone at http://ks:5000 names it as its v3 API; if it is right, pass it as --os-auth-url.)",
    );
    expect(transport.asked).toEqual(['GET /']);
  });
});
