// The global options each program lists and takes: keystone's are the classic keystoneclient's
// (not glance's), and glance reads --os-image-api-version / OS_IMAGE_API_VERSION as glanceclient does.
import { describe, expect, it } from 'vitest';
import { keystoneCommands } from '../../src/cli/keystone/index.js';
import { glanceCommands } from '../../src/cli/glance/index.js';
import { globalsFrom } from '../../src/cli/globals.js';
import { buildProgram } from '../../src/cli/program.js';
import { CliError } from '../../src/errors.js';
import { parseCommandLine } from '../helpers/parse.js';

/** keystoneclient 2.3.2's `keystone help` options (its CLI's last release), plus --version and --help. */
const CLASSIC_KEYSTONE = [
  '--debug',
  '--help',
  '--version',
  '--timeout',
  '--os-username',
  '--os-password',
  '--os-tenant-name',
  '--os-tenant-id',
  '--os-auth-url',
  '--os-region-name',
  '--os-identity-api-version',
  '--os-token',
  '--os-endpoint',
  '--os-cache',
  '--force-new-token',
  '--stale-duration',
  '--insecure',
  '--os-cacert',
  '--os-cert',
  '--os-key',
].sort();

function listedOptions(dialect: 'glance' | 'keystone'): string[] {
  const program = buildProgram(dialect, '0', '', dialect === 'glance' ? glanceCommands : keystoneCommands, async () => undefined);
  const options = program.helpInformation().split('Commands:')[0]!;
  return [...new Set(options.match(/--[a-z][a-z-]*/g))].sort();
}

describe('keystone help', () => {
  it("lists exactly the classic keystone client's global options", () => {
    expect(listedOptions('keystone')).toEqual(CLASSIC_KEYSTONE);
  });

  it("does not take glance's own options", async () => {
    await expect(parseCommandLine('keystone', ['--os-image-api-version', '2', 'tenant-list'])).rejects.toThrow(/unknown option '--os-image-api-version'/);
    await expect(parseCommandLine('keystone', ['--os-image-url', 'http://x', 'tenant-list'])).rejects.toThrow(/unknown option '--os-image-url'/);
  });

  it('still takes the unlisted options it documents (--os-cloud, --no-cache)', async () => {
    expect((await parseCommandLine('keystone', ['--os-cloud', 'c', '--no-cache', 'tenant-list'])).command).toBe('tenant-list');
  });

  it('ignores OS_IMAGE_API_VERSION, however wrong', () => {
    expect(globalsFrom({}, { OS_IMAGE_API_VERSION: '7' }, 'keystone').imageApiVersion).toBe(1);
  });
});

describe('glance --os-image-api-version / OS_IMAGE_API_VERSION', () => {
  it('glance help still lists it and the image URL', () => {
    expect(listedOptions('glance')).toEqual(expect.arrayContaining(['--os-image-api-version', '--os-image-url']));
  });

  it.each([
    ['2', 2],
    [' 2 ', 2],
    ['02', 2],
    ['+1', 1],
    ['1', 1],
    ['', 1],
  ])('%j is read as Python int() reads it: %d', (value, version) => {
    expect(globalsFrom({}, { OS_IMAGE_API_VERSION: value }, 'glance').imageApiVersion).toBe(version);
    expect(globalsFrom({ imageApiVersion: value }, {}, 'glance').imageApiVersion).toBe(version);
  });

  it.each(['7', '0', '3', 'abc', '2.0', '1.0', 'v2', '2a'])('%j is refused with glanceclient message, exit 1', (value) => {
    for (const read of [() => globalsFrom({}, { OS_IMAGE_API_VERSION: value }, 'glance'), () => globalsFrom({ imageApiVersion: value }, {}, 'glance')]) {
      expect(read).toThrow(new CliError('Invalid API version parameter. Supported values are [1, 2]'));
      try {
        read();
      } catch (err) {
        expect((err as CliError).exitCode).toBe(1);
      }
    }
  });

  it('the flag wins over the environment', () => {
    expect(globalsFrom({ imageApiVersion: '2' }, { OS_IMAGE_API_VERSION: '7' }, 'glance').imageApiVersion).toBe(2);
  });
});
