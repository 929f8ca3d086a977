import { createHash } from 'node:crypto';

const SECRET_HEADERS = new Set(['x-auth-token', 'x-subject-token', 'x-service-token', 'authorization']);
const SECRET_KEYS = /^(password|secret|token|id_token|access_token|admin_token|original_password|adminPass|passwd|credentials?)$/i;

/** keystoneauth's convention: a token is shown only as its SHA-256, so traces can be correlated but not replayed. */
export function hashSecret(value: string): string {
  return `{SHA256}${createHash('sha256').update(value).digest('hex')}`;
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
