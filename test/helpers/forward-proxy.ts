// A forward proxy on 127.0.0.1, as a corporate one: absolute-URI requests (GET, POST, PUT…) and
// CONNECT tunnels. It alone knows the made-up names in `names` (name → 127.0.0.1), and it forwards
// only to 127.0.0.1, so a test never reaches beyond this machine.
import { createServer, request as httpRequest, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';

export interface ForwardProxy {
  /** http://127.0.0.1:PORT */
  url: string;
  /** "GET http://host:port/path" or "CONNECT host:port", in arrival order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startForwardProxy(names: Record<string, string> = {}): Promise<ForwardProxy> {
  const requests: string[] = [];
  // Tunnels leave the HTTP server's books: closed by hand.
  const tunnels = new Set<Socket>();
  const resolveName = (host: string): string | undefined => {
    const address = names[host.toLowerCase()] ?? host;
    return address === '127.0.0.1' ? address : undefined;
  };
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('not an absolute URI');
      return;
    }
    const address = resolveName(target.hostname);
    if (!address) {
      res.writeHead(502).end(`unknown host ${target.hostname}`);
      return;
    }
    const upstream = httpRequest(
      { host: address, port: target.port || 80, method: req.method, path: target.pathname + target.search, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (err) => res.writeHead(502).end(String(err)));
    req.pipe(upstream);
  });
  server.on('connect', (req, client, head) => {
    requests.push(`CONNECT ${req.url}`);
    tunnels.add(client as Socket);
    const [host = '', port = ''] = (req.url ?? '').split(':');
    const address = resolveName(host);
    if (!address) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = connect(Number(port), address, () => {
      tunnels.add(upstream);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        for (const socket of tunnels) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
