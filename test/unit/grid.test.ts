import { describe, expect, it } from 'vitest';
import { renderGrid } from '../../src/output/grid.js';
import { displayWidth } from '../../src/output/width.js';

describe('renderGrid (PrettyTable rules)', () => {
  it('reproduces the runbook service-create record byte for byte', () => {
    const grid = renderGrid(
      ['Property', 'Value'],
      [
        ['description', 'Glance Image Service'],
        ['enabled', 'True'],
        ['id', '1b23256221e440f3bc472da2de5aef7c'],
        ['name', 'glance'],
        ['type', 'image'],
      ],
      { align: 'center' },
    );
    expect(grid).toBe(
      [
        '+-------------+----------------------------------+',
        '|   Property  |              Value               |',
        '+-------------+----------------------------------+',
        '| description |       Glance Image Service       |',
        '|   enabled   |               True               |',
        '|      id     | 1b23256221e440f3bc472da2de5aef7c |',
        '|     name    |              glance              |',
        '|     type    |              image               |',
        '+-------------+----------------------------------+',
      ].join('\n'),
    );
  });

  it('centres the five DESIGN.md vectors exactly', () => {
    const lines = renderGrid(
      ['Property', 'Value'],
      [
        ['description', 'Glance Image Service'],
        ['enabled', 'True'],
        ['name', 'glance'],
        ['region', 'regionOne'],
        ['x'.repeat(11), 'y'.repeat(32)],
      ],
      { align: 'center' },
    ).split('\n');
    expect(lines[1]).toBe('|   Property  |              Value               |');
    expect(lines[3]).toBe('| description |       Glance Image Service       |');
    expect(lines[4]).toBe('|   enabled   |               True               |');
    expect(lines[5]).toBe('|     name    |              glance              |');
    expect(lines[6]).toBe('|    region   |            regionOne             |');
  });

  it('left-aligns glance grids like the runbook image-list', () => {
    const grid = renderGrid(
      ['ID', 'Name', 'Disk Format', 'Container Format', 'Size', 'Status'],
      [['8badaf16-7fa0-44ae-97ce-807d2aa50892', 'fedora-19', 'qcow2', 'bare', '239534080', 'active']],
      { align: 'left' },
    );
    expect(grid).toBe(
      [
        '+--------------------------------------+-----------+-------------+------------------+-----------+--------+',
        '| ID                                   | Name      | Disk Format | Container Format | Size      | Status |',
        '+--------------------------------------+-----------+-------------+------------------+-----------+--------+',
        '| 8badaf16-7fa0-44ae-97ce-807d2aa50892 | fedora-19 | qcow2       | bare             | 239534080 | active |',
        '+--------------------------------------+-----------+-------------+------------------+-----------+--------+',
      ].join('\n'),
    );
  });

  it('prints an empty list as the header box (PrettyTable 3 shape)', () => {
    expect(renderGrid(['ID', 'Name'], [], { align: 'left' })).toBe(['+----+------+', '| ID | Name |', '+----+------+', '+----+------+'].join('\n'));
  });

  it('counts wide characters twice so borders stay straight', () => {
    expect(displayWidth('镜像')).toBe(4);
    expect(displayWidth('é')).toBe(1);
    expect(displayWidth('e\u0301')).toBe(1);
    const lines = renderGrid(['Name'], [['镜像'], ['abc']], { align: 'left' }).split('\n');
    expect(lines[3]).toBe('| 镜像 |');
    expect(lines[4]).toBe('| abc  |');
  });

  it('puts each line of a multi-line cell on its own grid line, top-aligned', () => {
    const lines = renderGrid(['Property', 'Value'], [['locations', 'ab\ncdef']], { align: 'left' }).split('\n');
    expect(lines.slice(3, 5)).toEqual(['| locations | ab    |', '|           | cdef  |']);
  });
});
