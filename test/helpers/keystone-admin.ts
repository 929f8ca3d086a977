// Direct Keystone v3 calls for test set-up (issuing, revoking tokens; application credentials),
// made with fetch so the CLI under test is not also the tool that prepares its test.
import { cloud } from './cloud.js';

export interface IssuedToken {
  token: string;
  userId: string;
  projectId: string;
}

/** A project-scoped admin token, fresh from Keystone. */
export async function issueAdminToken(): Promise<IssuedToken> {
  const c = cloud();
  const res = await fetch(`${c.keystone_url}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: c.admin_user, domain: { id: 'default' }, password: c.admin_password } } },
        scope: { project: { name: c.admin_project, domain: { id: 'default' } } },
      },
    }),
  });
  if (res.status !== 201) throw new Error(`token request failed: HTTP ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { token: { user: { id: string }; project: { id: string } } };
  return { token: res.headers.get('x-subject-token')!, userId: body.token.user.id, projectId: body.token.project.id };
}

/** Revokes a token with the cloud's admin_token (DELETE /v3/auth/tokens). */
export async function revokeToken(token: string): Promise<void> {
  const res = await fetch(`${cloud().keystone_url}/auth/tokens`, {
    method: 'DELETE',
    headers: { 'X-Auth-Token': cloud().admin_token, 'X-Subject-Token': token },
  });
  if (res.status !== 204) throw new Error(`revocation failed: HTTP ${res.status} ${await res.text()}`);
}

export interface AppCredential {
  id: string;
  name: string;
  secret: string;
  userId: string;
  remove(): Promise<void>;
}

export async function createAppCredential(name: string): Promise<AppCredential> {
  const admin = await issueAdminToken();
  const base = `${cloud().keystone_url}/users/${admin.userId}/application_credentials`;
  const res = await fetch(base, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Auth-Token': admin.token },
    body: JSON.stringify({ application_credential: { name, description: 'osc test, safe to delete' } }),
  });
  if (res.status !== 201) throw new Error(`application credential create failed: HTTP ${res.status} ${await res.text()}`);
  const cred = ((await res.json()) as { application_credential: { id: string; secret: string } }).application_credential;
  return {
    id: cred.id,
    name,
    secret: cred.secret,
    userId: admin.userId,
    remove: async () => {
      await fetch(`${base}/${cred.id}`, { method: 'DELETE', headers: { 'X-Auth-Token': admin.token } });
    },
  };
}
