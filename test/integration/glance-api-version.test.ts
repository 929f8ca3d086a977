// An --os-image-api-version / OS_IMAGE_API_VERSION glanceclient refuses is refused the same way
// (same bytes, exit 1), whichever dialect the command would have used.
import { describe, expect, it } from 'vitest';
import { glance, pythonGlance } from './glance-helpers.js';

describe('invalid image API version: what python-glanceclient 4.1.0 prints', () => {
  for (const value of ['7', 'abc', '2.0']) {
    it(`OS_IMAGE_API_VERSION=${value}`, async () => {
      const [us, py] = await Promise.all([
        glance(['image-list'], { OS_IMAGE_API_VERSION: value }),
        pythonGlance(['image-list'], { OS_IMAGE_API_VERSION: value }),
      ]);
      expect(py.code).toBe(1);
      expect(us).toEqual(py);
    });

    it(`--os-image-api-version ${value}`, async () => {
      const args = ['--os-image-api-version', value, 'image-list'];
      const [us, py] = await Promise.all([glance(args), pythonGlance(args)]);
      expect(py.code).toBe(1);
      expect(us).toEqual(py);
    });
  }
});
