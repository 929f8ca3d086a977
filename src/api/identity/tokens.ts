import type { Session } from '../../session/session.js';

export interface TokenInfo {
  id: string;
  expires: string;
  userId: string;
  projectId?: string;
}

export class TokensApi {
  constructor(private readonly session: Session) {}

  /** The token this session authenticated with (from the cache when it is still fresh). */
  async current(): Promise<TokenInfo> {
    const state = await this.session.auth();
    return { id: state.token, expires: state.expiresAt, userId: state.userId, projectId: state.projectId };
  }
}
