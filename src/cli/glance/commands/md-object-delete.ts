import { command } from '../../command.js';
import { checkedArg } from '../../flags/args.js';
import { requireArguments } from '../support/metadef-items.js';

const USAGE = 'glance md-object-delete <NAMESPACE> <OBJECT>';

export const mdObjectDelete = command({
  spec: {
    name: 'md-object-delete',
    summary: 'Delete a specific metadata definitions object inside a namespace.',
    example: USAGE,
    args: { namespace: checkedArg('<NAMESPACE>', 'Name of namespace the object belongs.'), object: checkedArg('<OBJECT>', 'Name of an object.') },
  },
  parse({ args }) {
    requireArguments(USAGE, [
      ['<NAMESPACE>', args.namespace],
      ['<OBJECT>', args.object],
    ]);
    return { namespace: args.namespace!, object: args.object! };
  },
  async run(options, deps) {
    await (await deps.image()).metadefObjects.delete(options.namespace, options.object);
  },
});
