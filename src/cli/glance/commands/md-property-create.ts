import { command } from '../../command.js';
import { checkedArg } from '../../flags/args.js';
import { text } from '../../flags/flag.js';
import { checkRecord, requireArguments, updateWithSchema } from '../support/metadef-items.js';
import { printDict } from '../support/v2-commands.js';

const USAGE = `glance md-property-create --name <NAME> --title <TITLE> --schema
                                 <SCHEMA>
                                 <NAMESPACE>`;

export const mdPropertyCreate = command({
  spec: {
    name: 'md-property-create',
    summary: 'Create a new metadata definitions property inside a namespace.',
    example: 'glance md-property-create <NAMESPACE> --name <NAME> --title <TITLE> --schema <SCHEMA>',
    args: { namespace: checkedArg('<NAMESPACE>', 'Name of namespace the property will belong.') },
    options: {
      name: text('--name <NAME>', 'Internal name of a property.'),
      title: text('--title <TITLE>', 'Property name displayed to the user.'),
      schema: text('--schema <SCHEMA>', 'Valid JSON schema of a property.'),
    },
    output: 'record',
  },
  parse({ args, flags }) {
    requireArguments(USAGE, [
      ['<NAMESPACE>', args.namespace],
      ['--name', flags.name],
      ['--title', flags.title],
      ['--schema', flags.schema],
    ]);
    return { namespace: args.namespace!, name: flags.name!, title: flags.title!, schema: flags.schema! };
  },
  async run(options, deps) {
    const fields = updateWithSchema({ name: options.name, title: options.title }, options.schema);
    const api = (await deps.image()).metadefProperties;
    checkRecord(await api.schema(), fields);
    printDict(deps, await api.create(options.namespace, fields));
  },
});
