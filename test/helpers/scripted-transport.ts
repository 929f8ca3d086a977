// A stand-in for HttpTransport in unit tests: each request gets the canned answer a script picks,
// and every request is recorded as "METHOD /path".
import { Readable } from 'node:stream';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../src/http/transport.js';

export interface Canned {
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent as it is (to send what JSON.stringify cannot write, such as 1e999); anything else as JSON. */
  body: unknown;
}

export type ScriptedTransport = HttpTransport & { asked: string[] };

export function scriptedTransport(script: Canned | ((req: HttpRequest) => Canned)): ScriptedTransport {
  const asked: string[] = [];
  const fake = {
    asked,
    request: async (req: HttpRequest): Promise<HttpResponse> => {
      asked.push(`${req.method} ${new URL(req.url).pathname}`);
      const canned = typeof script === 'function' ? script(req) : script;
      const text = typeof canned.body === 'string' ? canned.body : JSON.stringify(canned.body);
      const body = Object.assign(Readable.from([Buffer.from(text)]), {
        text: async () => text,
        json: async () => JSON.parse(text) as unknown,
        dump: async () => undefined,
      });
      return { status: canned.status ?? 200, headers: canned.headers ?? {}, body, url: req.url };
    },
    close: async () => undefined,
  };
  return fake as unknown as ScriptedTransport;
}
