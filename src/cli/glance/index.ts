import type { CommandModule } from '../command.js';
import { imageList } from './image-list.js';

export const glanceCommands: readonly CommandModule[] = [imageList];
