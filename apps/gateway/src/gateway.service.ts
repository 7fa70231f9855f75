import type { ServiceDefinition } from '@cfc/platform';
import { gatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { configureFrontDoor } from './front-door/front-door.configure';

/** The gateway service as the platform runs it: its config schema, modules and migrations (oldest first). */
export const gatewayService: ServiceDefinition<typeof gatewayConfig> = {
  name: 'gateway',
  schema: gatewayConfig,
  imports: [GatewayModule],
  migrations: [],
  publicEdge: true,
  configure: configureFrontDoor,
};
