// Every glance command, loaded, in the order help lists them: the registry tests, completions and
// bash-completion use. A run loads only its own command (./loaders.ts, the same order).
import type { CommandModule } from '../command.js';
import { bashCompletionFor } from '../common/bash-completion.js';
import { imageCreate } from './commands/image-create.js';
import { imageDelete } from './commands/image-delete.js';
import { imageDownload } from './commands/image-download.js';
import { imageList } from './commands/image-list.js';
import { imageShow } from './commands/image-show.js';
import { imageUpdate } from './commands/image-update.js';
import { imageUpload } from './commands/image-upload.js';
import { imageCreateViaImport } from './commands/image-create-via-import.js';
import { imageDeactivate } from './commands/image-deactivate.js';
import { imageImport } from './commands/image-import.js';
import { imageReactivate } from './commands/image-reactivate.js';
import { imageSeed } from './commands/image-seed.js';
import { imageStage } from './commands/image-stage.js';
import { imageTagDelete } from './commands/image-tag-delete.js';
import { imageTagUpdate } from './commands/image-tag-update.js';
import { imageTasks } from './commands/image-tasks.js';
import { importInfo } from './commands/import-info.js';
import { locationAdd } from './commands/location-add.js';
import { locationDelete } from './commands/location-delete.js';
import { locationUpdate } from './commands/location-update.js';
import { memberCreate } from './commands/member-create.js';
import { memberDelete } from './commands/member-delete.js';
import { memberGet } from './commands/member-get.js';
import { memberList } from './commands/member-list.js';
import { memberUpdate } from './commands/member-update.js';
import { storesDelete } from './commands/stores-delete.js';
import { mdNamespaceCreate } from './commands/md-namespace-create.js';
import { mdNamespaceDelete } from './commands/md-namespace-delete.js';
import { mdNamespaceImport } from './commands/md-namespace-import.js';
import { mdNamespaceList } from './commands/md-namespace-list.js';
import { mdNamespaceObjectsDelete } from './commands/md-namespace-objects-delete.js';
import { mdNamespacePropertiesDelete } from './commands/md-namespace-properties-delete.js';
import { mdNamespaceResourceTypeList } from './commands/md-namespace-resource-type-list.js';
import { mdNamespaceShow } from './commands/md-namespace-show.js';
import { mdNamespaceTagsDelete } from './commands/md-namespace-tags-delete.js';
import { mdNamespaceUpdate } from './commands/md-namespace-update.js';
import { mdResourceTypeAssociate } from './commands/md-resource-type-associate.js';
import { mdResourceTypeDeassociate } from './commands/md-resource-type-deassociate.js';
import { mdResourceTypeList } from './commands/md-resource-type-list.js';
import { storesInfo } from './commands/stores-info.js';
import { taskCreate } from './commands/task-create.js';
import { taskList } from './commands/task-list.js';
import { taskShow } from './commands/task-show.js';
import { cacheClear } from './commands/cache-clear.js';
import { cacheDelete } from './commands/cache-delete.js';
import { cacheList } from './commands/cache-list.js';
import { cacheQueue } from './commands/cache-queue.js';
import { explain } from './commands/explain.js';
import { usage } from './commands/usage.js';
import { mdObjectCreate } from './commands/md-object-create.js';
import { mdObjectDelete } from './commands/md-object-delete.js';
import { mdObjectList } from './commands/md-object-list.js';
import { mdObjectPropertyShow } from './commands/md-object-property-show.js';
import { mdObjectShow } from './commands/md-object-show.js';
import { mdObjectUpdate } from './commands/md-object-update.js';
import { mdPropertyCreate } from './commands/md-property-create.js';
import { mdPropertyDelete } from './commands/md-property-delete.js';
import { mdPropertyList } from './commands/md-property-list.js';
import { mdPropertyShow } from './commands/md-property-show.js';
import { mdPropertyUpdate } from './commands/md-property-update.js';
import { mdTagCreate } from './commands/md-tag-create.js';
import { mdTagCreateMultiple } from './commands/md-tag-create-multiple.js';
import { mdTagDelete } from './commands/md-tag-delete.js';
import { mdTagList } from './commands/md-tag-list.js';
import { mdTagShow } from './commands/md-tag-show.js';
import { mdTagUpdate } from './commands/md-tag-update.js';

export const glanceCommands: readonly CommandModule[] = [
  imageCreate,
  imageUpdate,
  imageList,
  imageShow,
  imageDelete,
  imageDownload,
  imageUpload,
  imageStage,
  imageImport,
  imageCreateViaImport,
  imageSeed,
  imageDeactivate,
  imageReactivate,
  imageTagUpdate,
  imageTagDelete,
  locationAdd,
  locationDelete,
  locationUpdate,
  memberList,
  memberGet,
  memberCreate,
  memberUpdate,
  memberDelete,
  importInfo,
  storesInfo,
  storesDelete,
  imageTasks,
  taskList,
  taskShow,
  taskCreate,
  cacheList,
  cacheQueue,
  cacheDelete,
  cacheClear,
  usage,
  explain,
  mdNamespaceCreate,
  mdNamespaceDelete,
  mdNamespaceImport,
  mdNamespaceList,
  mdNamespaceObjectsDelete,
  mdNamespacePropertiesDelete,
  mdNamespaceResourceTypeList,
  mdNamespaceShow,
  mdNamespaceTagsDelete,
  mdNamespaceUpdate,
  mdResourceTypeAssociate,
  mdResourceTypeDeassociate,
  mdResourceTypeList,
  mdObjectCreate,
  mdObjectDelete,
  mdObjectList,
  mdObjectPropertyShow,
  mdObjectShow,
  mdObjectUpdate,
  mdPropertyCreate,
  mdPropertyDelete,
  mdPropertyList,
  mdPropertyShow,
  mdPropertyUpdate,
  mdTagCreate,
  mdTagCreateMultiple,
  mdTagDelete,
  mdTagList,
  mdTagShow,
  mdTagUpdate,
  bashCompletionFor('glance', () => glanceCommands),
];
