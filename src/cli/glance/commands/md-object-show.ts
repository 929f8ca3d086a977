import { command } from '../../command.js';
import { checkedArg } from '../../flags/args.js';
import { maxColumnWidthFlag, printMetadefObject } from '../support/metadef-views.js';
import { requireArguments } from '../support/metadef-items.js';

const USAGE = `glance md-object-show [--max-column-width <integer>]
                             <NAMESPACE> <OBJECT>`;

export const mdObjectShow = command({
  spec: {
    name: 'md-object-show',
    summary: 'Describe a specific metadata definitions object inside a namespace.',
    example: 'glance md-object-show <NAMESPACE> <OBJECT>',
    args: { namespace: checkedArg('<NAMESPACE>', 'Name of namespace the object belongs.'), object: checkedArg('<OBJECT>', 'Name of an object.') },
    options: { maxColumnWidth: maxColumnWidthFlag },
    output: 'record',
  },
  parse({ args, flags }) {
    requireArguments(USAGE, [
      ['<NAMESPACE>', args.namespace],
      ['<OBJECT>', args.object],
    ]);
    return { namespace: args.namespace!, object: args.object!, maxColumnWidth: flags.maxColumnWidth };
  },
  async run(options, deps) {
    const object = await (await deps.image()).metadefObjects.get(options.namespace, options.object);
    printMetadefObject(deps, object, options.maxColumnWidth);
  },
});
