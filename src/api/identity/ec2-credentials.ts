import { list, nullable, optional, shape, str, wrapped } from '../../http/decode.js';
import type { Session } from '../../session/session.js';

export interface Ec2Credential {
  access: string;
  secret: string;
  user_id: string;
  tenant_id: string;
  trust_id?: string | null;
}

export const ec2CredentialGuard = shape<Ec2Credential>({ access: str, secret: str, user_id: str, tenant_id: str, trust_id: optional(nullable(str)) });
const one = wrapped('credential', ec2CredentialGuard);

const base = (userId: string): string => `/users/${encodeURIComponent(userId)}/credentials/OS-EC2`;

/** v3's OS-EC2 credentials, the same resource v2.0 served under /users/{id}/credentials/OS-EC2. */
export class Ec2CredentialsApi {
  constructor(private readonly session: Session) {}

  async list(userId: string): Promise<Ec2Credential[]> {
    return this.session.json('identity', { method: 'GET', path: base(userId) }, wrapped('credentials', list(ec2CredentialGuard)));
  }

  async get(userId: string, access: string): Promise<Ec2Credential> {
    return this.session.json('identity', { method: 'GET', path: `${base(userId)}/${encodeURIComponent(access)}` }, one);
  }

  async create(userId: string, projectId: string): Promise<Ec2Credential> {
    return this.session.json('identity', { method: 'POST', path: base(userId), json: { tenant_id: projectId } }, one);
  }

  async delete(userId: string, access: string): Promise<void> {
    await this.session.send('identity', { method: 'DELETE', path: `${base(userId)}/${encodeURIComponent(access)}` });
  }
}
