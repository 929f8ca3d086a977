// Help, mistyped commands, colour rules and quiet pipes, through the built CLI and real shells.
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glanceCommands } from '../../src/cli/glance/index.js';
import { keystoneCommands } from '../../src/cli/keystone/index.js';
import { OUTPUT_FLAGS } from '../../src/cli/output-flags.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { adminEnv } from '../helpers/cloud.js';

const RED = '\x1b[31m';
const ESC = '\x1b[';

/** Runs a shell command line with a pseudo-terminal as stdin, stdout and stderr (util-linux script). */
function inTerminal(command: string, env: Record<string, string>) {
  return spawnSync('script', ['-qec', command, '/dev/null'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH!, HOME: process.env.HOME!, TERM: 'xterm-256color', ...env },
    timeout: 30_000,
  });
}

describe('help', () => {
  const registries = [
    ['glance', glanceCommands],
    ['keystone', keystoneCommands],
  ] as const;

  it('`help <command>` and `<command> --help` show the purpose, every option and the example', async () => {
    for (const [program, commands] of registries) {
      for (const { spec } of commands) {
        const viaHelp = await runCli(program, ['help', spec.name]);
        const viaFlag = await runCli(program, [spec.name, '--help']);
        expect(viaHelp.code).toBe(0);
        expect(viaFlag.code).toBe(0);
        expect(viaHelp.stdout).toBe(viaFlag.stdout);
        const help = viaHelp.stdout;
        expect(help).toContain(`Usage: ${program} ${spec.name}`);
        expect(help.replace(/\s+/g, ' ')).toContain(spec.summary.replace(/\s+/g, ' ')); // commander wraps it at 80 columns
        const options = [...Object.values(spec.options ?? {}), ...(spec.output === 'list' || spec.output === 'record' ? Object.values(OUTPUT_FLAGS) : [])];
        for (const option of options.filter((o) => !o.hidden)) expect(help, `${program} ${spec.name}`).toContain(option.flags);
        if (spec.example) expect(help).toContain(`Example:\n  ${spec.example}`);
      }
    }
  }, 300_000); // two runs for each of about 90 commands

  it('every command has a runbook-style example that starts with the program name', () => {
    for (const [program, commands] of registries) {
      for (const { spec } of commands) expect(spec.example, `${program} ${spec.name}`).toMatch(new RegExp(`(^|\\$\\()${program} (\\S+ )*${spec.name}\\b`));
    }
  });
});

describe('mistyped commands', () => {
  it('suggest the closest command and exit 2, nothing on stdout', async () => {
    const result = await runCli('glance', ['image-lsit']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("glance: error: unknown command 'image-lsit'\nDid you mean image-list?\n");
    const keystone = await runCli('keystone', ['tenant-lst']);
    expect(keystone.code).toBe(2);
    expect(keystone.stderr).toContain('\nDid you mean tenant-list?\n');
  });

  it('suggest the closest option', async () => {
    const result = await runCli('glance', ['image-list', '--fromat', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("glance: error: unknown option '--fromat'\nDid you mean --format?\n");
  });
  it('help with an unknown command says so, suggests the closest, exit 2; a far-off word gets no guess', async () => {
    const near = await runCli('glance', ['help', 'image-craete']);
    expect([near.code, near.stdout, near.stderr]).toEqual([2, '', "glance: error: 'image-craete' is not a valid subcommand\nDid you mean image-create?\n"]);
    const far = await runCli('keystone', ['help', 'zzz']);
    expect([far.code, far.stderr]).toEqual([2, "keystone: error: 'zzz' is not a valid subcommand\n"]);
    const known = await runCli('keystone', ['help', 'tenant-create']);
    expect(known.code).toBe(0);
    expect(known.stdout).toContain('Usage: keystone tenant-create');
  });
});

describe('colour', () => {
  it('is off in pipes: no escape codes in stdout or stderr', async () => {
    const result = await runCli('glance', ['image-lsit'], { env: { TERM: 'xterm-256color' } });
    expect(result.stderr).not.toContain(ESC);
  });

  it('colours the error prefix red on a terminal, not with NO_COLOR', () => {
    const bin = join(ROOT, 'bin/glance');
    const tty = inTerminal(`${process.execPath} ${bin} image-lsit`, {});
    expect(tty.status).toBe(2);
    expect(tty.stdout).toContain(`${RED}glance: error:${ESC}39m unknown command 'image-lsit'`);
    const plain = inTerminal(`${process.execPath} ${bin} image-lsit`, { NO_COLOR: '1' });
    expect(plain.stdout).toContain("glance: error: unknown command 'image-lsit'");
    expect(plain.stdout).not.toContain(ESC);
  });

  it('FORCE_COLOR turns it on in a pipe and FORCE_COLOR=0 off on a terminal', async () => {
    const forced = await runCli('glance', ['image-lsit'], { env: { FORCE_COLOR: '1' } });
    expect(forced.stderr.startsWith(`${RED}glance: error:`)).toBe(true);
    const bin = join(ROOT, 'bin/glance');
    const off = inTerminal(`${process.execPath} ${bin} image-lsit`, { FORCE_COLOR: '0' });
    expect(off.stdout).not.toContain(ESC);
  });

  it('never colours results, even when forced', async () => {
    const result = await runCli('keystone', ['tenant-list'], { env: { ...adminEnv(), FORCE_COLOR: '1' } });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stderr).toBe('');
  });
});

describe('pipes', () => {
  const bash = (line: string) =>
    spawnSync('bash', ['--norc', '-c', line], {
      encoding: 'utf8',
      cwd: ROOT,
      env: { PATH: process.env.PATH!, HOME: process.env.HOME!, ...adminEnv() },
      timeout: 60_000,
    });

  it('`glance image-list | head -1` prints the first line and ends quietly', () => {
    const result = bash(`${process.execPath} bin/glance image-list | head -1; echo "status \${PIPESTATUS[0]}" >&2`);
    expect(result.stdout).toMatch(/^\+-+\+/);
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toMatch(/^status (0|141)\n$/);
  });

  it('a reader that is already gone (EPIPE on the first write) gives no trace and exit 0', () => {
    const result = bash(`${process.execPath} bin/keystone tenant-list -f json | (exec 0<&-; exit 0); echo "status \${PIPESTATUS[0]}" >&2`);
    expect(result.stderr).toMatch(/^status (0|141)\n$/);
  });
});

describe('exit codes', () => {
  it('Ctrl-C while waiting on a server ends with 130', async () => {
    // A server that accepts connections and never answers keeps the command waiting.
    const server: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const line = `set -m; ${process.execPath} bin/glance --os-auth-url http://127.0.0.1:${port}/v3 --os-username u --os-password p --os-project-name p image-list & pid=$!; sleep 1; kill -INT $pid; wait $pid; echo "status $?"`;
      const result = await new Promise<{ stdout: string }>((resolve) => {
        let stdout = '';
        const child = spawn('bash', ['--norc', '-c', line], { cwd: ROOT, env: { PATH: process.env.PATH!, HOME: process.env.HOME! } });
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.on('close', () => resolve({ stdout }));
      });
      expect(result.stdout).toBe('status 130\n');
    } finally {
      server.close();
    }
  });

  it('usage errors exit 2, runtime errors 1', async () => {
    expect((await runCli('glance', ['image-list', '--quote', 'sometimes'])).code).toBe(2);
    const refused = await runCli('keystone', [
      '--os-auth-url',
      'http://127.0.0.1:9/v3',
      '--os-username',
      'u',
      '--os-password',
      'p',
      '--os-project-name',
      'p',
      'tenant-list',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
