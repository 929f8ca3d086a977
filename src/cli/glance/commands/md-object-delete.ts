import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';

const EXAMPLE = 'glance md-object-delete <NAMESPACE> <OBJECT>';

export const mdObjectDelete = command({
  spec: {
    name: 'md-object-delete',
    glanceclientErrors: true,
    summary: 'Delete a specific metadata definitions object inside a namespace.',
    example: EXAMPLE,
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of namespace the object belongs.'), object: requiredArg('<OBJECT>', 'Name of an object.') },
  },
  parse({ args }) {
    return { namespace: args.namespace, object: args.object };
  },
  async run(options, deps) {
    await (await deps.image()).metadefObjects.delete(options.namespace, options.object);
  },
});
