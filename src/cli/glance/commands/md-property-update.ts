import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { text } from '../../flags/flag.js';
import { applyChanges, updateWithSchema, withoutSelf } from '../support/metadef-items.js';
import { printDict } from '../support/v2-commands.js';

export const mdPropertyUpdate = command({
  spec: {
    name: 'md-property-update',
    glanceclientErrors: true,
    summary: 'Update metadata definitions property inside a namespace.',
    example: 'glance md-property-update <NAMESPACE> <PROPERTY> --title <TITLE>',
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of namespace the property belongs.'), property: requiredArg('<PROPERTY>', 'Name of a property.') },
    options: {
      name: text('--name <NAME>', 'New name of a property.'),
      title: text('--title <TITLE>', 'Property name displayed to the user.'),
      schema: text('--schema <SCHEMA>', 'Valid JSON schema of a property.'),
    },
    output: 'record',
  },
  parse({ args, flags }) {
    return { namespace: args.namespace, property: args.property, name: flags.name, title: flags.title, schema: flags.schema };
  },
  async run(options, deps) {
    // Empty values change nothing, as in glanceclient (`if args.name:`).
    let changes: Record<string, unknown> = {};
    if (options.name) changes.name = options.name;
    if (options.title) changes.title = options.title;
    if (options.schema) changes = updateWithSchema(changes, options.schema);
    const api = (await deps.image()).metadefProperties;
    const current = withoutSelf(await api.get(options.namespace, options.property));
    const updated = applyChanges(await api.schema(), current, changes);
    await api.replace(options.namespace, options.property, updated);
    printDict(deps, await api.get(options.namespace, String(updated.name)));
  },
});
