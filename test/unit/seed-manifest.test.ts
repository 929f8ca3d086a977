// The image-seed manifest: every problem found before anything is sent, each as MANIFEST:LINE.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../src/cli/glance/support/seed-manifest.js';
import { CliError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'seed-manifest-'));
mkdirSync(join(dir, 'images'));
writeFileSync(join(dir, 'images', 'cirros.img'), 'data');
mkdirSync(join(dir, 'images', 'a-directory'));

function manifest(text: string, name = 'seed.yaml'): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The problems readManifest reports, with the manifest's path shortened to M. */
function problems(text: string, name?: string): string[] {
  const path = manifest(text, name);
  try {
    readManifest(path);
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(1);
    return (err as Error).message.split('\n').map((line) => line.replace(path, 'M'));
  }
  throw new Error('the manifest was accepted');
}

const SHA256 = 'a'.repeat(64);

describe('a good manifest', () => {
  it('gives every entry with its defaults, file paths relative to the manifest', () => {
    const path = manifest(
      [
        'images:',
        '  - name: cirros',
        '    file: images/cirros.img',
        `    checksum: SHA256:${SHA256.toUpperCase()}`,
        '  - name: debian',
        '    url: https://cloud.debian.org/images/debian-12.qcow2',
        '    disk_format: qcow2',
        '    container_format: bare',
        '    visibility: public',
        '    tags: [ci, debian]',
        '    properties: {os_distro: debian, os_version: "12"}',
        '    min_disk: 2',
        '    min_ram: 512',
        '    stores: [fast]',
      ].join('\n'),
    );
    const { entries } = readManifest(path);
    expect(entries).toEqual([
      {
        name: 'cirros',
        line: 2,
        source: { kind: 'file', path: join(dir, 'images', 'cirros.img'), shown: 'images/cirros.img' },
        checksum: { algorithm: 'sha256', hex: SHA256 },
        diskFormat: 'auto',
        containerFormat: 'bare',
        visibility: undefined,
        tags: [],
        properties: {},
        minDisk: undefined,
        minRam: undefined,
        stores: [],
      },
      {
        name: 'debian',
        line: 5,
        source: { kind: 'url', url: 'https://cloud.debian.org/images/debian-12.qcow2' },
        checksum: undefined,
        diskFormat: 'qcow2',
        containerFormat: 'bare',
        visibility: 'public',
        tags: ['ci', 'debian'],
        properties: { os_distro: 'debian', os_version: '12' },
        minDisk: 2,
        minRam: 512,
        stores: ['fast'],
      },
    ]);
  });

  it('may be JSON, with lines counted the same way', () => {
    const path = manifest('{\n  "images": [\n    {"name": "cirros", "file": "images/cirros.img"}\n  ]\n}\n', 'seed.json');
    expect(readManifest(path).entries.map((e) => [e.name, e.line])).toEqual([['cirros', 3]]);
    expect(problems('{\n  "images": [\n    {"name": "cirros", "file": "images/cirros.img", "tag": []}\n  ]\n}\n', 'bad.json')).toEqual([
      "M:3: unknown key 'tag' (did you mean tags?): an image takes name, file, url, checksum, disk_format, container_format, visibility, tags, properties, min_disk, min_ram, stores",
    ]);
  });
});

describe('a bad manifest is refused whole, every problem on its own line', () => {
  it('unknown keys, wrong types, duplicate names, missing and double sources, bad checksums, missing files', () => {
    const text = [
      'images:', // 1
      '  - name: cirros', // 2
      '    file: images/cirros.img', // 3
      '    min_ram: lots', // 4
      '  - name: cirros', // 5
      '    file: images/cirros.img', // 6
      '  - name: 2024', // 7
      '    url: ftp://example.com/x.img', // 8
      '  - name: both', // 9
      '    file: images/cirros.img', // 10
      '    url: https://example.com/x.img', // 11
      '  - name: none', // 12
      '    disk_formt: raw', // 13
      '  - name: sums', // 14
      '    file: images/missing.img', // 15
      '    checksum: sha256:abc', // 16
      '  - name: dir', // 17
      '    file: images/a-directory', // 18
      '    checksum: 0123456789abcdef0123456789abcdef', // 19
      '    tags: ci', // 20
      '    visibility: everyone', // 21
      '    properties:', // 22
      '      os_version: 12.04', // 23
      '      size: "1"', // 24
      '      owner_specified.openstack.md5: x', // 25
    ].join('\n');
    expect(problems(text)).toEqual([
      "M:4: min_ram must be a whole number of MiB, 0 or more, not 'lots'",
      "M:5: duplicate name 'cirros' (first at line 2): give each image its own name",
      "M:7: name must be text, not the number 2024: quote it ('…')",
      "M:8: url 'ftp://example.com/x.img' is not http or https: image-seed reads only those",
      'M:11: both file and url: an image has one source, remove one',
      'M:12: no source: give file (a path relative to the manifest) or url (http or https)',
      "M:13: unknown key 'disk_formt' (did you mean disk_format?): an image takes name, file, url, checksum, disk_format, container_format, visibility, tags, properties, min_disk, min_ram, stores",
      `M:15: file images/missing.img does not exist (${join(dir, 'images', 'missing.img')}): paths are relative to the manifest's directory`,
      "M:16: checksum 'sha256:abc' is not sha256:<64 hex digits>, sha512:<128 hex digits> or md5:<32 hex digits> (sha256 takes 64 hex digits, not 3)",
      'M:18: file images/a-directory is a directory: give a regular file',
      "M:19: checksum '0123456789abcdef0123456789abcdef' is not sha256:<64 hex digits>, sha512:<128 hex digits> or md5:<32 hex digits> (no algorithm)",
      'M:20: tags must be a list of text ([a, b] or - a lines)',
      "M:21: visibility 'everyone' is not one of public, private, shared, community",
      "M:23: property 'os_version' must be text, not the number 12.04: quote it ('…')",
      "M:24: property 'size' is an image field, not a property: Glance sets it",
      "M:25: property 'owner_specified.openstack.md5' is recorded by image-seed itself (openstacksdk's convention): remove it",
    ]);
  });

  it('a document that is not a manifest', () => {
    expect(problems('- name: x\n')).toEqual(['M:1: a manifest is a mapping with one key, images: a list of images']);
    expect(problems('image:\n  - name: x\n')).toEqual([
      "M:1: unknown key 'image' at the top: a manifest has only images",
      'M:1: no images: a manifest lists its images under images:',
    ]);
    expect(problems('# seeds\nimages:\n  name: x\n')).toEqual(['M:3: images must be a list of images (- name: …)']);
    expect(problems('images:\n  - just-a-name\n')).toEqual(['M:2: each image is a mapping: name, then file or url, and optional keys']);
  });

  it('YAML syntax errors, duplicate keys among them, name their line', () => {
    expect(problems('images:\n  - name: a\n    name: b\n    file: images/cirros.img\n')).toEqual(['M:3: Map keys must be unique: fix the YAML/JSON syntax']);
    expect(problems('images: [\n  {"name": "a",\n')[0]).toMatch(/^M:\d+: .*: fix the YAML\/JSON syntax$/);
  });

  it('YAML aliases are refused by name, not misread as mappings', () => {
    const text = [
      'images:', // 1
      '  - name: &n cirros', // 2
      '    file: images/cirros.img', // 3
      '    properties: &p {os_distro: cirros}', // 4
      '  - name: *n', // 5
      '    file: images/cirros.img', // 6
      '    properties: *p', // 7
    ].join('\n');
    expect(problems(text)).toEqual([
      'M:5: *n is a YAML alias, which image-seed does not read: write the value out in full',
      'M:7: *p is a YAML alias, which image-seed does not read: write the value out in full',
    ]);
  });

  it('two names that are the same text in different Unicode forms (NFC, NFD) are duplicates', () => {
    const nfc = 'caf\u00e9';
    const nfd = 'cafe\u0301';
    expect(problems(`images:\n  - {name: ${nfc}, file: images/cirros.img}\n  - {name: ${nfd}, file: images/cirros.img}\n`)).toEqual([
      `M:3: duplicate name '${nfd}' (first at line 2, the same text in another Unicode form): give each image its own name`,
    ]);
  });

  it('a manifest that cannot be read', () => {
    expect(() => readManifest(join(dir, 'nowhere.yaml'))).toThrow(`Cannot read manifest ${join(dir, 'nowhere.yaml')} (no such file)`);
  });
});
