// Glance paging stops on a server that never ends: a real Session (token mode) over a scripted
// transport that hands out a new `next` link on every page (src/api/image/images.ts).
import { describe, expect, it } from 'vitest';
import { ImagesApi } from '../../src/api/image/images.js';
import type { Credentials } from '../../src/config/credentials.js';
import { Session } from '../../src/session/session.js';
import { GOOD_IMAGE } from '../helpers/fake-cloud.js';
import { scriptedTransport } from '../helpers/scripted-transport.js';

const credentials: Credentials = {
  authType: 'admin_token',
  token: 't',
  imageUrl: 'http://gl:9292/image',
  interface: 'public',
  insecure: false,
  timeoutSeconds: 5,
  cache: false,
  forceNewToken: false,
};

describe('image listing', () => {
  it('stops after 10,000 pages of fresh markers', async () => {
    let page = 0;
    const transport = scriptedTransport(() => ({ body: { images: [GOOD_IMAGE], next: `/v2/images?marker=m${page++}` } }));
    await expect(new ImagesApi(new Session(credentials, transport)).list()).rejects.toThrow(
      "Glance's listing goes on past 10000 pages: listing stopped (narrow it with filters, or raise --page-size).",
    );
    expect(transport.asked).toHaveLength(10_000);
  });

  it("stops when a next link repeats the caller's own marker", async () => {
    const transport = scriptedTransport(() => ({ body: { images: [GOOD_IMAGE], next: '/v2/images?marker=start' } }));
    await expect(new ImagesApi(new Session(credentials, transport)).list({ marker: 'start' })).rejects.toThrow(
      "Glance's next link on page 1 repeats an earlier marker: listing stopped.",
    );
    expect(transport.asked).toEqual(['GET /image/v2/images']);
  });
});
