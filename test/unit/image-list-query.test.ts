// What `glance image-list` asks Glance for, through the real parser: the sort parameters per dialect
// (glanceclient 4.1.0's do_image_list and images.list for v2; the runbook's v1 defaults) and 0 as
// "not given" for --limit and --page-size.
import { describe, expect, it } from 'vitest';
import { type Options, sortQuery } from '../../src/cli/glance/commands/image-list.js';
import { parseCommandLine } from '../helpers/parse.js';

const parse = async (...argv: string[]): Promise<Options> => (await parseCommandLine<Options>('glance', ['image-list', ...argv])).options;
const sent = async (apiVersion: 1 | 2, ...argv: string[]) => sortQuery((await parse(...argv)).sort, apiVersion);

describe('image-list sort parameters', () => {
  it('without sort flags: name, ascending, in both dialects', async () => {
    expect(await sent(2)).toEqual({ sort_key: ['name'], sort_dir: ['asc'] });
    expect(await sent(1)).toEqual({ sort_key: ['name'], sort_dir: ['asc'] });
  });

  it('v2: only what was given, as glanceclient sends it (Glance then sorts desc)', async () => {
    expect(await sent(2, '--sort-key', 'size')).toEqual({ sort_key: ['size'], sort_dir: [] });
    expect(await sent(2, '--sort-dir', 'asc')).toEqual({ sort_key: [], sort_dir: ['asc'] });
    expect(await sent(2, '--sort-key', 'name', '--sort-key', 'id', '--sort-dir', 'desc', '--sort-dir', 'asc')).toEqual({
      sort_key: ['name', 'id'],
      sort_dir: ['desc', 'asc'],
    });
    expect(await sent(2, '--sort', 'size:asc,name')).toEqual({ sort: 'size:asc,name' });
  });

  it("v1: the runbook client's defaults fill in what was not given", async () => {
    expect(await sent(1, '--sort-key', 'size')).toEqual({ sort_key: ['size'], sort_dir: ['asc'] });
    expect(await sent(1, '--sort-dir', 'desc')).toEqual({ sort_key: ['name'], sort_dir: ['desc'] });
  });
});

describe('image-list --limit and --page-size', () => {
  it('0 is "not given", as in glanceclient', async () => {
    expect(await parse('--limit', '0', '--page-size', '0')).toMatchObject({ limit: undefined, pageSize: undefined });
    expect(await parse('--limit', '5', '--page-size', '7')).toMatchObject({ limit: 5, pageSize: 7 });
  });
});
