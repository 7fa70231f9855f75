import type { ServiceDefinition } from '@cfc/platform';
import { identityConfig } from './identity.config';
import { IdentityModule } from './identity.module';

/** The identity service as the platform runs it: its config schema, modules and migrations (oldest first). */
export const identityService: ServiceDefinition<typeof identityConfig> = {
  name: 'identity',
  schema: identityConfig,
  imports: [IdentityModule],
  migrations: [],
};
