import type { ServiceDefinition } from '@cfc/platform';
import { identityConfig } from './identity.config';
/** The identity service as the platform runs it: its config schema, modules and migrations (oldest first). */
export declare const identityService: ServiceDefinition<typeof identityConfig>;
