import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { text, requireFlags } from '../../flags/flag.js';
import { printMetadefObject } from '../support/metadef-views.js';
import { checkRecord, updateWithSchema } from '../support/metadef-items.js';

const EXAMPLE = 'glance md-object-create --name <NAME> --schema <SCHEMA> <NAMESPACE>';

export const mdObjectCreate = command({
  spec: {
    name: 'md-object-create',
    glanceclientErrors: true,
    summary: 'Create a new metadata definitions object inside a namespace.',
    example: EXAMPLE,
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of namespace the object will belong.') },
    options: {
      name: text('--name <NAME>', 'Internal name of an object.'),
      schema: text('--schema <SCHEMA>', 'Valid JSON schema of an object.'),
    },
    output: 'record',
  },
  parse({ args, flags }) {
    requireFlags({ '--name': flags.name, '--schema': flags.schema });
    return { namespace: args.namespace, name: flags.name!, schema: flags.schema! };
  },
  async run(options, deps) {
    const fields = updateWithSchema({ name: options.name }, options.schema);
    const api = (await deps.image()).metadefObjects;
    checkRecord(await api.schema(), fields);
    printMetadefObject(deps, await api.create(options.namespace, fields));
  },
});
