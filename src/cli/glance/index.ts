// Every glance command, loaded, in the order help lists them (the registry tests, completions and
// bash-completion use; a run loads only its own command: ./loaders.ts).
import type { CommandModule } from '../command.js';
import { bashCompletionFor } from '../common/bash-completion.js';
import { glanceLoaders } from './loaders.js';

export const glanceCommands: readonly CommandModule[] = [
  ...(await Promise.all(Object.values(glanceLoaders).map((load) => load()))),
  bashCompletionFor('glance', () => glanceCommands),
];
