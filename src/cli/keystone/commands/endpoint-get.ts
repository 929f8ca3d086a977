import { CliError, UsageError } from '../../../errors.js';
import { command } from '../../command.js';
import { optionalArg } from '../../flags/args.js';
import { text, withDefault } from '../../flags/flag.js';
import { tokenCatalog } from '../support/catalog-access.js';
import { classicRecord, endpointRecord } from '../support/records.js';

export const endpointGet = command({
  spec: {
    name: 'endpoint-get',
    summary: 'Find endpoint filtered by a specific attribute or service type (or show the endpoint with an ID).',
    example: 'keystone endpoint-get --service image',
    // Beyond the classic: an endpoint id, as endpoint-create and endpoint-list print it.
    args: { id: optionalArg('[endpoint-id]', 'ID of an endpoint (as endpoint-list prints it) to display.') },
    options: {
      service: text('--service <service-type>', 'Service type to select.'),
      endpointType: withDefault(text('--endpoint-type <endpoint-type>', 'Endpoint type to select.', { spellings: ['--endpoint_type'] }), 'publicURL'),
      attr: text('--attr <service-attribute>', 'Service attribute to match for selection.'),
      value: text('--value <value>', 'Value of attribute to match.'),
    },
    output: 'record',
  },
  parse: ({ flags, args }) => {
    if (!args.id && !flags.service) throw new UsageError('keystone endpoint-get: error: give an <endpoint-id> or --service <service-type>');
    return { id: args.id, service: flags.service, endpointType: flags.endpointType, attr: flags.attr, value: flags.value };
  },
  async run(options, deps) {
    if (options.id) {
      const endpoint = await (await deps.identity()).classicEndpoints.find(options.id);
      if (!endpoint) throw new CliError(`No endpoint with an ID of '${options.id}' exists.`);
      deps.print.record(endpointRecord(endpoint));
      return;
    }
    if ((options.attr === undefined) !== (options.value === undefined)) {
      deps.stdout.write('Both --attr and --value required.\n');
      return;
    }
    const service = options.service!;
    const type = options.endpointType;
    const region = (await deps.session()).credentials.regionName;
    const url = (await tokenCatalog(deps))
      .filter((s) => s.type === service)
      .flatMap((s) => s.endpoints)
      .filter((e) => !region || e.region?.toLowerCase() === region.toLowerCase())
      .map((e): Record<string, string | null | undefined> => ({ ...e }))
      .filter((e) => options.attr === undefined || String(e[options.attr]) === options.value)
      .map((e) => e[type])
      .find((u) => u !== undefined);
    if (url === undefined) throw new CliError(`${type} endpoint for ${service} service${region ? ` in ${region} region` : ''} not found`);
    deps.print.record(classicRecord({ [`${service}.${type}`]: url }));
  },
});
