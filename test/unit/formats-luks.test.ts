// LUKS images: qemu-img makes a LUKS1 one (slowly: it times its key derivation, hence a file of its
// own, run beside the others); LUKS2 and impossible payload offsets are written over its header.
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectFile, inspectImage, readAheadSource } from '../../src/formats/index.js';
import { patch, qemuImg, qemuInfo, scratch } from '../helpers/disk-images.js';

const dir = scratch('formats-luks');
const secret = 'secret,id=sec0,data=not-a-real-secret';
const luks = dir.path('a.luks');
afterAll(() => dir.remove());

beforeAll(() => {
  qemuImg(['create', '-q', '-f', 'luks', '--object', secret, '-o', 'key-secret=sec0,iter-time=10', luks, '5M']);
}, 60_000);

describe('LUKS', () => {
  it('a LUKS1 image is luks, of the virtual size qemu-img info gives (the length after the payload offset)', async () => {
    const qemu = qemuInfo(luks, { objects: [secret], imageOpts: `driver=luks,key-secret=sec0,file.filename=${luks}` });
    expect(qemu.format).toBe('luks');
    expect(await inspectFile(luks)).toEqual({ format: 'luks', diskFormat: 'luks', virtualSize: qemu.virtualSize });
  });

  it('over a pipe its size is unknown (it needs the image length) and it is still luks', async () => {
    const head = readFileSync(luks).subarray(0, 1 << 20);
    expect(await inspectImage(readAheadSource(head, false))).toEqual({ format: 'luks', diskFormat: 'luks' });
  });

  it('LUKS version 2 is unsafe (qemu reads LUKS1 only)', async () => {
    const path = dir.path('v2.luks');
    copyFileSync(luks, path);
    patch(path, 6, [0, 2]);
    expect(await inspectFile(path)).toEqual({ format: 'luks', diskFormat: 'luks', unsafe: ['LUKS version 2 is not supported'] });
  });

  it('a payload offset beyond the end of the image is unsafe', async () => {
    const path = dir.path('far.luks');
    copyFileSync(luks, path);
    const sectors = statSync(path).size / 512 + 1;
    patch(path, 104, [sectors >>> 24, (sectors >>> 16) & 0xff, (sectors >>> 8) & 0xff, sectors & 0xff]);
    expect((await inspectFile(path)).unsafe).toEqual(['the LUKS payload lies beyond the end of the image']);
  });
});
