// Local image data (--file, pipes) is inspected before anything is created: every detectable format
// made by qemu-img, a --disk-format the content contradicts refused, unsafe images refused, each
// override, --disk-format auto; on the real cloud, with the image count (by name, through the API)
// unchanged after every refusal.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createImage, deleteImage, imagesNamed } from '../helpers/cloud-api.js';
import { field, glance, glance2, pythonGlance, unique } from './glance-helpers.js';
import { dir, headerFormats, luks, rawFormats, unsafeImages } from './inspect-images.js';

const headers = headerFormats();
const raws = rawFormats();
const unsafe = unsafeImages();
const qcow2 = headers.qcow2!;
const names: string[] = [];
const named = (prefix: string): string => {
  const name = unique(`inspect-${prefix}`);
  names.push(name);
  return name;
};

afterAll(async () => {
  for (const name of names) for (const image of await imagesNamed(name)) await deleteImage(image.id);
  dir.remove();
});

const create = (name: string, diskFormat: string, extra: string[]) =>
  glance(['image-create', '--name', name, '--disk-format', diskFormat, '--container-format', 'bare', ...extra]);

/** A refusal: exit 1, this one line, nothing on stdout, and no image of that name. */
async function expectRefused(res: { code: number | null; stdout: string; stderr: string }, name: string, line: string | RegExp): Promise<void> {
  expect(res.stdout).toBe('');
  if (typeof line === 'string') expect(res.stderr).toBe(`${line}\n`);
  else expect(res.stderr).toMatch(line);
  expect(res.code).toBe(1);
  expect(await imagesNamed(name)).toEqual([]);
}

const md5 = (path: string) => createHash('md5').update(readFileSync(path)).digest('hex');

describe('a --disk-format the content contradicts is refused before anything is created', () => {
  for (const [title, sample] of Object.entries(headers)) {
    it(`${title} declared raw`, async () => {
      const name = named('mismatch');
      const res = await create(name, 'raw', ['--file', sample.path]);
      await expectRefused(res, name, `${sample.path} is ${sample.described}, not raw: use --disk-format ${sample.diskFormat}`);
    });
  }

  for (const [title, sample] of Object.entries(raws)) {
    it(`${title} declared qcow2`, async () => {
      const name = named('mismatch');
      const res = await create(name, 'qcow2', ['--file', sample.path]);
      await expectRefused(res, name, `${sample.path} is ${sample.described}, not qcow2: use --disk-format raw`);
    });
  }

  it('a LUKS volume declared raw, and a qcow2 declared ami or as a format the inspector does not know (ploop)', async () => {
    const volume = luks();
    const name = named('mismatch');
    await expectRefused(await create(name, 'raw', ['--file', volume.path]), name, `${volume.path} is ${volume.described}, not raw: use --disk-format luks`);
    for (const declared of ['ami', 'ploop']) {
      await expectRefused(
        await create(name, declared, ['--file', qcow2.path]),
        name,
        `${qcow2.path} is ${qcow2.described}, not ${declared}: use --disk-format qcow2`,
      );
    }
  });

  it('--no-format-check uploads it as declared', async () => {
    const name = named('override');
    const res = await create(name, 'raw', ['--no-format-check', '--file', qcow2.path]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(field(res.stdout, 'disk_format')).toBe('raw');
    expect(field(res.stdout, 'checksum')).toBe(md5(qcow2.path));
  });
});

describe('content that fits its --disk-format is uploaded', () => {
  it('raw disks with a partition table as raw, raw data as ami, a GPT disk as aki, an ISO as iso', async () => {
    for (const [declared, path] of [
      ['raw', raws.gpt!.path],
      ['raw', raws.mbr!.path],
      ['ami', raws.raw!.path],
      ['aki', raws.gpt!.path],
      ['iso', headers.iso!.path],
    ] as const) {
      const name = named('fits');
      const res = await create(name, declared, ['--file', path]);
      expect(res.stderr, `${declared} ${path}`).toBe('');
      expect(res.code).toBe(0);
      expect(field(res.stdout, 'disk_format')).toBe(declared);
    }
  });
});

describe('--disk-format auto fills in the detected format', () => {
  for (const [title, sample] of Object.entries({ ...headers, ...raws })) {
    it(title, async () => {
      const name = named('auto');
      const res = await create(name, 'auto', ['--file', sample.path]);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      expect(field(res.stdout, 'disk_format')).toBe(sample.diskFormat);
      expect(field(res.stdout, 'checksum')).toBe(md5(sample.path));
    });
  }

  it('without image data to inspect it is refused, before anything is created', async () => {
    const name = named('auto-none');
    await expectRefused(
      await create(name, 'auto', []),
      name,
      '--disk-format auto needs image data to inspect (--file, stdin, --location, --copy-from or --uri).',
    );
  });
});

describe('unsafe images are refused unless --allow-unsafe-image', () => {
  for (const [title, { path, declared, reason }] of Object.entries(unsafe)) {
    it(title, async () => {
      const name = named('unsafe');
      const res = await create(name, declared, ['--file', path]);
      await expectRefused(res, name, /^.+\n$/);
      const line = /^(.+) is unsafe to upload: (.+) \(--allow-unsafe-image sends it anyway\)\n$/.exec(res.stderr);
      expect(line?.[1]).toBe(path);
      expect(line?.[2]).toMatch(reason);
    });
  }

  it('--allow-unsafe-image uploads it (the format check still applies)', async () => {
    const { path } = unsafe['qcow2 with a backing file']!;
    const name = named('unsafe-allowed');
    const mismatch = await create(name, 'raw', ['--allow-unsafe-image', '--file', path]);
    await expectRefused(mismatch, name, `${path} is qcow2 (virtual size 1 MiB), not raw: use --disk-format qcow2`);
    const res = await create(name, 'qcow2', ['--allow-unsafe-image', '--file', path]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(field(res.stdout, 'status')).toBe('active');
  });
});

describe('a pipe is read ahead (its first MiB), then sent whole', () => {
  it('a qcow2 on stdin declared raw is refused before anything is created', async () => {
    const name = named('pipe-mismatch');
    const res = await glance(['image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare'], {}, readFileSync(qcow2.path));
    await expectRefused(res, name, `the data on stdin is ${qcow2.described}, not raw: use --disk-format qcow2`);
  });

  it('an unsafe image on stdin is refused', async () => {
    const name = named('pipe-unsafe');
    const res = await glance(['image-create', '--name', name, '--disk-format', 'qcow2', '--container-format', 'bare'], {}, readFileSync(unsafe.qed!.path));
    await expectRefused(res, name, 'the data on stdin is unsafe to upload: QED images are not supported (--allow-unsafe-image sends it anyway)');
  });

  it('--disk-format auto over a pipe; data past the read-ahead arrives intact (size and checksum)', async () => {
    for (const sample of [qcow2, raws.raw!]) {
      const name = named('pipe-auto');
      const data = readFileSync(sample.path);
      const res = await glance(['image-create', '--name', name, '--disk-format', 'auto', '--container-format', 'bare'], {}, data);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      expect(field(res.stdout, 'disk_format')).toBe(sample.diskFormat);
      expect(field(res.stdout, 'size')).toBe(String(data.length));
      expect(field(res.stdout, 'checksum')).toBe(md5(sample.path));
    }
  });

  it('a fixed VHD on stdin may be declared vhd: its only footer is at the end, beyond the read-ahead', async () => {
    const fixed = headers['vhd (fixed)']!;
    const name = named('pipe-vhd');
    const res = await glance(['image-create', '--name', name, '--disk-format', 'vhd', '--container-format', 'bare'], {}, readFileSync(fixed.path));
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    // From a file the footer is read: random data declared vhd is refused.
    const refused = named('file-vhd');
    await expectRefused(
      await create(refused, 'vhd', ['--file', raws.raw!.path]),
      refused,
      `${raws.raw!.path} is raw data (no disk image header), not vhd: use --disk-format raw`,
    );
  });
});

describe('data for an existing image: image-upload and image-stage', () => {
  it('are refused when the image is raw and the data qcow2; the image stays queued', async () => {
    const name = named('existing');
    const image = await createImage(name);
    for (const command of ['image-upload', 'image-stage']) {
      const res = await glance([command, '--file', qcow2.path, image.id]);
      expect(res.stderr, command).toBe(`${qcow2.path} is ${qcow2.described}, not raw: use --disk-format qcow2\n`);
      expect(res.code).toBe(1);
      const piped = await glance([command, image.id], {}, readFileSync(unsafe['qcow2 with a backing file']!.path));
      expect(piped.stderr, command).toBe('the data on stdin is unsafe to upload: the qcow2 image has a backing file (--allow-unsafe-image sends it anyway)\n');
      expect((await imagesNamed(name)).map((i) => i.status)).toEqual(['queued']);
    }
    const res = await glance(['image-upload', '--no-format-check', '--file', qcow2.path, image.id]);
    expect(res).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await imagesNamed(name)).map((i) => i.status)).toEqual(['active']);
  });
});

describe('the v2 dialect', () => {
  it('refuses a contradicting --disk-format as the runbook dialect does', async () => {
    const name = named('v2-mismatch');
    const res = await glance2(['image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare', '--file', qcow2.path]);
    await expectRefused(res, name, `${qcow2.path} is ${qcow2.described}, not raw: use --disk-format qcow2`);
  });

  it('without --disk-format, the error is glanceclient own', async () => {
    const args = ['image-create', '--name', named('v2-none'), '--container-format', 'bare', '--file', qcow2.path];
    const ours = await glance2(args);
    expect(ours.code).toBe(1);
    expect(ours).toEqual(await pythonGlance(['--os-image-api-version', '2', ...args]));
  });

  it('--disk-format auto creates the image with the detected format', async () => {
    const name = named('v2-auto');
    const res = await glance2(['image-create', '--name', name, '--disk-format', 'auto', '--container-format', 'bare', '--file', qcow2.path]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(field(res.stdout, 'disk_format')).toBe('qcow2');
  });

  it('image-create-via-import --file is inspected before the image is created', async () => {
    const name = named('v2-import');
    const res = await glance2(['image-create-via-import', '--name', name, '--disk-format', 'vmdk', '--container-format', 'bare', '--file', qcow2.path]);
    await expectRefused(res, name, `${qcow2.path} is ${qcow2.described}, not vmdk: use --disk-format qcow2`);
  });
});
