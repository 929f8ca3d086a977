// At a terminal: --progress draws glanceclient's bar on stderr; image-download refuses to spray
// binary data onto the screen.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInPty } from '../helpers/pty.js';
import { deleteNamed, env, field, glance, randomFile, unique, WORK } from './glance-helpers.js';

const name = unique('progress');
afterAll(() => deleteNamed(name));

describe('at a terminal', () => {
  it('--progress shows the bar while uploading and downloading', async () => {
    const up = await runInPty(
      'glance',
      ['image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare', '--progress', '--file', randomFile(3 * 1024 * 1024)],
      { env: env() },
    );
    expect(up.code).toBe(0);
    expect(up.stdout).toContain(`\r[${'='.repeat(29)}>] 100%`);
    const id = field(up.stdout.replace(/^[\s\S]*?(?=\+--)/, ''), 'id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const down = await runInPty('glance', ['image-download', '--progress', '--file', join(WORK, 'progress.raw'), id], { env: env() });
    expect(down.code).toBe(0);
    expect(down.stdout).toContain('] 100%');
  });

  it('image-download without --file will not write image data to the terminal', async () => {
    const res = await runInPty('glance', ['image-download', name], { env: env() });
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('No redirection or local file specified for downloaded image data.');
  });

  it('without a terminal, --progress draws nothing', async () => {
    const res = await glance(['image-download', '--progress', '--file', join(WORK, 'quiet.raw'), name]);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('');
  });
});
