// Every keystone command, loaded, in the order help lists them (the registry tests, completions and
// bash-completion use; a run loads only its own command: ./loaders.ts).
import type { CommandModule } from '../command.js';
import { bashCompletionFor } from '../common/bash-completion.js';
import { keystoneLoaders } from './loaders.js';

export const keystoneCommands: readonly CommandModule[] = [
  ...(await Promise.all(Object.values(keystoneLoaders).map((load) => load()))),
  bashCompletionFor('keystone', () => keystoneCommands),
];
