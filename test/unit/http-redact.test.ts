import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashSecret, redactBody, redactHeader, scrubText } from '../../src/http/redact.js';

describe('redaction for --debug', () => {
  it("shows tokens as keystoneauth's {SHA256}<digest>", () => {
    const digest = createHash('sha256').update('gAAAAtoken').digest('hex');
    expect(hashSecret('gAAAAtoken')).toBe(`{SHA256}${digest}`);
    for (const name of ['X-Auth-Token', 'x-subject-token', 'X-Service-Token', 'Authorization']) {
      expect(redactHeader(name, 'gAAAAtoken')).toBe(`{SHA256}${digest}`);
    }
    expect(redactHeader('Content-Type', 'application/json')).toBe('application/json');
  });

  it('replaces passwords, secrets and token ids anywhere in a JSON body', () => {
    const body = {
      auth: {
        identity: {
          methods: ['password', 'token', 'application_credential'],
          password: { user: { name: 'admin', domain: { id: 'default' }, password: 'pw1' } },
          token: { id: 'tok1' },
          application_credential: { id: 'ac', secret: 'sec1' },
        },
      },
      user: { original_password: 'old', password: 'new', name: 'kept' },
      list: [{ adminPass: 'x' }],
    };
    const text = redactBody(JSON.stringify(body));
    for (const secret of ['pw1', 'tok1', 'sec1', '"old"', '"new"', '"x"']) expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({
      auth: { identity: { password: { user: { name: 'admin', password: '***' } }, token: { id: '***' }, application_credential: { id: 'ac', secret: '***' } } },
      user: { name: 'kept' },
    });
  });

  it('leaves non-JSON text alone', () => {
    expect(redactBody('plain text')).toBe('plain text');
  });
});

describe('scrubText: server text fit to show', () => {
  it('takes out known secrets (raw and JSON-escaped), secret-named fields and URL userinfo', () => {
    const text = `echo {'password': 'a"b', "secret": "x\\"y", token=abc} pw a"b and a\\"b at http://admin:pw@host:5000/v3?x=1`;
    const out = scrubText(text, ['a"b', undefined, '']);
    expect(out).toBe(`echo {'password': '***', "secret": "***", token=***} pw *** and *** at http://host:5000/v3?x=1`);
  });

  it('leaves ordinary messages alone', () => {
    const text = 'Image 5f2e not found: http://host/v2/images/5f2e?marker=a@b (token expired)';
    expect(scrubText(text, [])).toBe(text);
  });

  it('redacts cookies and proxy credentials in --debug headers', () => {
    for (const name of ['Set-Cookie', 'cookie', 'Proxy-Authorization']) expect(redactHeader(name, 's=1')).toBe(hashSecret('s=1'));
  });
});
