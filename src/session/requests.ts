// What the session and the early answer (early-answer.ts) both make of a service request: its URL's
// query string, and the service's name in error lines.
import type { Query, ServiceType } from './session.js';

/** How errors name a service. */
export const SERVICE_NAMES: Record<ServiceType, string> = { identity: 'Keystone', image: 'Glance' };

export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) params.append(name, v);
    else params.append(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
