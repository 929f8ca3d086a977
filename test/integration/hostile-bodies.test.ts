// A Glance that misbehaves on purpose (test/helpers/hostile-glance.ts) with its JSON bodies: endless,
// trickling, oversized. The built CLI, in token mode (no Keystone needed), must end with one line and
// exit 1, within twice its --timeout (the kill bound), in bounded memory, without asking again.
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { GOOD_IMAGE } from '../helpers/fake-cloud.js';
import { runMeasured, startHostileGlance, type HostileGlance } from '../helpers/hostile-glance.js';

const TOKEN = 'hostile-test-token';
const TIMEOUT_S = 5;
const JSON_CAP = 64 * 1024 * 1024;

let glance: HostileGlance;
beforeAll(async () => {
  glance = await startHostileGlance();
});
afterAll(async () => glance?.close());
beforeEach(() => glance.reset());

const env = (imageUrl = glance.origin) => ({ OS_AUTH_TOKEN: TOKEN, OS_IMAGE_URL: imageUrl });
const list = (imageUrl?: string) => runCli('glance', ['--os-image-api-version', '2', 'image-list'], { env: env(imageUrl), timeoutMs: 30_000 });
const image = (id: string) => ({ ...GOOD_IMAGE, id, name: `img-${id}` });

/** Writes `chunk` again and again, honouring back-pressure, until the client hangs up or `limit` bytes are out. */
function writeForever(res: ServerResponse, head: string, chunk: string, limit: number): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.write(head);
  let sent = 0;
  const pump = () => {
    while (sent < limit && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

function expectOneLineFailure(r: { code: number | null; stdout: string; stderr: string }): void {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe('JSON bodies are bounded in size and time', () => {
  it('an endless body ends within twice --timeout, in bounded memory', async () => {
    const record = JSON.stringify(image('x')) + ',';
    glance.answer = (_req, res) => writeForever(res, '{"images": [', record.repeat(64), 1024 ** 3);
    const r = await runMeasured(['--timeout', String(TIMEOUT_S), '--os-image-api-version', '2', 'image-list'], env(), 2 * TIMEOUT_S * 1000);
    console.log(`endless body: exit ${r.code} after ${r.elapsedMs} ms, peak RSS ${r.peakMb.toFixed(1)} MB: ${r.stderr.trim()}`);
    expectOneLineFailure(r);
    expect(r.stderr).toContain('64 MiB');
    expect(r.peakMb).toBeLessThan(150);
    expect(glance.requests).toHaveLength(1);
  });

  it('a body trickling one byte every 2 s ends within twice --timeout', async () => {
    glance.answer = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const text = '{"images": []}                              ';
      let at = 0;
      const timer = setInterval(() => {
        if (res.destroyed || at >= text.length) {
          clearInterval(timer);
          res.end();
        } else res.write(text[at++]);
      }, 2000);
      res.on('close', () => clearInterval(timer));
    };
    const r = await runMeasured(['--timeout', String(TIMEOUT_S), '--os-image-api-version', '2', 'image-list'], env(), 2 * TIMEOUT_S * 1000);
    console.log(`trickling body: exit ${r.code} after ${r.elapsedMs} ms: ${r.stderr.trim()}`);
    expectOneLineFailure(r);
    expect(r.stderr).toContain(`${TIMEOUT_S} s`);
    expect(glance.requests).toHaveLength(1);
  });

  for (const declared of [true, false]) {
    it(`a body one byte over the cap (${declared ? 'Content-Length' : 'chunked'}) is one error, not retried`, async () => {
      const head = '{"images": [], "padding": "';
      const text = head + 'x'.repeat(JSON_CAP + 1 - head.length - 2) + '"}';
      glance.answer = (_req, res) => {
        res.writeHead(200, declared ? { 'Content-Type': 'application/json', 'Content-Length': text.length } : { 'Content-Type': 'application/json' });
        res.end(text);
      };
      const r = await list();
      console.log(`cap+1 body (${declared ? 'Content-Length' : 'chunked'}): exit ${r.code}, ${glance.requests.length} request(s): ${r.stderr.trim()}`);
      expectOneLineFailure(r);
      expect(r.stderr).toContain('64 MiB');
      expect(glance.requests).toHaveLength(1);
    });
  }
});
