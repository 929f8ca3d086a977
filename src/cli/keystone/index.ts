import type { CommandModule } from '../command.js';
import { bashCompletionFor } from '../common/bash-completion.js';
import { tenantList } from './tenant-list.js';
import { tokenGet } from './token-get.js';

export const keystoneCommands: readonly CommandModule[] = [tenantList, tokenGet, bashCompletionFor(() => keystoneCommands)];
