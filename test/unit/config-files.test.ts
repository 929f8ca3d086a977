// rc files and clouds.yaml are regular files of bounded size holding UTF-8: /dev/zero or a FIFO
// hung the reader, a huge file aborted it, bytes that are not UTF-8 became U+FFFD.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCloud } from '../../src/config/clouds.js';
import { readRcFile } from '../../src/config/rcfile.js';

const dir = mkdtempSync(join(tmpdir(), 'osc-config-files-'));
const fifo = join(dir, 'fifo');
execFileSync('mkfifo', [fifo]);
const big = join(dir, 'big.rc');
writeFileSync(big, '');
truncateSync(big, 2 * 1024 * 1024);
const latin1 = join(dir, 'latin1.rc');
writeFileSync(latin1, Buffer.concat([Buffer.from('export OS_USERNAME=admin\nexport OS_PASSWORD=ab'), Buffer.from([0xff]), Buffer.from('\n')]));

describe('configuration files', () => {
  const rcCases: Array<[string, RegExp]> = [
    ['/dev/zero', /^Cannot read credentials file \/dev\/zero: it is a character device, not a regular file\.$/],
    [fifo, /: it is a FIFO, not a regular file\.$/],
    [dir, /: it is a directory, not a regular file\.$/],
    [big, /: it is 2097152 bytes, more than the 1048576 a credentials file may be\.$/],
    [latin1, new RegExp(`^${latin1}:2: text is not valid UTF-8: save the file as UTF-8\\.$`)],
  ];
  for (const [path, message] of rcCases) {
    it(`--os-rc ${path.replace(dir, '<dir>')}: one line, no hang`, () => {
      expect(() => readRcFile(path, {})).toThrow(message);
    });
  }

  it('OS_CLIENT_CONFIG_FILE=/dev/zero and a non-UTF-8 clouds.yaml are refused', () => {
    expect(() => loadCloud('x', { env: { OS_CLIENT_CONFIG_FILE: '/dev/zero' }, cwd: dir, dirs: [] })).toThrow(
      'Cannot read clouds file /dev/zero: it is a character device, not a regular file.',
    );
    const yaml = join(dir, 'clouds.yaml');
    writeFileSync(yaml, Buffer.concat([Buffer.from('clouds:\n  x:\n    auth:\n      password: a'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    expect(() => loadCloud('x', { env: { OS_CLIENT_CONFIG_FILE: yaml }, cwd: dir, dirs: [] })).toThrow(`${yaml}:4: text is not valid UTF-8`);
  });
});
