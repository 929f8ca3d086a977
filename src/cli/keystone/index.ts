// Every keystone command, loaded, in the order help lists them: the registry tests, completions and
// bash-completion use. A run loads only its own command (./loaders.ts, the same order).
import type { CommandModule } from '../command.js';
import { bashCompletionFor } from '../common/bash-completion.js';
import { bootstrap } from './commands/bootstrap.js';
import { catalog } from './commands/catalog.js';
import { discover } from './commands/discover.js';
import { ec2CredentialsCreate } from './commands/ec2-credentials-create.js';
import { ec2CredentialsDelete } from './commands/ec2-credentials-delete.js';
import { ec2CredentialsGet } from './commands/ec2-credentials-get.js';
import { ec2CredentialsList } from './commands/ec2-credentials-list.js';
import { endpointCreate } from './commands/endpoint-create.js';
import { endpointDelete } from './commands/endpoint-delete.js';
import { endpointGet } from './commands/endpoint-get.js';
import { endpointList } from './commands/endpoint-list.js';
import { passwordUpdate } from './commands/password-update.js';
import { roleCreate } from './commands/role-create.js';
import { roleDelete } from './commands/role-delete.js';
import { roleGet } from './commands/role-get.js';
import { roleList } from './commands/role-list.js';
import { serviceCreate } from './commands/service-create.js';
import { serviceDelete } from './commands/service-delete.js';
import { serviceGet } from './commands/service-get.js';
import { serviceList } from './commands/service-list.js';
import { tenantCreate } from './commands/tenant-create.js';
import { tenantDelete } from './commands/tenant-delete.js';
import { tenantGet } from './commands/tenant-get.js';
import { tenantList } from './commands/tenant-list.js';
import { tenantUpdate } from './commands/tenant-update.js';
import { tokenGet } from './commands/token-get.js';
import { userCreate } from './commands/user-create.js';
import { userDelete } from './commands/user-delete.js';
import { userGet } from './commands/user-get.js';
import { userList } from './commands/user-list.js';
import { userPasswordUpdate } from './commands/user-password-update.js';
import { userRoleAdd } from './commands/user-role-add.js';
import { userRoleList } from './commands/user-role-list.js';
import { userRoleRemove } from './commands/user-role-remove.js';
import { userUpdate } from './commands/user-update.js';

export const keystoneCommands: readonly CommandModule[] = [
  tenantList,
  tenantGet,
  tenantCreate,
  tenantUpdate,
  tenantDelete,
  userList,
  userGet,
  userCreate,
  userUpdate,
  userPasswordUpdate,
  userDelete,
  passwordUpdate,
  roleList,
  roleGet,
  roleCreate,
  roleDelete,
  userRoleAdd,
  userRoleRemove,
  userRoleList,
  serviceCreate,
  serviceList,
  serviceGet,
  serviceDelete,
  endpointCreate,
  endpointList,
  endpointGet,
  endpointDelete,
  catalog,
  tokenGet,
  ec2CredentialsCreate,
  ec2CredentialsGet,
  ec2CredentialsList,
  ec2CredentialsDelete,
  discover,
  bootstrap,
  bashCompletionFor('keystone', () => keystoneCommands),
];
