import type { CommandModule } from '../command.js';
import { bashCompletionFor } from '../common/bash-completion.js';
import { imageCreate } from './image-create.js';
import { imageDelete } from './image-delete.js';
import { imageDownload } from './image-download.js';
import { imageList } from './image-list.js';
import { imageShow } from './image-show.js';
import { imageUpdate } from './image-update.js';
import { imageUpload } from './image-upload.js';
import { moreGlanceCommands } from './more.js';

export const glanceCommands: readonly CommandModule[] = [
  imageCreate,
  imageUpdate,
  imageList,
  imageShow,
  imageDelete,
  imageDownload,
  imageUpload,
  ...moreGlanceCommands,
  bashCompletionFor('glance', () => glanceCommands),
];
