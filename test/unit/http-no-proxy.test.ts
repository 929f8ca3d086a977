// no_proxy entries as python-requests (with urllib) matches them, including CIDR ranges and `*`
// among other entries.
import { describe, expect, it } from 'vitest';
import { parseNoProxy } from '../../src/http/no-proxy.js';
import { proxyEnv } from '../../src/http/proxy-env.js';

const bypassed = (noProxy: string, url: string): boolean => parseNoProxy(noProxy).bypasses(new URL(url));

describe('no_proxy', () => {
  const cases: Array<[string, string, boolean]> = [
    ['', 'http://cloud.example.com:5000/v3', false],
    ['cloud.example.com', 'http://cloud.example.com:5000/v3', true],
    ['CLOUD.example.com', 'http://cloud.EXAMPLE.com/v3', true],
    ['example.com', 'http://cloud.example.com/v3', true],
    ['.example.com', 'http://cloud.example.com/v3', true],
    ['*.example.com', 'http://cloud.example.com/v3', true],
    ['.example.com', 'http://example.com/v3', true],
    // A suffix only at a dot: badexample.com is another domain.
    ['example.com', 'http://badexample.com/v3', false],
    ['other.com, example.com', 'http://cloud.example.com/v3', true],
    ['other.com example.com', 'http://cloud.example.com/v3', true],
    ['*', 'https://anything.example.org/', true],
    ['other.com,*', 'https://anything.example.org/', true],
    ['10.0.0.0/8', 'http://10.1.2.3:9292/', true],
    ['10.0.0.0/8', 'http://11.1.2.3:9292/', false],
    ['192.168.1.7', 'http://192.168.1.7:5000/', true],
    ['192.168.1.7', 'http://192.168.1.70:5000/', false],
    // An IP is not a domain suffix.
    ['1.7', 'http://192.168.1.7/', false],
    ['cloud.example.com:5000', 'http://cloud.example.com:5000/v3', true],
    ['cloud.example.com:5000', 'http://cloud.example.com:9292/v2', false],
    ['cloud.example.com:443', 'https://cloud.example.com/v3', true],
    ['127.0.0.1:5000', 'http://127.0.0.1:5000/', true],
    ['127.0.0.1:5000', 'http://127.0.0.1:9292/', false],
    ['::1', 'http://[::1]:5000/', true],
    ['[::1]:5000', 'http://[::1]:5000/', true],
    ['fd00::/8', 'http://[fd12::5]/', true],
    ['fd00::/8', 'http://[fe80::5]/', false],
  ];
  for (const [noProxy, url, expected] of cases) {
    it(`${JSON.stringify(noProxy)} ${expected ? 'bypasses' : 'does not bypass'} ${url}`, () => {
      expect(bypassed(noProxy, url)).toBe(expected);
    });
  }
});

describe('proxy variables', () => {
  it('is undefined without http_proxy or https_proxy, whatever no_proxy says', () => {
    expect(proxyEnv({ no_proxy: '*', PATH: '/bin' })).toBeUndefined();
  });

  it('prefers the lower-case name; an empty one falls through to the upper case', () => {
    expect(proxyEnv({ http_proxy: 'http://low:1', HTTP_PROXY: 'http://up:1', NO_PROXY: 'a', no_proxy: 'b' })).toEqual({
      http: { name: 'http_proxy', value: 'http://low:1' },
      https: undefined,
      noProxy: 'b',
    });
    expect(proxyEnv({ https_proxy: '', HTTPS_PROXY: 'http://up:1', NO_PROXY: 'a' })).toEqual({
      http: undefined,
      https: { name: 'HTTPS_PROXY', value: 'http://up:1' },
      noProxy: 'a',
    });
  });
});
