import { command } from '../command.js';
import type { Deps } from '../deps.js';

export interface Options {}

export const imageList = command<Options>({
  spec: { name: 'image-list', summary: 'List images you can access.', example: 'glance image-list', output: 'list' },
  parse: () => ({}),
  async run(_options: Options, deps: Deps) {
    const images = await (await deps.image()).images.list();
    deps.print.list({
      columns: ['ID', 'Name', 'Disk Format', 'Container Format', 'Size', 'Status'],
      rows: images.map((i) => [i.id, i.name, i.disk_format, i.container_format, i.size || null, i.status]),
    });
  },
});
