// A variadic flag (--tags a b) keeps every value it was given; single-value flags keep the last.
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../helpers/parse.js';

describe('variadic flags through the real parser', () => {
  it('image-create --tags a b keeps both tags (it kept only the last)', async () => {
    const { options } = await parseCommandLine('glance', ['image-create', '--tags', 'a', 'b']);
    expect(JSON.stringify(options)).toContain('"tags":["a","b"]');
  });

  it('a single-value flag given twice still keeps the last', async () => {
    const { options } = await parseCommandLine('glance', ['member-list', '--image-id', 'a', '--image-id', 'b']);
    expect(options).toEqual({ image: 'b' });
  });
});
