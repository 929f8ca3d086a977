// The real local cloud the integration tests run against (scripts/local-cloud.sh).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CloudInfo {
  keystone_url: string;
  glance_url: string;
  admin_user: string;
  admin_project: string;
  admin_password: string;
  admin_token: string;
  glance_password: string;
  region: string;
  state_dir: string;
  keystonerc: string;
}

export const STATE_DIR = process.env.LOCAL_CLOUD_DIR ?? '/var/tmp/osc-local-cloud';

export function cloud(): CloudInfo {
  try {
    return JSON.parse(readFileSync(join(STATE_DIR, 'cloud.json'), 'utf8')) as CloudInfo;
  } catch (err) {
    throw new Error(`The local cloud is not up (no ${STATE_DIR}/cloud.json): run scripts/local-cloud.sh up. ${String(err)}`);
  }
}

/** The environment `source keystonerc_admin` gives, on top of a clean one. */
export function adminEnv(extra: Record<string, string> = {}): Record<string, string> {
  const c = cloud();
  return {
    OS_USERNAME: c.admin_user,
    OS_PASSWORD: c.admin_password,
    OS_AUTH_URL: c.keystone_url,
    OS_TENANT_NAME: c.admin_project,
    OS_REGION_NAME: c.region,
    ...extra,
  };
}
