// `npm run demo` for real: a bare cloud, the runbook's own lines, every grid checked against the document's.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

describe('the runbook end to end on a bare local cloud', () => {
  // The test's timeout is the demo's (spawnSync's): resetting and starting a bare cloud can take over 60 s on a busy machine.
  it('registers Glance with the keystone lines, then uploads, lists and shows as the runbook reads', () => {
    const result = spawnSync('bash', [join(ROOT, 'scripts/demo.sh'), '--check'], { encoding: 'utf8', timeout: 600_000 });
    const output = result.stdout + result.stderr;
    expect(output).not.toContain('!!');
    expect(result.status, output).toBe(0);
    // The service the runbook created is the one endpoint-create and the catalog use.
    expect(output).toMatch(/\|\s+description\s+\|\s+Glance Image Service\s+\|/);
    expect(output).toMatch(/\|\s+region\s+\|\s+regionOne\s+\|/);
    // The upload: the runbook's record, active, checksum = md5 of the file.
    expect(output).toMatch(/\| status\s+\| active\s+\|/);
    expect(output).toMatch(/\| is_public\s+\| True\s+\|/);
    expect(output).toMatch(/\| fedora-19-copy\s+\| qcow2\s+\| bare\s+\| \d+\s+\| active \|/);
  }, 600_000);
});
