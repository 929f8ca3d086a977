import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { text } from '../../flags/flag.js';
import { printMetadefObject } from '../support/metadef-views.js';
import { applyChanges, updateWithSchema, withoutSelf } from '../support/metadef-items.js';

/** Fields the server sets: glanceclient leaves them out of the PUT. */
const READ_ONLY = ['schema', 'updated_at', 'created_at'];

export const mdObjectUpdate = command({
  spec: {
    name: 'md-object-update',
    glanceclientErrors: true,
    summary: 'Update metadata definitions object inside a namespace.',
    example: 'glance md-object-update <NAMESPACE> <OBJECT> --name <NAME>',
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of namespace the object belongs.'), object: requiredArg('<OBJECT>', 'Name of an object.') },
    options: {
      name: text('--name <NAME>', 'New name of an object.'),
      schema: text('--schema <SCHEMA>', 'Valid JSON schema of an object.'),
    },
    output: 'record',
  },
  parse({ args, flags }) {
    return { namespace: args.namespace, object: args.object, name: flags.name, schema: flags.schema };
  },
  async run(options, deps) {
    // Empty values change nothing, as in glanceclient (`if args.name:`).
    let changes: Record<string, unknown> = options.name ? { name: options.name } : {};
    if (options.schema) changes = updateWithSchema(changes, options.schema);
    const api = (await deps.image()).metadefObjects;
    const current = withoutSelf(await api.get(options.namespace, options.object));
    const updated = applyChanges(await api.schema(), current, changes);
    for (const field of READ_ONLY) delete updated[field];
    await api.replace(options.namespace, options.object, updated);
    printMetadefObject(deps, await api.get(options.namespace, String(updated.name)));
  },
});
