// The classic views on their own: endpoint grouping, the catalog's v2.0 shape, record and row order,
// flag helpers, and the runbook's keystone grids rendered from the runbook's values through our path.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classicCatalog, groupEndpoints, CLASSIC_MARK } from '../../src/api/identity/classic-endpoints.js';
import type { Endpoint } from '../../src/api/identity/endpoints.js';
import { dialectStyle } from '../../src/cli/dialect-style.js';
import { looseBooleanFlag } from '../../src/cli/flags/flag.js';
import { endpointRecord, serviceRecord, sortRows, userRecord } from '../../src/cli/keystone/support/records.js';
import { Printer } from '../../src/output/printer.js';
import { ROOT } from '../helpers/cli.js';

const ep = (id: string, iface: Endpoint['interface'], extra: Partial<Endpoint> = {}): Endpoint => ({
  id,
  interface: iface,
  url: `http://${iface}:1`,
  service_id: 's1',
  region_id: 'regionOne',
  enabled: true,
  ...extra,
});

function printed(print: (p: Printer) => void): string {
  let out = '';
  print(new Printer({ write: (t) => void (out += t) }, dialectStyle('keystone')));
  return out;
}

/** The grid the runbook prints right after the line containing `command`. */
function runbookGrid(command: string): string {
  const lines = readFileSync(join(ROOT, 'test/fixtures/glance-runbook.md'), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.includes(command));
  const grid: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!/^[+|]/.test(line)) break;
    grid.push(line);
  }
  return grid.join('\n') + '\n';
}

describe('groupEndpoints', () => {
  it('groups unmarked endpoints (keystone-manage bootstrap) by service and region, named by the public one', () => {
    const groups = groupEndpoints([ep('b-admin', 'admin'), ep('c-public', 'public'), ep('a-internal', 'internal')]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      id: 'c-public',
      region: 'regionOne',
      publicurl: 'http://public:1',
      internalurl: 'http://internal:1',
      adminurl: 'http://admin:1',
    });
  });

  it('keeps two marked endpoint-create groups of one service and region apart, sorted by id', () => {
    const groups = groupEndpoints([
      ep('p1', 'public', { [CLASSIC_MARK]: 'p1' }),
      ep('p2', 'public', { [CLASSIC_MARK]: 'p2', url: 'http://two:1' }),
      ep('i1', 'internal', { [CLASSIC_MARK]: 'p1' }),
      ep('i2', 'internal', { [CLASSIC_MARK]: 'p2', url: 'http://two-internal:1' }),
    ]);
    expect(groups.map((g) => [g.id, g.publicurl, g.internalurl, g.adminurl])).toEqual([
      ['p1', 'http://public:1', 'http://internal:1', null],
      ['p2', 'http://two:1', 'http://two-internal:1', null],
    ]);
  });

  it('splits unmarked endpoints with two of one interface into two rows, and separates regions', () => {
    const groups = groupEndpoints([ep('x1', 'public'), ep('x2', 'public'), ep('x3', 'admin', { region_id: 'other' })]);
    expect(groups.map((g) => [g.id, g.region, g.members.length])).toEqual([
      ['x1', 'regionOne', 1],
      ['x2', 'regionOne', 1],
      ['x3', 'other', 1],
    ]);
  });
});

describe('classicCatalog', () => {
  it('turns a v3 catalog into v2.0 endpoints with publicURL/internalURL/adminURL per region', () => {
    const services = classicCatalog([
      {
        id: 's',
        type: 'image',
        name: 'glance',
        endpoints: [
          { id: 'e1', interface: 'admin', region_id: 'R', url: 'http://a' },
          { id: 'e2', interface: 'public', region_id: 'R', url: 'http://p' },
          { id: 'e3', interface: 'public', region_id: 'S', url: 'http://s' },
        ],
      },
    ]);
    expect(services[0]!.endpoints).toEqual([
      { id: 'e2', region: 'R', adminURL: 'http://a', publicURL: 'http://p' },
      { id: 'e3', region: 'S', publicURL: 'http://s' },
    ]);
  });
});

describe('classic records and rows', () => {
  it('sorts record rows by property as print_dict did (tenantId between name and username)', () => {
    const view = userRecord({ id: 'u', name: 'glance', enabled: true, domain_id: 'default', default_project_id: 'p' });
    expect(view.fields.map(([k]) => k)).toEqual(['email', 'enabled', 'id', 'name', 'tenantId', 'username']);
  });

  it('sorts list rows by one column, ties by the rest of the row', () => {
    expect(
      sortRows(
        [
          ['3', 'b'],
          ['2', 'a'],
          ['1', 'b'],
        ],
        1,
      ),
    ).toEqual([
      ['2', 'a'],
      ['1', 'b'],
      ['3', 'b'],
    ]);
  });

  it('reads <true|false> like oslo bool_from_string', () => {
    const enabled = looseBooleanFlag('--enabled <true|false>', '');
    expect(['true', 'True', 'yes', '1', 'on', 't'].map((v) => enabled.decode(v))).toEqual([true, true, true, true, true, true]);
    expect(['false', 'no', '0', 'nonsense'].map((v) => enabled.decode(v))).toEqual([false, false, false, false]);
  });

  it('prints an empty keystone list as one empty line (print_empty=False)', () => {
    expect(printed((p) => p.list({ columns: ['id', 'name'], rows: [] }))).toBe('\n');
  });
});

describe("the runbook's keystone grids, from the runbook's values through our views", () => {
  const glance = { id: '1b23256221e440f3bc472da2de5aef7c', name: 'glance', type: 'image', description: 'Glance Image Service', enabled: true };

  it('service-create: byte for byte', () => {
    expect(printed((p) => p.record(serviceRecord(glance)))).toBe(runbookGrid('keystone service-create'));
  });

  it('service-list: byte for byte, rows sorted by name', () => {
    const rows = sortRows(
      [
        ['350e61c1866d4f468fa8ded69ed848d1', 'swift', 'object-store', 'Swift Object Storage Service'],
        ['623343aa351e4c5fb726e0932a89bbfb', 'keystone', 'identity', 'Keystone Identity Service'],
        ['1b23256221e440f3bc472da2de5aef7c', 'glance', 'image', 'Glance Image Service'],
      ],
      1,
    );
    expect(printed((p) => p.list({ columns: ['id', 'name', 'type', 'description'], rows }))).toBe(runbookGrid('keystone service-list'));
  });

  it('endpoint-create: same rows and rules; the URL cells differ only by the space the document added', () => {
    const url = 'http://controller:9292';
    const ours = printed((p) =>
      p.record(
        endpointRecord({
          id: '8370abfa431a48c79e9005e82e72d3d7',
          region: 'regionOne',
          service_id: glance.id,
          publicurl: url,
          internalurl: url,
          adminurl: url,
          members: [],
        }),
      ),
    ).split('\n');
    const theirs = runbookGrid('keystone endpoint-create').split('\n');
    expect(ours.length).toBe(theirs.length);
    ours.forEach((line, i) => {
      if (line.includes(url)) expect(theirs[i]!.replace(`${url}       |`, `${url}      |`)).toBe(line);
      else expect(line).toBe(theirs[i]);
    });
  });
});
