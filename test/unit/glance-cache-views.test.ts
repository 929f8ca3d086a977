// glanceclient's print_cached_images, from a GET /v2/cache body: times as Python's
// datetime.utcfromtimestamp(t).isoformat() prints them (expected values printed by Python 3.11).
import { describe, expect, it } from 'vitest';
import { cacheRows, utcIsoFormat } from '../../src/cli/glance/support/cache-commands.js';

describe('utcIsoFormat', () => {
  it.each([
    [1796194382.7928421, '2026-12-02T06:53:02.792842'],
    [1796194382.0, '2026-12-02T06:53:02'],
    [0.5, '1970-01-01T00:00:00.500000'],
    [1.0000005, '1970-01-01T00:00:01.000001'],
    [1.0000015, '1970-01-01T00:00:01.000001'],
    [1700000000.9999995, '2023-11-14T22:13:21'],
    [1700000000.25, '2023-11-14T22:13:20.250000'],
    [86399.9999995, '1970-01-01T23:59:59.999999'],
  ])('%s → %s', (seconds, expected) => {
    expect(utcIsoFormat(seconds)).toBe(expected);
  });
});

describe('cacheRows', () => {
  it('cached images with their times (0: N/A), then queued IDs, in the body key order', () => {
    const cached = { image_id: 'c1', last_accessed: 0, last_modified: 1700000000.25, size: 3, hits: 2 };
    expect(cacheRows({ queued_images: ['q1'], cached_images: [cached] })).toEqual([
      ['q1', 'queued', 'N/A', 'N/A', 'N/A', 'N/A'],
      ['c1', 'cached', 'N/A', '2023-11-14T22:13:20.250000', 3, 2],
    ]);
  });
});
