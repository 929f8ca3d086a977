import { describe, expect, it } from 'vitest';
import { parseRc } from '../../src/config/rcfile.js';

const parse = (text: string, env: NodeJS.ProcessEnv = {}) => parseRc(text, '/root/keystonerc', env);

describe('keystonerc parsing', () => {
  it('reads a packstack keystonerc_admin (v2.0 URL, OS_TENANT_NAME, PS1, unset)', () => {
    const rc = parse(
      [
        'unset OS_SERVICE_TOKEN',
        '    export OS_USERNAME=admin',
        "    export OS_PASSWORD='s3cr3t$not-a-var'",
        '    export OS_AUTH_URL=http://controller:5000/v2.0/',
        "    export PS1='[\\u@\\h \\W(keystone_admin)]\\$ '",
        '',
        'export OS_TENANT_NAME=admin',
        'export OS_REGION_NAME=RegionOne',
      ].join('\n'),
    );
    expect(rc.vars).toMatchObject({
      OS_USERNAME: 'admin',
      OS_PASSWORD: 's3cr3t$not-a-var',
      OS_AUTH_URL: 'http://controller:5000/v2.0/',
      OS_TENANT_NAME: 'admin',
      OS_REGION_NAME: 'RegionOne',
    });
    expect('OS_SERVICE_TOKEN' in rc.vars).toBe(true);
    expect(rc.vars.OS_SERVICE_TOKEN).toBeUndefined();
    expect(rc.promptsForPassword).toBe(false);
  });

  it('expands $VAR and ${VAR} from earlier lines and the environment, with quotes and escapes', () => {
    const rc = parse(
      [
        '# comment line',
        'HOST=controller   # trailing comment',
        'export OS_AUTH_URL="http://${HOST}:5000/v3"',
        'export OS_USERNAME=$USER_FROM_ENV',
        'export OS_PROJECT_NAME="${MISSING:-fallback}"',
        'export OS_PASSWORD="a \\"quoted\\" \\$dollar"',
        "export OS_REGION_NAME='literal $HOST'",
        'export OS_USER_DOMAIN_NAME=Default;',
        'export OS_INTERFACE',
      ].join('\n'),
      { USER_FROM_ENV: 'alice' },
    );
    expect(rc.vars).toMatchObject({
      OS_AUTH_URL: 'http://controller:5000/v3',
      OS_USERNAME: 'alice',
      OS_PROJECT_NAME: 'fallback',
      OS_PASSWORD: 'a "quoted" $dollar',
      OS_REGION_NAME: 'literal $HOST',
      OS_USER_DOMAIN_NAME: 'Default',
    });
  });

  it('an unset name expands to empty, not to the environment value', () => {
    const rc = parse('unset OS_REGION_NAME\nexport X=[$OS_REGION_NAME]', { OS_REGION_NAME: 'env' });
    expect(rc.vars.X).toBe('[]');
  });

  it("understands Horizon's openrc: read -sr prompts for the password, empty-guards unset", () => {
    const rc = parse(
      [
        '#!/usr/bin/env bash',
        'export OS_AUTH_URL=http://controller:5000/v3',
        'export OS_PROJECT_NAME="admin"',
        'export OS_USER_DOMAIN_NAME="Default"',
        'if [ -z "$OS_USER_DOMAIN_NAME" ]; then unset OS_USER_DOMAIN_NAME; fi',
        'export OS_PROJECT_DOMAIN_ID=""',
        'if [ -z "$OS_PROJECT_DOMAIN_ID" ]; then unset OS_PROJECT_DOMAIN_ID; fi',
        'unset OS_TENANT_ID',
        'unset OS_TENANT_NAME',
        'export OS_USERNAME="admin"',
        'echo "Please enter your OpenStack Password for project $OS_PROJECT_NAME as user $OS_USERNAME: "',
        'read -sr OS_PASSWORD_INPUT',
        'export OS_PASSWORD=$OS_PASSWORD_INPUT',
        'export OS_REGION_NAME="RegionOne"',
        '[ -z "$OS_REGION_NAME" ] && unset OS_REGION_NAME',
        'export OS_INTERFACE=public',
        'export OS_IDENTITY_API_VERSION=3',
      ].join('\n'),
    );
    expect(rc.promptsForPassword).toBe(true);
    expect('OS_PASSWORD' in rc.vars).toBe(false);
    expect('OS_PASSWORD_INPUT' in rc.vars).toBe(false);
    expect(rc.vars.OS_USER_DOMAIN_NAME).toBe('Default');
    expect('OS_PROJECT_DOMAIN_ID' in rc.vars && rc.vars.OS_PROJECT_DOMAIN_ID === undefined).toBe(true);
    expect(rc.vars.OS_REGION_NAME).toBe('RegionOne');
  });

  it('skips echo/printf/set only when that is all the line does', () => {
    expect(parse("echo 'a; b | c' \"d & e\"\nprintf '%s\\n' done\nexport OS_USERNAME=u").vars.OS_USERNAME).toBe('u');
    expect(() => parse('echo x; export OS_PASSWORD=y')).toThrow(/keystonerc:1: ';', '\|', '&', '<' or '>' after a command/);
    expect(() => parse('\necho x | tee /tmp/f')).toThrow(/keystonerc:2: ';'/);
    expect(() => parse('echo x > /tmp/f')).toThrow(/keystonerc:1: ';'/);
    expect(() => parse('echo "hi $(id -un)"')).toThrow(/keystonerc:1: command substitution/);
    expect(() => parse('echo `id -un`')).toThrow(/keystonerc:1: command substitution/);
  });

  it('names file and line for a line it cannot understand', () => {
    expect(() => parse('export OS_USERNAME=admin\nif [ "$X" = y ]; then\n')).toThrow(/^\/root\/keystonerc:2: cannot understand 'if \[ "\$X" = y \]; then'/);
    expect(() => parse('source /etc/other-rc')).toThrow(/keystonerc:1: cannot understand/);
  });

  it('refuses command substitution and unbalanced quotes, naming the line', () => {
    expect(() => parse('\nexport OS_PASSWORD=$(cat /secret)')).toThrow(/keystonerc:2: command substitution/);
    expect(() => parse('export OS_PASSWORD=`cat /secret`')).toThrow(/keystonerc:1: command substitution/);
    expect(() => parse("export OS_PASSWORD='abc")).toThrow(/keystonerc:1: unterminated single quote/);
    expect(() => parse('export OS_PROJECT_NAME=my project')).toThrow(/keystonerc:1: unexpected text after the value/);
  });
});
