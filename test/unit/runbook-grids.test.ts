// Every grid the runbook prints, re-rendered from its own cells by our renderer, byte for byte.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderGrid } from '../../src/output/grid.js';
import { ROOT } from '../helpers/cli.js';

const runbook = readFileSync(join(ROOT, 'test/fixtures/glance-runbook.md'), 'utf8');

/** Consecutive lines starting with + or |: one grid each. */
function grids(text: string): string[][] {
  const found: string[][] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (/^[+|]/.test(line)) current.push(line);
    else if (current.length > 0) {
      found.push(current);
      current = [];
    }
  }
  return found.filter((g) => g[0]!.startsWith('+')); // markdown tables are not grids
}

function rerender(grid: string[]): string[] {
  const rows = grid
    .filter((l) => l.startsWith('|'))
    .map((l) =>
      l
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
  const align = rows.flat().every((c) => c === '') || grid.filter((l) => l.startsWith('|')).every((l) => /^\| \S/.test(l)) ? 'left' : 'center';
  return renderGrid(rows[0]!, rows.slice(1), { align }).split('\n');
}

describe('the runbook grids', () => {
  const all = grids(runbook);

  it('finds the five grids: service-create, service-list, endpoint-create, image-create, image-list', () => {
    expect(all.map((g) => g[1]!.replace(/\s+/g, ' '))).toEqual([
      '| Property | Value |',
      '| id | name | type | description |',
      '| Property | Value |',
      '| Property | Value |',
      '| ID | Name | Disk Format | Container Format | Size | Status |',
    ]);
  });

  it('re-renders every grid byte for byte, except the endpoint-create URL cells the document got one space off', () => {
    const differing: string[] = [];
    for (const grid of all) {
      const ours = rerender(grid);
      expect(ours.length).toBe(grid.length);
      grid.forEach((line, i) => {
        if (ours[i] !== line) differing.push(`${line}  ≠  ${ours[i]}`);
      });
    }
    expect(differing).toEqual([
      '|   adminurl  |      http://controller:9292       |  ≠  |   adminurl  |      http://controller:9292      |',
      '| internalurl |      http://controller:9292       |  ≠  | internalurl |      http://controller:9292      |',
      '|  publicurl  |      http://controller:9292       |  ≠  |  publicurl  |      http://controller:9292      |',
    ]);
  });
});
