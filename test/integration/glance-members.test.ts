// member-create/list/update/delete on the real cloud, with a second project made through
// Keystone; member-list byte-for-byte with python-glanceclient 4.1.0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/api/identity/projects.js';
import type { Image } from '../../src/api/image/images.js';
import { gridRows } from '../helpers/cli.js';
import { imageFactory, ours, reference, suffix } from './glance-v2-commands-fixtures.js';

const images = imageFactory();
let project: Project;
let image: Image;

beforeAll(async () => {
  const identity = await images.deps.identity();
  project = await identity.projects.create({ name: `c2-member-${suffix()}`, domain_id: 'default' });
  image = await images.create({ name: `c2-members-${suffix()}`, disk_format: 'raw', container_format: 'bare', visibility: 'shared' });
});

afterAll(async () => {
  await images.cleanup();
  if (project) await (await images.deps.identity()).projects.delete(project.id);
});

const header = ['Image ID', 'Member ID', 'Status'];

describe('image members', () => {
  it('member-create shares the image and prints the pending member', async () => {
    const r = await ours(['member-create', image.id, project.id]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(gridRows(r.stdout)).toEqual([header, [image.id, project.id, 'pending']]);
    const members = await (await images.deps.image()).members.list(image.id);
    expect(members.map((m) => m.member_id)).toEqual([project.id]);
  });

  it('member-create twice is the server conflict, exit 1', async () => {
    const r = await ours(['member-create', image.id, project.id]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`HTTP 409 Conflict: Member ${project.id} is duplicated for image ${image.id}\n`);
  });

  it('member-list prints what glanceclient prints, in both dialects', async () => {
    const expected = await reference(['member-list', '--image-id', image.id]);
    expect(expected.code).toBe(0);
    expect(gridRows(expected.stdout)).toEqual([header, [image.id, project.id, 'pending']]);
    for (const dialect of [2, 1] as const) {
      const r = await ours(['member-list', '--image-id', image.id], dialect);
      expect(r).toEqual(expected);
    }
  });

  it('member-list without --image-id is the argparse error, exit 2, as glanceclient', async () => {
    const expected = await reference(['member-list']);
    const r = await ours(['member-list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(expected.stderr);
  });

  it('member-update changes the status; an unknown status is refused before any request', async () => {
    const r = await ours(['member-update', image.id, project.id, 'accepted']);
    expect(r.code).toBe(0);
    expect(gridRows(r.stdout)).toEqual([header, [image.id, project.id, 'accepted']]);
    const member = await (await images.deps.image()).members.get(image.id, project.id);
    expect(member.status).toBe('accepted');
    const bad = await ours(['member-update', image.id, project.id, 'bogus']);
    const expected = await reference(['member-update', image.id, project.id, 'bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(expected.stderr);
  });

  it('the runbook dialect takes the image by name too', async () => {
    const r = await ours(['member-list', '--image-id', image.name!], 1);
    expect(r.code).toBe(0);
    expect(gridRows(r.stdout)).toEqual([header, [image.id, project.id, 'accepted']]);
  });

  it('member-delete removes the member; a second delete is the 404, exit 1', async () => {
    const r = await ours(['member-delete', image.id, project.id]);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await (await images.deps.image()).members.list(image.id)).toEqual([]);
    const again = await ours(['member-delete', image.id, project.id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`HTTP 404 Not Found: ${project.id} not found in the member list of the image ${image.id}.\n`);
  });

  it('an empty member-list and an unknown image match glanceclient byte for byte', async () => {
    for (const args of [
      ['member-list', '--image-id', image.id],
      ['member-list', '--image-id', '00000000-0000-0000-0000-000000000000'],
    ]) {
      const expected = await reference(args);
      expect(await ours(args)).toEqual(expected);
    }
  });
});
