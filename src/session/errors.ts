import { CliError, HttpError, messageOf } from '../errors.js';
import { scrubText } from '../http/redact.js';
import type { HttpResponse } from '../http/transport.js';
import { readBody } from './read-body.js';

/** Where Node's reason phrases differ from those the Python clients (webob, http.client) print. */
const PYTHON_REASONS: Record<number, string> = {
  413: 'Request Entity Too Large',
  414: 'Request-URI Too Long',
  416: 'Requested Range Not Satisfiable',
};

/** Pulls the human message out of a Keystone JSON error, a Glance webob page or plain text. */
export function extractMessage(text: string): string {
  try {
    const doc = JSON.parse(text) as Record<string, unknown>;
    const inner = (doc.error ?? doc.badRequest ?? doc.itemNotFound ?? Object.values(doc)[0]) as Record<string, unknown> | string | undefined;
    // Glance's JSON errors carry webob's message with its HTML line breaks ("…<br /><br />\n\n\n").
    if (typeof inner === 'string') return plain(inner);
    if (inner && typeof inner.message === 'string') return inner.message;
    if (typeof doc.message === 'string') return plain(doc.message);
  } catch {
    /* not JSON */
  }
  // webob: "<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1>MESSAGE<br /><br />\n</body></html>"
  return plain(/<\/h1>([\s\S]*?)<\/body>/i.exec(text)?.[1] ?? text);
}

/** webob's message as python-glanceclient shows it: tags dropped line by line, blank and repeated lines left out, the rest joined with ': '. */
function plain(html: string): string {
  const lines = html
    .split(/\r?\n/)
    .map((line) =>
      line
        .trim()
        .replace(/<[^>]+>/g, '')
        .trim(),
    )
    .filter((line) => line !== '');
  return [...new Set(lines)].join(': ');
}

/**
 * The server's error as an HttpError. Its text is the server's, and a server may echo the request
 * (Keystone's 400 for a malformed auth body quotes it): `secrets` (password, application credential
 * secret, token) and secret-named fields are scrubbed from it before anyone can print it.
 */
export async function errorFromResponse(res: HttpResponse, timeoutSeconds: number, secrets: ReadonlyArray<string | undefined> = []): Promise<HttpError> {
  let text = '';
  try {
    text = await readBody(res, timeoutSeconds);
  } catch {
    /* a broken, endless or oversized error body still yields the status line */
  }
  // node:http only for its reason phrases, and only on this path: a successful command never loads it.
  const reason = PYTHON_REASONS[res.status] ?? (await import('node:http')).STATUS_CODES[res.status] ?? 'Error';
  return new HttpError(
    res.status,
    reason,
    scrubText(extractMessage(text), secrets) || reason,
    res.headers['x-openstack-request-id'] ?? res.headers['x-compute-request-id'],
    res.url,
  );
}

/** A JSON answer that broke off mid-body (reset, closed): safe to ask again only for a GET. */
export class BrokenBodyError extends CliError {}

/**
 * Reads a JSON answer, bounded in size and time (read-body.ts), shape unchecked (see http/decode.ts);
 * a broken connection, an oversized or late body, or a body that is not JSON becomes one line naming the URL.
 */
export async function readJson(res: HttpResponse, timeoutSeconds: number): Promise<unknown> {
  let text: string;
  try {
    text = await readBody(res, timeoutSeconds);
  } catch (err) {
    // Too large or too late: one line as it is (asking again would not help).
    if (err instanceof CliError) throw err;
    const cause = messageOf(err);
    throw new BrokenBodyError(`The answer from ${res.url} broke off (${cause}): try again; check the network or a proxy in between.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const kind = /^\s*</.test(text) ? 'an HTML page' : 'not valid JSON';
    throw new CliError(`The answer from ${res.url} (HTTP ${res.status}) is ${kind}: is that URL really the OpenStack service?`);
  }
}
