import type { CommandModule } from '../command.js';
import { imageList } from './image-list.js';
import { moreGlanceCommands } from './more.js';

export const glanceCommands: readonly CommandModule[] = [imageList, ...moreGlanceCommands];
