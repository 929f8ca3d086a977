import { command } from '../../command.js';
import { text, withDefault } from '../../flags/flag.js';
import { tokenCatalog } from '../support/catalog-access.js';
import { classicRecord } from '../support/records.js';

export const tokenGet = command({
  spec: {
    name: 'token-get',
    summary: 'Display the current user token.',
    example: 'keystone token-get',
    output: 'record',
    options: { wrap: withDefault(text('--wrap <integer>', 'Wrap PKI tokens to a specified length, or 0 to disable.'), '0') },
  },
  // As before: a value that is not a number means no wrapping.
  parse: ({ flags }) => ({ wrap: Number(flags.wrap) || 0 }),
  async run(options, deps) {
    await tokenCatalog(deps); // token mode has no token of its own to show: the classic refused the same way
    const token = await (await deps.identity()).tokens.current();
    const id = options.wrap > 0 ? token.id.match(new RegExp(`.{1,${options.wrap}}`, 'g'))!.join('\n') : token.id;
    deps.print.record(classicRecord({ expires: token.expires, id, tenant_id: token.projectId ?? null, user_id: token.userId }));
  },
});
