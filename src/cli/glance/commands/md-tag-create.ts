import { CliError } from '../../../errors.js';
import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { text, requireFlags } from '../../flags/flag.js';
import { printDict } from '../support/v2-commands.js';

export const BLANK_TAG = 'Please supply at least one non-blank tag name.';

export const mdTagCreate = command({
  spec: {
    name: 'md-tag-create',
    glanceclientErrors: true,
    summary: 'Add a new metadata definitions tag inside a namespace.',
    example: 'glance md-tag-create <NAMESPACE> --name <NAME>',
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of the namespace the tag will belong to.') },
    options: { name: text('--name <NAME>', 'The name of the new tag to add.') },
    output: 'record',
  },
  parse({ args, flags }) {
    requireFlags({ '--name': flags.name });
    return { namespace: args.namespace, name: flags.name! };
  },
  async run(options, deps) {
    const name = options.name.trim();
    if (!name) throw new CliError(BLANK_TAG);
    printDict(deps, await (await deps.image()).metadefTags.create(options.namespace, name));
  },
});
