// The classic field sets: what keystoneclient printed for each v2.0 resource, made from v3 records.
// print_dict sorted rows by Property; print_list sorted rows by a column (name, or the first).
import type { ClassicEndpoint } from '../../../api/identity/classic-endpoints.js';
import type { Ec2Credential } from '../../../api/identity/ec2-credentials.js';
import type { Project } from '../../../api/identity/projects.js';
import type { Role } from '../../../api/identity/roles.js';
import type { Service } from '../../../api/identity/services.js';
import type { User } from '../../../api/identity/users.js';
import type { Cell, RecordView } from '../../../output/views.js';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A Property | Value record with rows sorted by property name, as print_dict did. */
export function classicRecord(fields: Record<string, Cell>): RecordView {
  return { fields: Object.entries(fields).sort(([a], [b]) => byText(a, b)) };
}

const text = (cell: Cell): string => (cell === null || cell === undefined ? '' : String(cell));

/** Rows sorted by one column, ties by the whole row (PrettyTable's sortby). */
export function sortRows(rows: Cell[][], column: number): Cell[][] {
  return [...rows].sort((a, b) => byText(text(a[column]), text(b[column])) || byText(a.map(text).join('\u0000'), b.map(text).join('\u0000')));
}

export const tenantRecord = (p: Project): RecordView => classicRecord({ description: p.description ?? null, enabled: p.enabled, id: p.id, name: p.name });

/** v2.0's user: email always (None when unset), tenantId when the user has a default project. */
export function userRecord(u: User): RecordView {
  const fields: Record<string, Cell> = { email: u.email ?? null, enabled: u.enabled, id: u.id, name: u.name, username: u.name };
  if (u.default_project_id) fields.tenantId = u.default_project_id;
  return classicRecord(fields);
}

export const roleRecord = (r: Role): RecordView => classicRecord({ id: r.id, name: r.name });

export const serviceRecord = (s: Service): RecordView =>
  classicRecord({ description: s.description ?? null, enabled: s.enabled, id: s.id, name: s.name ?? null, type: s.type });

export const endpointRecord = (e: ClassicEndpoint): RecordView =>
  classicRecord({ adminurl: e.adminurl, id: e.id, internalurl: e.internalurl, publicurl: e.publicurl, region: e.region, service_id: e.service_id });

export const ec2Record = (c: Ec2Credential): RecordView =>
  classicRecord({ access: c.access, secret: c.secret, tenant_id: c.tenant_id, trust_id: c.trust_id ?? null, user_id: c.user_id });
