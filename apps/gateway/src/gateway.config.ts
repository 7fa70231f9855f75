import { type ConfigValues, defineConfig, platformVariables, serviceUrlVariables } from '@cfc/platform';
import { frontDoorVariables } from './front-door/front-door.variables';
import { portalVariables } from './portal/portal.variables';

/** Every environment variable the gateway service reads (validated at boot; listed in deploy/README.md). */
export const gatewayConfig = defineConfig({
  ...platformVariables(8080),
  ...frontDoorVariables,
  ...portalVariables,
  ...serviceUrlVariables('identity', 'binding', 'consent', 'ingestion', 'report', 'audit'),
});

export type GatewayConfig = ConfigValues<typeof gatewayConfig>;
