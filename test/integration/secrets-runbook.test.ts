// Secrets never leak: the runbook's keystone and glance lines (plus token mode, application
// credentials, a password on the command line, a wrong password and a failing call) run with
// --debug, and every byte of stdout and stderr is searched for every secret in every spelling
// (raw, JSON-escaped, URL-encoded, base64). Tokens are collected from Keystone's answers by the
// proxy, so even tokens that were never cached are searched for.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliResult } from '../helpers/cli.js';
import { adminEnv, cloud } from '../helpers/cloud.js';
import { deleteImagesNamed } from '../helpers/cloud-api.js';
import { startCloudProxies, type CloudProxies } from '../helpers/fault-proxy.js';

const SUFFIX = randomBytes(4).toString('hex');
const USER_PASSWORD = `Pw-${randomBytes(8).toString('hex')}-$%&+ /`;
const NEW_PASSWORD = `Np-${randomBytes(8).toString('hex')}#=?`;

let proxies: CloudProxies;
let cacheHome: string;
let work: string;
const outputs: Array<{ what: string; result: CliResult }> = [];
const appCredential = { id: '', secret: '', userId: '' };

async function keystoneApi(method: string, path: string, token: string, body?: unknown): Promise<any> {
  const res = await fetch(`${cloud().keystone_url}${path}`, {
    method,
    headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.status === 204 ? undefined : res.json();
}

async function adminAuth(): Promise<{ token: string; userId: string }> {
  const c = cloud();
  const res = await fetch(`${c.keystone_url}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: c.admin_user, domain: { id: 'default' }, password: c.admin_password } } },
        scope: { project: { name: c.admin_project, domain: { id: 'default' } } },
      },
    }),
  });
  return { token: res.headers.get('x-subject-token')!, userId: ((await res.json()) as { token: { user: { id: string } } }).token.user.id };
}

/** Runs one line with --debug through the proxies and keeps everything it printed. */
async function run(command: 'glance' | 'keystone', args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const result = await runCli(command, ['--debug', ...args], { env: { ...proxies.env({ XDG_CACHE_HOME: cacheHome }), ...env }, cwd: work });
  outputs.push({ what: `${command} ${args.join(' ')}`, result });
  return result;
}

const spellings = (secret: string): string[] => [
  ...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), Buffer.from(secret).toString('base64')]),
];

beforeAll(async () => {
  proxies = await startCloudProxies(adminEnv());
  cacheHome = mkdtempSync(join(tmpdir(), 'osc-secrets-cache-'));
  work = mkdtempSync(join(tmpdir(), 'osc-secrets-work-'));
  // A real qcow2: data declared qcow2 that is not is refused before upload.
  execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', join(work, 'fedora-19.x86_64.qcow2'), '64M']);
  const admin = await adminAuth();
  const created = await keystoneApi('POST', `/users/${admin.userId}/application_credentials`, admin.token, {
    application_credential: { name: `secrets-${SUFFIX}` },
  });
  Object.assign(appCredential, { id: created.application_credential.id, secret: created.application_credential.secret, userId: admin.userId });
});

afterAll(async () => {
  const admin = await adminAuth();
  if (appCredential.id) await keystoneApi('DELETE', `/users/${appCredential.userId}/application_credentials/${appCredential.id}`, admin.token);
  for (const [kind, name] of [
    ['endpoint', ''],
    ['service', `glance-${SUFFIX}`],
    ['user', `glance-${SUFFIX}`],
    ['tenant', `services-${SUFFIX}`],
  ] as const) {
    if (kind === 'endpoint') continue;
    await runCli('keystone', [`${kind}-delete`, name], { env: adminEnv() });
  }
  await deleteImagesNamed(`fedora-19-${SUFFIX}`);
  await proxies.close();
});

describe('the runbook with --debug leaks no secret', () => {
  it('runs every line successfully', async () => {
    const ok = async (p: Promise<CliResult>): Promise<CliResult> => {
      const r = await p;
      expect(r.code, `${outputs.at(-1)?.what}\n${r.stderr.slice(-2000)}`).toBe(0);
      return r;
    };
    await ok(run('keystone', ['tenant-list']));
    await ok(run('keystone', ['tenant-create', '--name', `services-${SUFFIX}`]));
    await ok(run('keystone', ['user-create', '--name', `glance-${SUFFIX}`, '--pass', USER_PASSWORD, '--tenant', `services-${SUFFIX}`]));
    await ok(run('keystone', ['user-role-add', '--user', `glance-${SUFFIX}`, '--role', 'admin', '--tenant', `services-${SUFFIX}`]));
    const service = await ok(
      run('keystone', ['service-create', '--name', `glance-${SUFFIX}`, '--type', `fault-${SUFFIX}`, '--description', 'Glance Image Service']),
    );
    const serviceId = /\|\s+id\s+\|\s+(\w+)\s+\|/.exec(service.stdout)![1]!;
    await ok(run('keystone', ['service-list']));
    const endpoint = await ok(
      run('keystone', [
        'endpoint-create',
        '--region',
        cloud().region,
        '--service',
        serviceId,
        '--publicurl',
        'http://controller:9292',
        '--adminurl',
        'http://controller:9292',
        '--internalurl',
        'http://controller:9292',
      ]),
    );
    const endpointId = /\|\s+id\s+\|\s+(\w+)\s+\|/.exec(endpoint.stdout)![1]!;
    await ok(run('keystone', ['endpoint-list']));
    await ok(
      run('glance', [
        'image-create',
        '--name',
        `fedora-19-${SUFFIX}`,
        '--is-public',
        'False',
        '--disk-format',
        'qcow2',
        '--container-format',
        'bare',
        '--file',
        join(work, 'fedora-19.x86_64.qcow2'),
      ]),
    );
    await ok(run('glance', ['image-list']));
    await ok(run('glance', ['image-show', `fedora-19-${SUFFIX}`]));
    await ok(run('glance', ['image-download', '--file', join(work, 'copy.qcow2'), `fedora-19-${SUFFIX}`]));
    // The new user, password on the command line (works; --debug shows it redacted).
    const asUser = ['--os-username', `glance-${SUFFIX}`, '--os-tenant-name', `services-${SUFFIX}`];
    const login = await ok(run('glance', [...asUser, '--os-password', USER_PASSWORD, 'image-list']));
    expect(login.stderr).toMatch(/"password":\s*"\*\*\*"/);
    await ok(run('keystone', ['user-password-update', '--pass', NEW_PASSWORD, `glance-${SUFFIX}`]));
    // Keystone revokes the user's tokens "issued before now" at one-second granularity.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await ok(run('keystone', [...asUser, '--os-password', NEW_PASSWORD, 'tenant-list'], { OS_PASSWORD: '' }));
    // Token mode with the admin token, and an application credential.
    await ok(
      run('keystone', ['--os-token', cloud().admin_token, '--os-endpoint', `${proxies.keystone.url}/v3`, 'tenant-list'], {
        OS_USERNAME: '',
        OS_PASSWORD: '',
        OS_TENANT_NAME: '',
      }),
    );
    await ok(
      run(
        'glance',
        [
          '--os-auth-type',
          'v3applicationcredential',
          '--os-application-credential-id',
          appCredential.id,
          '--os-application-credential-secret',
          appCredential.secret,
          'image-list',
        ],
        { OS_USERNAME: '', OS_PASSWORD: '', OS_TENANT_NAME: '' },
      ),
    );
    // Failures print messages too: a wrong password and a refused call.
    const wrong = await run('keystone', [...asUser, '--os-password', USER_PASSWORD, 'tenant-list']);
    expect(wrong.code).toBe(1);
    const missing = await run('glance', ['image-show', `no-such-image-${SUFFIX}`]);
    expect(missing.code).toBe(1);
    await ok(run('glance', ['image-delete', `fedora-19-${SUFFIX}`]));
    await ok(run('keystone', ['endpoint-delete', endpointId]));
  }, 180_000);

  it('the --debug traces really traced (requests, hashed tokens, redacted passwords)', () => {
    const all = outputs.map((o) => o.result.stderr).join('\n');
    expect(all).toMatch(/REQ: curl -g -i -X POST .*\/v3\/auth\/tokens/);
    expect(all).toMatch(/X-Auth-Token: \{SHA256\}[0-9a-f]{64}/);
    expect(all).toMatch(/x-subject-token: \{SHA256\}[0-9a-f]{64}/i);
  });

  it('no secret in any byte of stdout or stderr', () => {
    const tokens = proxies.keystone.issuedTokens();
    expect(tokens.length).toBeGreaterThan(3);
    const cacheDir = join(cacheHome, 'openstack-classic-cli', 'tokens');
    const cacheFiles = readdirSync(cacheDir).map((f) => readFileSync(join(cacheDir, f), 'utf8'));
    const secrets: Record<string, string> = {
      'admin password': cloud().admin_password,
      'glance service password': cloud().glance_password,
      'admin token (OS_SERVICE_TOKEN)': cloud().admin_token,
      'user password (--pass, --os-password)': USER_PASSWORD,
      'new user password': NEW_PASSWORD,
      'application credential secret': appCredential.secret,
      ...Object.fromEntries(tokens.map((t, i) => [`issued token #${i + 1}`, t])),
      ...Object.fromEntries(cacheFiles.map((t, i) => [`token cache file #${i + 1}`, t])),
    };
    const found: string[] = [];
    for (const { what, result } of outputs) {
      for (const [stream, text] of [
        ['stdout', result.stdout],
        ['stderr', result.stderr],
      ] as const) {
        for (const [name, secret] of Object.entries(secrets)) {
          for (const spelling of spellings(secret)) if (spelling.length >= 8 && text.includes(spelling)) found.push(`${name} in ${stream} of: ${what}`);
        }
      }
    }
    console.log(`secrets: ${Object.keys(secrets).length} secrets × ${outputs.length} runs searched; found ${found.length}`);
    expect(found).toEqual([]);
  });

  it('token cache: files 0600 in a 0700 directory', () => {
    const cacheDir = join(cacheHome, 'openstack-classic-cli', 'tokens');
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    const files = readdirSync(cacheDir);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(statSync(join(cacheDir, f)).mode & 0o777).toBe(0o600);
  });
});

describe('process titles', () => {
  it('a running CLI shows only the argv it was given: no password from the environment in /proc/PID/cmdline or comm', async () => {
    // Stall the image list so the process is still alive while we look at it.
    proxies.reset();
    proxies.glance.add({ method: 'GET', path: '/v2/images', action: { kind: 'stall' } });
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'glance'), '--timeout', '5', 'image-list'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...proxies.env({ XDG_CACHE_HOME: cacheHome }) },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('close', resolve));
    const deadline = Date.now() + 15_000;
    while (proxies.glance.count('GET', '/v2/images') === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const comm = readFileSync(`/proc/${child.pid}/comm`, 'utf8');
    child.kill('SIGKILL');
    await exited;
    expect(cmdline).toEqual([process.execPath, join(ROOT, 'bin', 'glance'), '--timeout', '5', 'image-list']);
    for (const secret of [cloud().admin_password, ...proxies.keystone.issuedTokens()]) {
      expect(cmdline.join(' ')).not.toContain(secret);
      expect(comm).not.toContain(secret);
    }
  });
});
