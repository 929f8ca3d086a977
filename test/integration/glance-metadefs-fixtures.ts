// Shared by the md-object/md-property/md-tag tests: namespaces of their own (made and deleted
// with straight API calls), and both clients run on the same arguments.
import { expect } from 'vitest';
import type { CliResult } from '../helpers/cli.js';
import { makeTestDeps } from '../helpers/deps.js';
import { ours, reference, suffix } from './glance-v2-commands-fixtures.js';

const deps = makeTestDeps();

const namespacePath = (namespace: string): string => `/v2/metadefs/namespaces/${encodeURIComponent(namespace)}`;

/** Namespaces made for one test file; removeAll() deletes them with everything in them. */
export function namespaces() {
  const made: string[] = [];
  return {
    async create(prefix: string): Promise<string> {
      const namespace = `${prefix}-${suffix()}`;
      const api = await deps.image();
      await api.session.send('image', { method: 'POST', path: '/v2/metadefs/namespaces', json: { namespace, visibility: 'private' } });
      made.push(namespace);
      return namespace;
    },
    async removeAll(): Promise<void> {
      const api = await deps.image();
      for (const namespace of made) await api.session.send('image', { method: 'DELETE', path: namespacePath(namespace) }).catch(() => undefined);
    },
  };
}

/** Sends a body straight to Glance (to set up what a test then reads with both clients). */
export async function post(path: string, json: unknown): Promise<void> {
  const api = await deps.image();
  await api.session.send('image', { method: 'POST', path, json });
}

export { namespacePath };

/**
 * Both clients, the same arguments (v2 dialect): identical stdout, stderr and exit code. Returns
 * glanceclient's. The two run at once (glanceclient takes seconds to start on a loaded machine),
 * so only for commands that read, or fail, leaving the cloud as it was.
 */
export async function same(args: readonly string[]): Promise<CliResult> {
  const [expected, actual] = await Promise.all([reference(args), ours(args)]);
  expect(actual).toEqual(expected);
  return expected;
}

/** same() for each argument list, a few at a time; resolves to glanceclient's results in order. */
export async function sameForEach(cases: ReadonlyArray<readonly string[]>, atOnce = 3): Promise<CliResult[]> {
  const results: CliResult[] = [];
  for (let i = 0; i < cases.length; i += atOnce) results.push(...(await Promise.all(cases.slice(i, i + atOnce).map((args) => same(args)))));
  return results;
}

/** Tests that run glanceclient many times: it starts slowly. */
export const SLOW = 240_000;

/** Timestamps differ between two records made a moment apart; everything else must not. */
export const withoutTimes = (text: string): string => text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, 'YYYY-MM-DDTHH:MM:SSZ');
