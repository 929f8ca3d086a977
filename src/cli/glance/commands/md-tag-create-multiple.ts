import { CliError } from '../../../errors.js';
import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { presence, text, requireFlags } from '../../flags/flag.js';
import { checkRecord } from '../support/metadef-items.js';
import { printPyList } from '../support/v2-commands.js';

export const mdTagCreateMultiple = command({
  spec: {
    name: 'md-tag-create-multiple',
    glanceclientErrors: true,
    summary: 'Create new metadata definitions tags inside a namespace.',
    example: 'glance md-tag-create-multiple <NAMESPACE> --names <NAMES>',
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of the namespace the tags will belong to.') },
    options: {
      names: text('--names <NAMES>', 'A comma separated list of tag names.'),
      delim: text('--delim <DELIM>', 'The delimiter used to separate the names (if none is provided then the default is a comma).'),
      // glanceclient's own words, missing space included.
      append: presence('--append', 'Append the new tags to the existing ones instead ofoverwriting them'),
    },
    output: 'list',
  },
  parse({ args, flags }) {
    requireFlags({ '--names': flags.names });
    return { namespace: args.namespace, names: flags.names!, delim: flags.delim || ',', append: flags.append };
  },
  async run(options, deps) {
    const names = options.names
      .split(options.delim)
      .map((name) => name.trim())
      .filter(Boolean);
    if (names.length === 0) throw new CliError('Please supply at least one tag name. For example: --names Tag1');
    const api = (await deps.image()).metadefTags;
    const schema = await api.schema();
    for (const name of names) checkRecord(schema, { name });
    // glanceclient 4.1.0 sends the X-Openstack-Append header as the boolean True, which fails
    // while the request is built: --append never reaches the server, and this is what it prints.
    if (options.append) throw new CliError('quote_from_bytes() expected bytes');
    const tags = await api.createMany(options.namespace, names);
    printPyList(deps, { columns: ['name'], rows: tags.map((tag) => [tag.name]) });
  },
});
