// Glance commands beyond the image core (members, tags, locations, imports, info).
import type { CommandModule } from '../command.js';

export const moreGlanceCommands: readonly CommandModule[] = [];
