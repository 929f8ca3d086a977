import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configDirs, loadCloud } from '../../src/config/clouds.js';

function dirs(): { cwd: string; user: string; site: string } {
  const root = mkdtempSync(join(tmpdir(), 'osc-clouds-'));
  const made = { cwd: join(root, 'cwd'), user: join(root, 'home/.config/openstack'), site: join(root, 'etc/openstack') };
  for (const dir of Object.values(made)) mkdirSync(dir, { recursive: true });
  return made;
}

describe('clouds.yaml', () => {
  it('searches ./, ~/.config/openstack (XDG_CONFIG_HOME) and /etc/openstack, in that order', () => {
    expect(configDirs({ HOME: '/home/u' }, '/work')).toEqual(['/work', '/home/u/.config/openstack', '/etc/openstack']);
    expect(configDirs({ HOME: '/home/u', XDG_CONFIG_HOME: '/xdg' }, '/work')).toEqual(['/work', '/xdg/openstack', '/etc/openstack']);
  });

  it('maps auth keys and cloud keys, merging secure.yaml over clouds.yaml', () => {
    const d = dirs();
    writeFileSync(
      join(d.user, 'clouds.yaml'),
      [
        'clouds:',
        '  prod:',
        '    auth:',
        '      auth_url: https://keystone.example:5000/v3',
        '      username: alice',
        '      tenant-name: ops',
        '      user_domain_name: Default',
        '      project_domain_id: default',
        '    region_name: RegionTwo',
        '    interface: internal',
        '    verify: false',
        '    cacert: /etc/ssl/ca.pem',
        '    api_timeout: 30',
      ].join('\n'),
    );
    writeFileSync(join(d.site, 'secure.yaml'), 'clouds:\n  prod:\n    auth:\n      password: from-secure\n');
    const settings = loadCloud('prod', { env: {}, cwd: d.cwd, dirs: [d.cwd, d.user, d.site] });
    expect(settings).toEqual({
      authUrl: 'https://keystone.example:5000/v3',
      username: 'alice',
      password: 'from-secure',
      projectName: 'ops',
      userDomainName: 'Default',
      projectDomainId: 'default',
      regionName: 'RegionTwo',
      interface: 'internal',
      insecure: true,
      cacert: '/etc/ssl/ca.pem',
      timeoutSeconds: 30,
    });
  });

  it('takes auth keys at the top level too, the first of `regions`, and `verify: <path>` as the CA bundle', () => {
    const d = dirs();
    writeFileSync(
      join(d.cwd, 'clouds.yaml'),
      'clouds:\n  flat:\n    auth_url: http://ks/v3\n    username: bob\n    regions: [West, East]\n    verify: /ca.pem\n',
    );
    expect(loadCloud('flat', { env: {}, cwd: d.cwd, dirs: [d.cwd] })).toEqual({
      authUrl: 'http://ks/v3',
      username: 'bob',
      regionName: 'West',
      cacert: '/ca.pem',
    });
  });

  it('reads only the first clouds file found, ./ before the user dir; OS_CLIENT_CONFIG_FILE before all', () => {
    const d = dirs();
    writeFileSync(join(d.cwd, 'clouds.yml'), 'clouds:\n  c:\n    auth: {username: from-cwd}\n');
    writeFileSync(join(d.user, 'clouds.yaml'), 'clouds:\n  c:\n    auth: {username: from-user}\n  only-user: {}\n');
    const override = join(d.site, 'mine.yaml');
    writeFileSync(override, 'clouds:\n  c:\n    auth: {username: from-override}\n');
    const search = [d.cwd, d.user, d.site];
    expect(loadCloud('c', { env: {}, cwd: d.cwd, dirs: search }).username).toBe('from-cwd');
    expect(loadCloud('c', { env: { OS_CLIENT_CONFIG_FILE: override }, cwd: d.cwd, dirs: search }).username).toBe('from-override');
    expect(() => loadCloud('only-user', { env: {}, cwd: d.cwd, dirs: search })).toThrow(/not in .*cwd\/clouds\.yml \(clouds found: c;/);
  });

  it('an unknown cloud name is an error naming the files searched and the clouds found', () => {
    const d = dirs();
    writeFileSync(join(d.user, 'clouds.yaml'), 'clouds:\n  alpha: {}\n  beta: {}\n');
    const lookup = { env: {}, cwd: d.cwd, dirs: [d.cwd, d.user, d.site] };
    expect(() => loadCloud('gamma', lookup)).toThrow(
      `Cloud 'gamma' (--os-cloud / OS_CLOUD) is not in ${join(d.user, 'clouds.yaml')} (clouds found: alpha, beta; searched clouds.yaml/.yml/.json in ${d.cwd}, ${d.user}, ${d.site}).`,
    );
    const empty = dirs();
    expect(() => loadCloud('gamma', { env: {}, cwd: empty.cwd, dirs: [empty.cwd, empty.user] })).toThrow(
      /there is no clouds\.yaml \(searched clouds\.yaml\/\.yml\/\.json in .*cwd, .*openstack\)/,
    );
  });

  it('a broken clouds.yaml names the file', () => {
    const d = dirs();
    writeFileSync(join(d.cwd, 'clouds.yaml'), 'clouds:\n  a: [unclosed\n');
    expect(() => loadCloud('a', { env: {}, cwd: d.cwd, dirs: [d.cwd] })).toThrow(new RegExp(`Cannot read ${join(d.cwd, 'clouds.yaml')}`));
  });

  it('a value of the wrong type is an error naming the file, the cloud, the key and the type expected', () => {
    const d = dirs();
    const file = join(d.cwd, 'clouds.yaml');
    const load = (yaml: string) => {
      writeFileSync(file, `clouds:\n  c:\n${yaml}`);
      return () => loadCloud('c', { env: {}, cwd: d.cwd, dirs: [d.cwd] });
    };
    expect(load('    region_name: [1, 2]\n')).toThrow(`${file}: cloud 'c': 'region_name' must be a string, not a list.`);
    expect(load('    auth: x\n')).toThrow(`${file}: cloud 'c': 'auth' must be a mapping, not a string.`);
    expect(load('    verify: {}\n')).toThrow(`${file}: cloud 'c': 'verify' must be true, false or a CA bundle path, not a mapping.`);
    expect(load('    auth:\n      username: {a: 1}\n')).toThrow(`${file}: cloud 'c': 'auth.username' must be a string, not a mapping.`);
    expect(load('    auth:\n      auth-url: true\n')).toThrow(`${file}: cloud 'c': 'auth.auth_url' must be a string, not a boolean.`);
    expect(load('    insecure: [yes]\n')).toThrow(`'insecure' must be true or false, not a list.`);
    expect(load('    api_timeout: {}\n')).toThrow(`'api_timeout' must be a number of seconds, not a mapping.`);
    expect(load('    regions: West\n')).toThrow(`'regions' must be a list of region names, not a string.`);
    expect(load('    regions: [[West]]\n')).toThrow(`'regions' must be a list of region names, not a list.`);
    expect(load('    password: [secret-value]\n')).toThrow(/^[^\n]*'password' must be a string, not a list\.$/);
    writeFileSync(file, 'clouds:\n  c: just-a-string\n');
    expect(() => loadCloud('c', { env: {}, cwd: d.cwd, dirs: [d.cwd] })).toThrow(`${file}: cloud 'c' must be a mapping of settings, not a string.`);
  });

  it('right types pass: numbers for text keys, empty keys as unset, verify as a bool or path, regions as names or mappings', () => {
    const d = dirs();
    writeFileSync(
      join(d.cwd, 'clouds.yaml'),
      'clouds:\n  c:\n    auth:\n      project_id: 12345\n      password: 1234\n      username:\n    insecure: "true"\n    api_timeout: "30"\n    regions: [{name: East}]\n',
    );
    expect(loadCloud('c', { env: {}, cwd: d.cwd, dirs: [d.cwd] })).toEqual({
      projectId: 12345,
      password: 1234,
      insecure: 'true',
      timeoutSeconds: '30',
      regionName: 'East',
    });
  });

  it('secure.yaml is checked too, and its errors name it', () => {
    const d = dirs();
    writeFileSync(join(d.cwd, 'clouds.yaml'), 'clouds:\n  c:\n    auth: {username: u}\n');
    writeFileSync(join(d.cwd, 'secure.yaml'), 'clouds:\n  c:\n    auth:\n      password: [oops]\n');
    expect(() => loadCloud('c', { env: {}, cwd: d.cwd, dirs: [d.cwd] })).toThrow(
      `${join(d.cwd, 'secure.yaml')}: cloud 'c': 'auth.password' must be a string, not a list.`,
    );
  });
});
