import { CliError } from '../../../errors.js';
import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { text, requireFlags } from '../../flags/flag.js';
import { applyChanges, withoutSelf } from '../support/metadef-items.js';
import { printDict } from '../support/v2-commands.js';
import { BLANK_TAG } from './md-tag-create.js';

export const mdTagUpdate = command({
  spec: {
    name: 'md-tag-update',
    glanceclientErrors: true,
    summary: 'Rename a metadata definitions tag inside a namespace.',
    example: 'glance md-tag-update <NAMESPACE> <TAG> --name <NAME>',
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of the namespace to which the tag belongs.'), tag: requiredArg('<TAG>', 'Name of the old tag.') },
    options: { name: text('--name <NAME>', 'New name of the new tag.') },
    output: 'record',
  },
  parse({ args, flags }) {
    requireFlags({ '--name': flags.name });
    return { namespace: args.namespace, tag: args.tag, name: flags.name! };
  },
  async run(options, deps) {
    const name = options.name.trim();
    if (!name) throw new CliError(BLANK_TAG);
    const api = (await deps.image()).metadefTags;
    const current = withoutSelf(await api.get(options.namespace, options.tag));
    const { created_at: _created, updated_at: _updated, ...renamed } = applyChanges(await api.schema(), current, { name });
    await api.replace(options.namespace, options.tag, renamed);
    printDict(deps, await api.get(options.namespace, String(renamed.name)));
  },
});
