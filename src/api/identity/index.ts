// Keystone v3, one module per resource. Returns typed records; never prints.
import type { Session } from '../../session/session.js';
import { ClassicEndpointsApi } from './classic-endpoints.js';
import { DomainsApi } from './domains.js';
import { Ec2CredentialsApi } from './ec2-credentials.js';
import { EndpointsApi } from './endpoints.js';
import { ProjectsApi } from './projects.js';
import { RegionsApi } from './regions.js';
import { RoleAssignmentsApi } from './role-assignments.js';
import { RolesApi } from './roles.js';
import { ServicesApi } from './services.js';
import { TokensApi } from './tokens.js';
import { UsersApi } from './users.js';

export class IdentityApi {
  readonly projects: ProjectsApi;
  readonly users: UsersApi;
  readonly roles: RolesApi;
  readonly roleAssignments: RoleAssignmentsApi;
  readonly services: ServicesApi;
  readonly endpoints: EndpointsApi;
  readonly regions: RegionsApi;
  readonly domains: DomainsApi;
  readonly ec2Credentials: Ec2CredentialsApi;
  readonly tokens: TokensApi;
  /** v2.0-style endpoints (public/internal/admin URLs in one record) over v3 endpoints. */
  readonly classicEndpoints: ClassicEndpointsApi;

  constructor(readonly session: Session) {
    this.projects = new ProjectsApi(session);
    this.users = new UsersApi(session);
    this.roles = new RolesApi(session);
    this.roleAssignments = new RoleAssignmentsApi(session);
    this.services = new ServicesApi(session);
    this.endpoints = new EndpointsApi(session);
    this.regions = new RegionsApi(session);
    this.domains = new DomainsApi(session);
    this.ec2Credentials = new Ec2CredentialsApi(session);
    this.tokens = new TokensApi(session);
    this.classicEndpoints = new ClassicEndpointsApi(this.endpoints, this.regions);
  }
}
