// A TCP server for tests of requests written by hand (src/http/early*.ts): it records every byte
// each connection sent and, given an answer, sends it once a request head has arrived.
import { createServer, type Server, type Socket } from 'node:net';

export interface RecordingServer {
  server: Server;
  port: number;
  /** What each connection sent, in the order they came. */
  received: string[];
  /** The server's side of each connection. */
  sockets: Socket[];
}

export async function recordingServer({ answer, host = '127.0.0.1' }: { answer?: string; host?: string } = {}): Promise<RecordingServer> {
  const received: string[] = [];
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    const index = received.push('') - 1;
    socket.on('data', (data) => {
      received[index] += data.toString('latin1');
      if (answer !== undefined && received[index]!.endsWith('\r\n\r\n')) socket.end(answer);
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  return { server, port: (server.address() as { port: number }).port, received, sockets };
}
