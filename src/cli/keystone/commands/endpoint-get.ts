import { CliError, UsageError } from '../../../errors.js';
import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { tokenCatalog } from '../support/catalog-access.js';
import { firstOf } from '../support/flags.js';
import { classicRecord, endpointRecord } from '../support/records.js';

export interface Options {
  /** Beyond the classic: an endpoint id, as endpoint-create and endpoint-list print it. */
  id?: string;
  service?: string;
  endpointType: string;
  attr?: string;
  value?: string;
}

export const endpointGet = command<Options>({
  spec: {
    name: 'endpoint-get',
    summary: 'Find endpoint filtered by a specific attribute or service type (or show the endpoint with an ID).',
    example: 'keystone endpoint-get --service image',
    args: [{ name: '[endpoint-id]', description: 'ID of an endpoint (as endpoint-list prints it) to display.' }],
    options: [
      { flags: '--service <service-type>', description: 'Service type to select.' },
      { flags: '--endpoint-type <endpoint-type>', description: 'Endpoint type to select.', default: 'publicURL' },
      { flags: '--endpoint_type <endpoint-type>', description: 'Same as --endpoint-type', hidden: true },
      { flags: '--attr <service-attribute>', description: 'Service attribute to match for selection.' },
      { flags: '--value <value>', description: 'Value of attribute to match.' },
    ],
    output: 'record',
  },
  parse: (raw) => {
    const options: Options = {
      id: raw.args[0] as string | undefined,
      service: raw.opts.service as string | undefined,
      endpointType: firstOf(raw.opts, 'endpoint_type', 'endpointType')!,
      attr: raw.opts.attr as string | undefined,
      value: raw.opts.value as string | undefined,
    };
    if (!options.id && !options.service) throw new UsageError('keystone endpoint-get: error: give an <endpoint-id> or --service <service-type>');
    return options;
  },
  async run(options: Options, deps: Deps) {
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
      .filter((e) => options.attr === undefined || String((e as unknown as Record<string, unknown>)[options.attr]) === options.value)
      .map((e) => (e as unknown as Record<string, string | undefined>)[type])
      .find((u) => u !== undefined);
    if (url === undefined) throw new CliError(`${type} endpoint for ${service} service${region ? ` in ${region} region` : ''} not found`);
    deps.print.record(classicRecord({ [`${service}.${type}`]: url }));
  },
});
