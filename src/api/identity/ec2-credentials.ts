import type { Session } from '../../session/session.js';

export interface Ec2Credential {
  access: string;
  secret: string;
  user_id: string;
  tenant_id: string;
  trust_id?: string | null;
}

const base = (userId: string): string => `/users/${encodeURIComponent(userId)}/credentials/OS-EC2`;

/** v3's OS-EC2 credentials, the same resource v2.0 served under /users/{id}/credentials/OS-EC2. */
export class Ec2CredentialsApi {
  constructor(private readonly session: Session) {}

  async list(userId: string): Promise<Ec2Credential[]> {
    return (await this.session.json<{ credentials: Ec2Credential[] }>('identity', { method: 'GET', path: base(userId) })).credentials;
  }

  async get(userId: string, access: string): Promise<Ec2Credential> {
    return (await this.session.json<{ credential: Ec2Credential }>('identity', { method: 'GET', path: `${base(userId)}/${encodeURIComponent(access)}` })).credential;
  }

  async create(userId: string, projectId: string): Promise<Ec2Credential> {
    return (await this.session.json<{ credential: Ec2Credential }>('identity', { method: 'POST', path: base(userId), json: { tenant_id: projectId } })).credential;
  }

  async delete(userId: string, access: string): Promise<void> {
    await this.session.json('identity', { method: 'DELETE', path: `${base(userId)}/${encodeURIComponent(access)}` });
  }
}
