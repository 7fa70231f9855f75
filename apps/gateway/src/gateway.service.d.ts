import type { ServiceDefinition } from '@cfc/platform';
import { gatewayConfig } from './gateway.config';
/** The gateway service as the platform runs it: its config schema, modules and migrations (oldest first). */
export declare const gatewayService: ServiceDefinition<typeof gatewayConfig>;
