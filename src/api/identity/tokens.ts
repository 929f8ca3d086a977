import { CliError } from '../../errors.js';
import type { CatalogService } from '../../session/catalog.js';
import type { Session } from '../../session/session.js';

export interface TokenInfo {
  id: string;
  expires: string;
  userId: string;
  projectId?: string;
}

export interface PasswordScope {
  userName: string;
  password: string;
  projectName: string;
  domainId: string;
}

export class TokensApi {
  constructor(private readonly session: Session) {}

  /** The token this session authenticated with (from the cache when it is still fresh). */
  async current(): Promise<TokenInfo> {
    const state = await this.session.auth();
    return { id: state.token, expires: state.expiresAt, userId: state.userId, projectId: state.projectId };
  }

  /** The service catalog that came with the current token. */
  async catalog(): Promise<CatalogService[]> {
    return (await this.session.auth()).catalog;
  }

  /** Checks that a user can get a project-scoped token with a password (the token itself is dropped). */
  async verifyPassword(scope: PasswordScope): Promise<void> {
    const domain = { id: scope.domainId };
    const res = await this.session.request('identity', {
      method: 'POST',
      path: '/auth/tokens',
      json: {
        auth: {
          identity: { methods: ['password'], password: { user: { name: scope.userName, domain, password: scope.password } } },
          scope: { project: { name: scope.projectName, domain } },
        },
      },
      allow: [401],
    });
    await res.body.dump();
    if (res.status === 401) throw new CliError(`User '${scope.userName}' could not authenticate on tenant '${scope.projectName}'.`);
  }
}
