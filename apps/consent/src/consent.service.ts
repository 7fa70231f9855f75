import type { ServiceDefinition } from '@cfc/platform';
import { consentConfig } from './consent.config';
import { ConsentModule } from './consent.module';

/** The consent service as the platform runs it: its config schema, modules and migrations (oldest first). */
export const consentService: ServiceDefinition<typeof consentConfig> = {
  name: 'consent',
  schema: consentConfig,
  imports: [ConsentModule],
  migrations: [],
};
