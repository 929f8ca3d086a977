import type { ClassicCatalogService } from '../../../api/identity/classic-endpoints.js';
import { classicCatalog } from '../../../api/identity/classic-endpoints.js';
import { CliError } from '../../../errors.js';
import type { Deps } from '../../deps.js';

/** The token's catalog in v2.0 shape; token mode has none (keystoneclient's require_service_catalog). */
export async function tokenCatalog(deps: Deps): Promise<ClassicCatalogService[]> {
  const identity = await deps.identity();
  if (identity.session.tokenMode) {
    throw new CliError(
      'Configuration error: Client configured to run without a service catalog. Run the client using --os-auth-url or OS_AUTH_URL, instead of --os-endpoint or OS_SERVICE_ENDPOINT, for example.',
    );
  }
  return classicCatalog(await identity.tokens.catalog());
}
