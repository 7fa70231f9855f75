import type { ServiceDefinition } from '@cfc/platform';
import { gatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { configureFrontDoor } from './front-door/front-door.configure';
import { MAX_BODY_BYTES } from './front-door/front-door.middleware';

/** The gateway service as the platform runs it: its config schema, modules and migrations (oldest first). */
export const gatewayService: ServiceDefinition<typeof gatewayConfig> = {
  name: 'gateway',
  schema: gatewayConfig,
  imports: [GatewayModule],
  migrations: [],
  publicEdge: true,
  configure: configureFrontDoor,
  maxBodyBytes: MAX_BODY_BYTES,
};
