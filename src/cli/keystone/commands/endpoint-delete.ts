import { CliError } from '../../../errors.js';
import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';

export const endpointDelete = command({
  spec: {
    name: 'endpoint-delete',
    summary: 'Delete a service endpoint (all its URLs: public, internal, admin).',
    example: 'keystone endpoint-delete 8370abfa431a48c79e9005e82e72d3d7',
    args: { id: requiredArg('<endpoint-id>', 'ID of endpoint to delete.') },
    output: 'none',
  },
  parse: ({ args }) => ({ id: args.id }),
  async run(options, deps) {
    const identity = await deps.identity();
    const endpoint = await identity.classicEndpoints.find(options.id);
    // The classic text; as an error (stderr, exit 1) where the classic printed it and exited 0.
    if (!endpoint) throw new CliError(`Unable to delete endpoint: no endpoint with an ID of '${options.id}' exists.`);
    await identity.classicEndpoints.delete(endpoint);
    deps.stdout.write('Endpoint has been deleted.\n');
  },
});
