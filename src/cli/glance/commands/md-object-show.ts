import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { maxColumnWidthFlag, printMetadefObject } from '../support/metadef-views.js';

export const mdObjectShow = command({
  spec: {
    name: 'md-object-show',
    glanceclientErrors: true,
    summary: 'Describe a specific metadata definitions object inside a namespace.',
    example: 'glance md-object-show <NAMESPACE> <OBJECT>',
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of namespace the object belongs.'), object: requiredArg('<OBJECT>', 'Name of an object.') },
    options: { maxColumnWidth: maxColumnWidthFlag },
    output: 'record',
  },
  parse({ args, flags }) {
    return { namespace: args.namespace, object: args.object, maxColumnWidth: flags.maxColumnWidth };
  },
  async run(options, deps) {
    const object = await (await deps.image()).metadefObjects.get(options.namespace, options.object);
    printMetadefObject(deps, object, options.maxColumnWidth);
  },
});
