import { isUtf8 } from 'node:buffer';
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

/**
 * How a server's error text is shown: `verbatim` as python-glanceclient prints it (webob's HTML
 * escapes such as `&#x27;` kept, and what the server garbled kept garbled); `readable` with the
 * escapes decoded and the server's Latin-1 reading of UTF-8 undone.
 */
export type ErrorText = 'verbatim' | 'readable';

/** The only escapes webob's html_escape makes: &amp; &lt; &gt; &quot; &#x27; and &#NNN; for non-ASCII. */
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/** Runs of what UTF-8 bytes look like when read as Latin-1 (`ü` → `Ã¼`). */
const LATIN1_UTF8 = /(?:[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}|[\u00f0-\u00f4][\u0080-\u00bf]{3})+/g;

/**
 * Glance (as WSGI says) reads the request path as Latin-1, so a name or ID it quotes back from the
 * URL arrives garbled: `ünïcødé` as `Ã¼nÃ¯cÃ¸dÃ©`. Those runs are read again as UTF-8 (only
 * where they are valid UTF-8: a real `é` alone is left as it is).
 */
export function undoLatin1(text: string): string {
  return text.replace(LATIN1_UTF8, (run) => {
    const bytes = Buffer.from(run, 'latin1');
    return isUtf8(bytes) ? bytes.toString('utf8') : run;
  });
}

/** Pulls the human message out of a Keystone JSON error, a Glance webob page or plain text. */
export function extractMessage(body: string, errorText: ErrorText = 'readable'): string {
  const message = rawMessage(body);
  return errorText === 'verbatim' ? message : undoLatin1(decodeEntities(message));
}

function rawMessage(text: string): string {
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
export async function errorFromResponse(
  res: HttpResponse,
  timeoutSeconds: number,
  secrets: ReadonlyArray<string | undefined> = [],
  errorText: ErrorText = 'readable',
): Promise<HttpError> {
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
    scrubText(extractMessage(text, errorText), secrets) || reason,
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
  return parseJson(text, res);
}

/** An answer's text as JSON, or one line naming the URL. */
export function parseJson(text: string, res: Pick<HttpResponse, 'url' | 'status'>): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const kind = /^\s*</.test(text) ? 'an HTML page' : 'not valid JSON';
    throw new CliError(`The answer from ${res.url} (HTTP ${res.status}) is ${kind}: is that URL really the OpenStack service?`);
  }
}
