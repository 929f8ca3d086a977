// When a cached token stops being used: before its expiry, so that a command never starts with a
// token that runs out while it works (the token cache, and the request sent ahead from its recipe).
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** Whether a token expiring at `expiresAt` (ISO 8601) may still be used at `now`. */
export function tokenUsable(expiresAt: string, now: number): boolean {
  return Date.parse(expiresAt) - REFRESH_MARGIN_MS > now;
}
