// Keystone v3, one module per resource. Returns typed records; never prints.
import type { Session } from '../../session/session.js';
import { ProjectsApi } from './projects.js';
import { TokensApi } from './tokens.js';

export class IdentityApi {
  readonly projects: ProjectsApi;
  readonly tokens: TokensApi;

  constructor(readonly session: Session) {
    this.projects = new ProjectsApi(session);
    this.tokens = new TokensApi(session);
  }
}
