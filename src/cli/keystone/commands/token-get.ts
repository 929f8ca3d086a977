import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { tokenCatalog } from '../support/catalog-access.js';
import { classicRecord } from '../support/records.js';

export interface Options {
  wrap: number;
}

export const tokenGet = command<Options>({
  spec: {
    name: 'token-get',
    summary: 'Display the current user token.',
    example: 'keystone token-get',
    output: 'record',
    options: [{ flags: '--wrap <integer>', description: 'Wrap PKI tokens to a specified length, or 0 to disable.', default: '0' }],
  },
  parse: (raw) => ({ wrap: Number(raw.opts.wrap ?? 0) || 0 }),
  async run(options: Options, deps: Deps) {
    await tokenCatalog(deps); // token mode has no token of its own to show: the classic refused the same way
    const token = await (await deps.identity()).tokens.current();
    const id = options.wrap > 0 ? token.id.match(new RegExp(`.{1,${options.wrap}}`, 'g'))!.join('\n') : token.id;
    deps.print.record(classicRecord({ expires: token.expires, id, tenant_id: token.projectId ?? null, user_id: token.userId }));
  },
});
