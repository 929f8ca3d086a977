import { describe, expect, it } from 'vitest';
import { selectEndpoint, type CatalogService } from '../../src/session/catalog.js';

const catalog: CatalogService[] = [
  {
    id: 's1',
    type: 'image',
    endpoints: [
      { id: 'e1', interface: 'public', region_id: 'RegionOne', url: 'http://glance-one:9292' },
      { id: 'e2', interface: 'internal', region_id: 'RegionOne', url: 'http://glance-one-int:9292' },
      { id: 'e3', interface: 'public', region_id: 'RegionTwo', url: 'http://glance-two:9292' },
    ],
  },
  { id: 's2', type: 'identity', endpoints: [{ id: 'e4', interface: 'public', region_id: 'RegionOne', url: 'http://ks:5000/v3' }] },
];

describe('catalog', () => {
  it('picks by service type, interface and region', () => {
    expect(selectEndpoint(catalog, 'image', 'public', 'RegionTwo')).toBe('http://glance-two:9292');
    expect(selectEndpoint(catalog, 'image', 'internal', 'RegionOne')).toBe('http://glance-one-int:9292');
    expect(selectEndpoint(catalog, 'image', 'public')).toBe('http://glance-one:9292');
  });

  it('no match: one line naming what was asked for and what the catalog offers', () => {
    expect(() => selectEndpoint(catalog, 'image', 'admin', 'RegionOne')).toThrow(
      'No image/admin@RegionOne endpoint in the service catalog (it offers: identity/public@RegionOne, image/internal@RegionOne, image/public@RegionOne, image/public@RegionTwo). Check --os-region-name / --os-interface, or pass --os-image-url.',
    );
    expect(() => selectEndpoint([], 'image', 'public')).toThrow(/\(it offers: nothing\)/);
  });
});
