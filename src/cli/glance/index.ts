import type { CommandModule } from '../command.js';
import { bashCompletionFor } from '../common/bash-completion.js';
import { imageList } from './image-list.js';
import { moreGlanceCommands } from './more.js';

export const glanceCommands: readonly CommandModule[] = [imageList, ...moreGlanceCommands, bashCompletionFor(() => glanceCommands)];
