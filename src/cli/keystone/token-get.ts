import { command } from '../command.js';
import type { Deps } from '../deps.js';

export interface Options {
  wrap: number;
}

export const tokenGet = command<Options>({
  spec: {
    name: 'token-get',
    summary: 'Display the current user token.',
    example: 'keystone token-get',
    output: 'record',
    options: [{ flags: '--wrap <N>', description: 'Wrap the token id at N characters (0: no wrapping)', default: '0' }],
  },
  parse: (raw) => ({ wrap: Number(raw.opts.wrap ?? 0) || 0 }),
  async run(options: Options, deps: Deps) {
    const token = await (await deps.identity()).tokens.current();
    const id = options.wrap > 0 ? token.id.match(new RegExp(`.{1,${options.wrap}}`, 'g'))!.join('\n') : token.id;
    deps.print.record({
      fields: [
        ['expires', token.expires],
        ['id', id],
        ['tenant_id', token.projectId ?? null],
        ['user_id', token.userId],
      ],
    });
  },
});
