import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../src/config/credentials.js';
import { authBody } from '../../src/session/auth.js';

const base: Credentials = {
  authType: 'password',
  authUrl: 'http://ks/v3',
  interface: 'public',
  insecure: false,
  timeoutSeconds: 600,
  cache: true,
  forceNewToken: false,
};

describe('Keystone v3 auth bodies', () => {
  it('password by user name, domains defaulting to OS_DEFAULT_DOMAIN or "default", project by name', () => {
    expect(authBody({ ...base, username: 'u', password: 'p', projectName: 'proj' })).toEqual({
      auth: {
        identity: { methods: ['password'], password: { user: { name: 'u', domain: { id: 'default' }, password: 'p' } } },
        scope: { project: { name: 'proj', domain: { id: 'default' } } },
      },
    });
    expect(authBody({ ...base, username: 'u', password: 'p', projectName: 'proj', defaultDomain: 'd9', userDomainName: 'Users' })).toMatchObject({
      auth: { identity: { password: { user: { domain: { name: 'Users' } } } }, scope: { project: { domain: { id: 'd9' } } } },
    });
  });

  it('password by user id, project by id, and unscoped', () => {
    expect(authBody({ ...base, userId: 'uid', password: 'p', projectId: 'pid' })).toEqual({
      auth: { identity: { methods: ['password'], password: { user: { id: 'uid', password: 'p' } } }, scope: { project: { id: 'pid' } } },
    });
    expect(authBody({ ...base, userId: 'uid', password: 'p' })).toEqual({
      auth: { identity: { methods: ['password'], password: { user: { id: 'uid', password: 'p' } } } },
    });
  });

  it('token, application credential by id and by name', () => {
    expect(authBody({ ...base, authType: 'token', token: 't', projectName: 'proj', projectDomainId: 'pd' })).toEqual({
      auth: { identity: { methods: ['token'], token: { id: 't' } }, scope: { project: { name: 'proj', domain: { id: 'pd' } } } },
    });
    expect(authBody({ ...base, authType: 'v3applicationcredential', applicationCredentialId: 'a', applicationCredentialSecret: 's' })).toEqual({
      auth: { identity: { methods: ['application_credential'], application_credential: { id: 'a', secret: 's' } } },
    });
    expect(authBody({ ...base, authType: 'v3applicationcredential', applicationCredentialName: 'n', applicationCredentialSecret: 's', username: 'u' })).toEqual(
      {
        auth: {
          identity: { methods: ['application_credential'], application_credential: { name: 'n', secret: 's', user: { name: 'u', domain: { id: 'default' } } } },
        },
      },
    );
  });
});
