import { sha256Hex } from '../hashes/sha256.js';

// Cookies are sessions (a load balancer's sticky cookie, an SSO front end's): as good as a token.
const SECRET_HEADERS = new Set(['x-auth-token', 'x-subject-token', 'x-service-token', 'authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
const SECRET_NAMES = 'password|secret|token|id_token|access_token|admin_token|original_password|adminPass|passwd|credentials?';
const SECRET_KEYS = new RegExp(`^(${SECRET_NAMES})$`, 'i');
/** `"password": "…"`, `'secret': '…'`, `token=…` in free text (a server echoing the request, Python reprs, query strings). */
const SECRET_FIELD = new RegExp(`(["']?)\\b(${SECRET_NAMES})\\1(\\s*[:=]\\s*)("(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*'|[^\\s,;{}\\[\\]"']+)`, 'gi');
/** scheme://user:password@ — the userinfo of any URL in a text. */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/?#\s]*@/gi;

/** keystoneauth's convention: a token is shown only as its SHA-256, so traces can be correlated but not replayed. */
export function hashSecret(value: string): string {
  return `{SHA256}${sha256Hex(value)}`;
}

export function redactHeader(name: string, value: string): string {
  return SECRET_HEADERS.has(name.toLowerCase()) ? hashSecret(value) : value;
}

/** Replaces secret-looking values anywhere in a JSON document; non-JSON text is returned unchanged. */
export function redactBody(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  return JSON.stringify(redactValue(parsed));
}

function redactValue(value: unknown, key = ''): unknown {
  if (typeof value === 'string' && SECRET_KEYS.test(key)) return '***';
  if (Array.isArray(value)) return value.map((v) => redactValue(v));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // {"token": {"id": "..."}} is the v3 token-auth shape: the id is the secret.
      out[k] = k === 'token' && v && typeof v === 'object' && 'id' in v ? { ...(redactValue(v) as object), id: '***' } : redactValue(v, k);
    }
    return out;
  }
  return value;
}

/** A URL (or any text holding URLs) without userinfo: `http://admin:pw@host/` becomes `http://host/`. */
export function withoutUserinfo(text: string): string {
  return text.replace(USERINFO, '$1');
}

/**
 * Server text made fit to show: the secrets this process knows (as typed and as JSON would escape
 * them), the values of secret-named fields and URL userinfo are taken out. A known secret is
 * replaced wherever it occurs, even inside other words: a short password costs some legibility,
 * never the password.
 */
export function scrubText(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = withoutUserinfo(text).replace(SECRET_FIELD, (_all, quote: string, name: string, sep: string, value: string) => {
    const q = value[0] === '"' || value[0] === "'" ? value[0] : '';
    return `${quote}${name}${quote}${sep}${q}***${q}`;
  });
  const forms = secrets.filter((s): s is string => !!s).flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]);
  // Longest first, so a secret containing another is replaced whole.
  for (const form of [...new Set(forms)].sort((a, b) => b.length - a.length)) out = out.split(form).join('***');
  return out;
}
