// Parsing and rendering pieces of the v2-only glance commands, without a cloud.
import { argparseUsageError } from '../../src/cli/argparse/glance-v2.js';
import { describe, expect, it } from 'vitest';
import { CliError, UsageError } from '../../src/errors.js';
import { parseMetadata } from '../../src/cli/glance/support/v2-commands.js';
import { pyRepr } from '../../src/output/pprint.js';
import { parseStoreChoice, type ImportTarget } from '../../src/cli/glance/support/import-checks.js';
import { parseCommandLine } from '../helpers/parse.js';
import { extractMessage } from '../../src/session/errors.js';

describe('pyRepr (how glanceclient prints a tags list)', () => {
  it('quotes like Python repr', () => {
    expect(pyRepr([])).toBe('[]');
    expect(pyRepr(['a', 'two words'])).toBe("['a', 'two words']");
    expect(pyRepr(["it's"])).toBe(`["it's"]`);
    expect(pyRepr([`both ' and "`])).toBe(`['both \\' and "']`);
    expect(pyRepr(['back\\slash'])).toBe("['back\\\\slash']");
  });
});

describe('parseMetadata', () => {
  it('takes a JSON object and nothing else', () => {
    expect(parseMetadata('{"a": 1}')).toEqual({ a: 1 });
    for (const bad of ['nope', '[1]', '1', 'null', '']) expect(() => parseMetadata(bad)).toThrow(new CliError('Metadata is not a valid JSON object.'));
  });
});

describe('argument checks with argparse wording (the parser, then argparse as glanceclient runs it)', () => {
  it('member-update refuses an unknown status with the usage line first', async () => {
    await expect(parseCommandLine('glance', ['member-update', 'i', 'm', 'bogus'])).rejects.toThrow(UsageError);
    expect(argparseUsageError(['member-update', 'i', 'm', 'bogus'], 80, false, '')).toEqual({
      stderr:
        "usage: glance member-update <IMAGE_ID> <MEMBER_ID> <MEMBER_STATUS>\nglance member-update: error: argument <MEMBER_STATUS>: invalid choice: 'bogus' (choose from 'accepted', 'rejected', 'pending')\n",
    });
    expect((await parseCommandLine('glance', ['member-update', 'i', 'm', 'accepted'])).options).toEqual({ image: 'i', member: 'm', status: 'accepted' });
  });

  it('location-delete needs at least one --url', async () => {
    await expect(parseCommandLine('glance', ['location-delete', 'i'])).rejects.toThrow('the following arguments are required: --url');
    expect(argparseUsageError(['location-delete', 'i'], 80, false, '')).toEqual({
      stderr: 'usage: glance location-delete --url <URL> <IMAGE_ID>\nglance location-delete: error: the following arguments are required: --url\n',
    });
    expect((await parseCommandLine('glance', ['location-delete', '--url', 'a', '--url', 'b', 'i'])).options).toEqual({ image: 'i', urls: ['a', 'b'] });
  });

  it("our own complaint about a flag of ours gets argparse's usage line in the v2 dialect", () => {
    const ours =
      "usage: glance member-get [options] <IMAGE_ID> <MEMBER_ID>\nglance member-get: error: argument --format: invalid choice: 'x' (choose from 'table', 'json')";
    expect(argparseUsageError(['member-get', '-f', 'x', 'i', 'm'], 80, true, ours)).toEqual({
      stderr:
        "usage: glance member-get <IMAGE_ID> <MEMBER_ID>\nglance member-get: error: argument --format: invalid choice: 'x' (choose from 'table', 'json')\n",
    });
    expect(argparseUsageError(['member-get', '-f', 'x', 'i', 'm'], 80, false, ours)).toBeUndefined();
  });

  it("a runbook command keeps its own words in the v1 dialect, and gets argparse's in the v2 one", () => {
    expect(argparseUsageError(['image-list', '--limit', 'x'], 80, false, '')).toBeUndefined();
    expect(argparseUsageError(['image-list', '--limit', 'x'], 80, true, '')).toEqual({
      stderr: expect.stringMatching(/\nglance image-list: error: argument --limit: invalid int value: 'x'\n$/),
    });
  });
});

describe('parseStoreChoice', () => {
  const target = async (...argv: string[]): Promise<ImportTarget> => (await parseCommandLine('glance', ['image-import', 'i', ...argv])).options;
  it('reads flags, then OS_IMAGE_STORE(S) / OS_IMAGE_ALLOW_FAILURE', async () => {
    expect(parseStoreChoice(await target(), {})).toEqual({ store: undefined, stores: undefined, allStores: undefined, allowFailure: true });
    expect(parseStoreChoice(await target('--stores', 'a,b', '--allow-failure', 'False'), {})).toEqual({
      store: undefined,
      stores: ['a', 'b'],
      allStores: undefined,
      allowFailure: false,
    });
    expect(parseStoreChoice(await target(), { OS_IMAGE_STORE: 'file' }).store).toBe('file');
  });

  it('allows one of --store, --stores and --all-stores', async () => {
    expect(() => parseStoreChoice({ ...EMPTY_TARGET, store: 'a', stores: 'b' }, {})).toThrow('Only one of --store, --stores and --all-stores can be provided');
    await expect(async () => parseStoreChoice(await target('--stores', 'b', '--all-stores', 'True'), {})).rejects.toThrow(
      'Only one of --store, --stores and --all-stores can be provided',
    );
  });
});

const EMPTY_TARGET: ImportTarget = {
  uri: undefined,
  remoteRegion: undefined,
  remoteImageId: undefined,
  remoteServiceInterface: undefined,
  store: undefined,
  stores: undefined,
  allStores: undefined,
  allowFailure: undefined,
};

describe('Glance error messages as glanceclient shows them', () => {
  it('drops webob line breaks and joins lines with ": "', () => {
    expect(extractMessage('{"message": "Image x not found.<br /><br />\\n\\n\\n", "code": "404 Not Found", "title": "Not Found"}')).toBe('Image x not found.');
    expect(
      extractMessage(
        '{"message": "Access was denied to this resource.<br /><br />\\nCannot remove last location in the image.\\n\\n", "code": "403 Forbidden"}',
      ),
    ).toBe('Access was denied to this resource.: Cannot remove last location in the image.');
    expect(extractMessage('{"error": {"message": "Keystone <says> this", "code": 409}}')).toBe('Keystone <says> this');
  });
});
