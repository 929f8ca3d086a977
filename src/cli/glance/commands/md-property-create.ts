import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { text, requireFlags } from '../../flags/flag.js';
import { checkRecord, updateWithSchema } from '../support/metadef-items.js';
import { printDict } from '../support/v2-commands.js';

export const mdPropertyCreate = command({
  spec: {
    name: 'md-property-create',
    glanceclientErrors: true,
    summary: 'Create a new metadata definitions property inside a namespace.',
    example: 'glance md-property-create <NAMESPACE> --name <NAME> --title <TITLE> --schema <SCHEMA>',
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of namespace the property will belong.') },
    options: {
      name: text('--name <NAME>', 'Internal name of a property.'),
      title: text('--title <TITLE>', 'Property name displayed to the user.'),
      schema: text('--schema <SCHEMA>', 'Valid JSON schema of a property.'),
    },
    output: 'record',
  },
  parse({ args, flags }) {
    requireFlags({ '--name': flags.name, '--title': flags.title, '--schema': flags.schema });
    return { namespace: args.namespace, name: flags.name!, title: flags.title!, schema: flags.schema! };
  },
  async run(options, deps) {
    const fields = updateWithSchema({ name: options.name, title: options.title }, options.schema);
    const api = (await deps.image()).metadefProperties;
    checkRecord(await api.schema(), fields);
    printDict(deps, await api.create(options.namespace, fields));
  },
});
