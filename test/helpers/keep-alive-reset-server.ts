// A raw HTTP/1.1 server on 127.0.0.1 that does on demand what a server's keep-alive timeout does by
// chance: its first connection answers one request, then resets the next one on it (as that one's
// headers arrive, or once it has read all of it). Later connections answer every request. Requests
// are read by Content-Length alone, which is all the CLI's uploads and small bodies use.
import { type AddressInfo, createServer } from 'node:net';

export interface KeepAliveResetOptions {
  /** When connection 1 resets its second request: this long after its headers (default 0), or with `afterBody`, after its whole body. */
  resetDelayMs?: number;
  afterBody?: boolean;
  /** Connections after the first wait this long before reading (the resend is still being sent meanwhile). */
  pauseMs?: number;
  /** The whole answer (status line, headers, body) to a request on this connection. */
  answer?: (connection: number) => string;
}

export interface KeepAliveResetServer {
  url: string;
  connections(): number;
  close(): void;
}

export async function keepAliveResetServer(options: KeepAliveResetOptions = {}): Promise<KeepAliveResetServer> {
  const { resetDelayMs = 0, afterBody = false, pauseMs = 0, answer = () => 'HTTP/1.1 204 No Content\r\n\r\n' } = options;
  let connections = 0;
  const tcp = createServer((socket) => {
    const connection = ++connections;
    let requests = 0;
    let buffered = Buffer.alloc(0);
    let bodyLeft = -1;
    let resetting = false;
    const reset = (): void => {
      resetting = true;
      setTimeout(() => socket.resetAndDestroy(), resetDelayMs);
    };
    socket.on('error', () => undefined);
    if (connection > 1 && pauseMs > 0) {
      socket.pause();
      setTimeout(() => socket.resume(), pauseMs);
    }
    socket.on('data', (chunk: Buffer) => {
      if (resetting) return;
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        if (bodyLeft < 0) {
          const end = buffered.indexOf('\r\n\r\n');
          if (end < 0) return;
          requests++;
          if (connection === 1 && requests === 2 && !afterBody) return reset();
          bodyLeft = Number(/content-length: (\d+)/i.exec(buffered.subarray(0, end).toString())?.[1] ?? 0);
          buffered = buffered.subarray(end + 4);
        }
        const taken = Math.min(bodyLeft, buffered.length);
        buffered = buffered.subarray(taken);
        bodyLeft -= taken;
        if (bodyLeft > 0) return;
        bodyLeft = -1;
        if (connection === 1 && requests === 2) return reset();
        socket.write(answer(connection));
      }
    });
  });
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(tcp.address() as AddressInfo).port}`, connections: () => connections, close: () => tcp.close() };
}
