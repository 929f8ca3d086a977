import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { text } from '../../flags/flag.js';
import { checkBody, schemaFields } from '../support/metadefs.js';
import { printDict } from '../support/v2-commands.js';

export interface Options {
  namespace: string;
  fields: Array<readonly [string, unknown]>;
}

export const mdResourceTypeAssociate = command({
  spec: {
    name: 'md-resource-type-associate',
    summary: 'Associate resource type with a metadata definitions namespace.',
    example: 'glance md-resource-type-associate <NAMESPACE> --name OS::Glance::Image --prefix hw_',
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of namespace.') },
    // From the resource type schema, in glanceclient's order (the schema's, reversed).
    options: {
      updated_at: text('--updated-at <UPDATED_AT>', 'Date and time of the last resource type association modification.'),
      created_at: text('--created-at <CREATED_AT>', 'Date and time of resource type association.'),
      properties_target: text(
        '--properties-target <PROPERTIES_TARGET>',
        'Some resource types allow more than one key / value pair per instance.  For example, Cinder allows user and image metadata on volumes. Only the image properties metadata is evaluated by Nova (scheduling or drivers). This property allows a namespace target to remove the ambiguity.',
      ),
      prefix: text(
        '--prefix <PREFIX>',
        'Specifies the prefix to use for the given resource type. Any properties in the namespace should be prefixed with this prefix when being applied to the specified resource type. Must include prefix separator (e.g. a colon :).',
      ),
      name: text(
        '--name <NAME>',
        'Resource type names should be aligned with Heat resource types whenever possible: https://docs.openstack.org/heat/latest/template_guide/openstack.html',
      ),
    },
    // Not 'record': the output flags' --prefix (shell format) would clash with this command's own.
    output: 'none',
  },
  parse: ({ flags, args }): Options => ({ namespace: args.namespace, fields: Object.entries(flags) }),
  async run(options, deps) {
    const api = await deps.image();
    const schema = await api.metadefResourceTypes.schema();
    const body = schemaFields(schema, options.fields);
    checkBody(schema, body);
    printDict(deps, await api.metadefResourceTypes.associate(options.namespace, body));
  },
});
