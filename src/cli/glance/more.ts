// Glance commands beyond the image core (members, tags, locations, imports, info).
import type { CommandModule } from '../command.js';
import { imageCreateViaImport } from './image-create-via-import.js';
import { imageDeactivate } from './image-deactivate.js';
import { imageImport } from './image-import.js';
import { imageReactivate } from './image-reactivate.js';
import { imageStage } from './image-stage.js';
import { imageTagDelete } from './image-tag-delete.js';
import { imageTagUpdate } from './image-tag-update.js';
import { imageTasks } from './image-tasks.js';
import { importInfo } from './import-info.js';
import { locationAdd } from './location-add.js';
import { locationDelete } from './location-delete.js';
import { locationUpdate } from './location-update.js';
import { memberCreate } from './member-create.js';
import { memberDelete } from './member-delete.js';
import { memberList } from './member-list.js';
import { memberUpdate } from './member-update.js';
import { storesInfo } from './stores-info.js';

export const moreGlanceCommands: readonly CommandModule[] = [
  imageStage,
  imageImport,
  imageCreateViaImport,
  imageDeactivate,
  imageReactivate,
  imageTagUpdate,
  imageTagDelete,
  locationAdd,
  locationDelete,
  locationUpdate,
  memberList,
  memberCreate,
  memberUpdate,
  memberDelete,
  importInfo,
  storesInfo,
  imageTasks,
];
