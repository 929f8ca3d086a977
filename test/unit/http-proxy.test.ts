// The transport through a proxy that refuses: one line naming the proxy, credentials redacted.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpTransport } from '../../src/http/transport.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A proxy that answers every CONNECT with `status`. */
async function refusingProxy(status: string): Promise<string> {
  server = createServer((_req, res) => res.writeHead(500).end());
  server.on('connect', (_req, client) => client.end(`HTTP/1.1 ${status}\r\nContent-Length: 0\r\n\r\n`));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('HTTP transport through a proxy', () => {
  it('says the proxy refused the tunnel, and that it wants credentials on a 407', async () => {
    const proxy = await refusingProxy('407 Proxy Authentication Required');
    const t = new HttpTransport({ timeoutSeconds: 5, proxy: { https: { name: 'https_proxy', value: `http://who:pw@${proxy}` }, noProxy: '' } });
    await expect(t.request({ method: 'GET', url: 'https://cloud.example.invalid/v3' })).rejects.toThrow(
      `The proxy http://***@${proxy} (from https_proxy) refused the request with HTTP 407: it wants credentials, as http://user:password@host:port in the variable (for https://cloud.example.invalid/v3)`,
    );
    await t.close();
  });

  it('names a proxy variable that is not an http(s) URL, without its credentials', async () => {
    const t = new HttpTransport({ timeoutSeconds: 5, proxy: { http: { name: 'http_proxy', value: 'socks5://who:pw@127.0.0.1:1080' }, noProxy: '' } });
    await expect(t.request({ method: 'GET', url: 'http://cloud.example.invalid/v3' })).rejects.toThrow(
      'http_proxy is not an http:// or https:// proxy URL: socks5://***@127.0.0.1:1080',
    );
    await t.close();
  });

  it('sends an http request to the proxy as the absolute URL, with the origin as Host and the credentials as Proxy-Authorization', async () => {
    server = createServer((req, res) => res.end(JSON.stringify({ url: req.url, host: req.headers.host, auth: req.headers['proxy-authorization'] })));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const proxy = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const t = new HttpTransport({ timeoutSeconds: 5, proxy: { http: { name: 'http_proxy', value: `http://who:p%40ss@${proxy}` }, noProxy: '' } });
    const res = await t.request({ method: 'GET', url: 'http://cloud.example.invalid:5000/v3?x=1' });
    expect(JSON.parse(await res.body.text())).toEqual({
      url: 'http://cloud.example.invalid:5000/v3?x=1',
      host: 'cloud.example.invalid:5000',
      auth: `Basic ${Buffer.from('who:p@ss').toString('base64')}`,
    });
    await t.close();
  });
});
