// readBody (src/session/read-body.ts) reads a JSON answer on its stream's events: the whole text,
// bounded in size and time, and every way a body can end badly ends the read, never a wait.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../src/http/transport.js';
import type { ResponseBody } from '../../src/http/wire.js';
import { BodyTimeoutError, BodyTooLargeError, JSON_BODY_CAP, readBody } from '../../src/session/read-body.js';

function answer(body: Readable, headers: Record<string, string> = {}): HttpResponse {
  return { status: 200, headers, body: body as ResponseBody, url: 'http://glance.test/v2/images' };
}

describe('readBody', () => {
  it('is the text of every chunk, in order, UTF-8 split across chunks included', async () => {
    const euro = Buffer.from('€', 'utf8');
    const body = Readable.from([Buffer.from('{"name": "'), euro.subarray(0, 1), euro.subarray(1), Buffer.from('"}')], { objectMode: false });
    expect(await readBody(answer(body), 5)).toBe('{"name": "€"}');
  });

  it('an error mid-body is that error', async () => {
    const reset = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    const body = new Readable({ read() {} });
    body.push('{"images": [');
    setTimeout(() => body.destroy(reset), 5);
    await expect(readBody(answer(body), 5)).rejects.toBe(reset);
  });

  it('a body closed before its end, without an error, is a premature close (as `for await` said it)', async () => {
    const body = new Readable({ read() {} });
    body.push('{"images": [');
    setTimeout(() => body.destroy(), 5);
    await expect(readBody(answer(body), 5)).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });

  it('a body that already failed, or already closed, before it is read ends the read at once', async () => {
    const failed = new Readable({ read() {} });
    failed.on('error', () => undefined);
    const reset = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    failed.destroy(reset);
    await expect(readBody(answer(failed), 60)).rejects.toBe(reset);
    const closed = new Readable({ read() {} });
    closed.destroy();
    await expect(readBody(answer(closed), 60)).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });

  it('more than the cap is refused as it arrives, and the stream destroyed; a Content-Length over it, before any byte', async () => {
    let pushed = 0;
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const body = new Readable({
      read() {
        pushed += chunk.length;
        this.push(chunk);
      },
    });
    await expect(readBody(answer(body), 60)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(body.destroyed).toBe(true);
    expect(pushed).toBeLessThan(JSON_BODY_CAP + 4 * chunk.length);
    const declared = new Readable({ read() {} });
    await expect(readBody(answer(declared, { 'content-length': String(JSON_BODY_CAP + 1) }), 60)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(declared.destroyed).toBe(true);
  });

  it('a body that stalls is cut at --timeout', async () => {
    const body = new Readable({ read() {} });
    body.push('{"images": [');
    const started = Date.now();
    await expect(readBody(answer(body), 0.2)).rejects.toBeInstanceOf(BodyTimeoutError);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
