import type { CommandModule } from '../command.js';
import { bashCompletionFor } from '../common/bash-completion.js';
import { bootstrap } from './bootstrap.js';
import { catalog } from './catalog.js';
import { discover } from './discover.js';
import { ec2CredentialsCreate } from './ec2-credentials-create.js';
import { ec2CredentialsDelete } from './ec2-credentials-delete.js';
import { ec2CredentialsGet } from './ec2-credentials-get.js';
import { ec2CredentialsList } from './ec2-credentials-list.js';
import { endpointCreate } from './endpoint-create.js';
import { endpointDelete } from './endpoint-delete.js';
import { endpointGet } from './endpoint-get.js';
import { endpointList } from './endpoint-list.js';
import { passwordUpdate } from './password-update.js';
import { roleCreate } from './role-create.js';
import { roleDelete } from './role-delete.js';
import { roleGet } from './role-get.js';
import { roleList } from './role-list.js';
import { serviceCreate } from './service-create.js';
import { serviceDelete } from './service-delete.js';
import { serviceGet } from './service-get.js';
import { serviceList } from './service-list.js';
import { tenantCreate } from './tenant-create.js';
import { tenantDelete } from './tenant-delete.js';
import { tenantGet } from './tenant-get.js';
import { tenantList } from './tenant-list.js';
import { tenantUpdate } from './tenant-update.js';
import { tokenGet } from './token-get.js';
import { userCreate } from './user-create.js';
import { userDelete } from './user-delete.js';
import { userGet } from './user-get.js';
import { userList } from './user-list.js';
import { userPasswordUpdate } from './user-password-update.js';
import { userRoleAdd } from './user-role-add.js';
import { userRoleList } from './user-role-list.js';
import { userRoleRemove } from './user-role-remove.js';
import { userUpdate } from './user-update.js';

export const keystoneCommands: readonly CommandModule[] = [
  tenantList, tenantGet, tenantCreate, tenantUpdate, tenantDelete,
  userList, userGet, userCreate, userUpdate, userPasswordUpdate, userDelete, passwordUpdate,
  roleList, roleGet, roleCreate, roleDelete,
  userRoleAdd, userRoleRemove, userRoleList,
  serviceCreate, serviceList, serviceGet, serviceDelete,
  endpointCreate, endpointList, endpointGet, endpointDelete,
  catalog, tokenGet,
  ec2CredentialsCreate, ec2CredentialsGet, ec2CredentialsList, ec2CredentialsDelete,
  discover, bootstrap,
  bashCompletionFor('keystone', () => keystoneCommands),
];
