import { type ConfigValues, defineConfig, platformVariables } from '@cfc/platform';
import { frontDoorVariables } from './front-door/front-door.variables';

/** Every environment variable the gateway service reads (validated at boot; listed in deploy/README.md). */
export const gatewayConfig = defineConfig({
  ...platformVariables(8080),
  ...frontDoorVariables,
  IDENTITY_URL: { type: 'url', default: 'http://127.0.0.1:8081', protocols: ['http', 'https'], description: 'internal base URL of the identity service' },
  BINDING_URL: { type: 'url', default: 'http://127.0.0.1:8082', protocols: ['http', 'https'], description: 'internal base URL of the binding service' },
  CONSENT_URL: { type: 'url', default: 'http://127.0.0.1:8083', protocols: ['http', 'https'], description: 'internal base URL of the consent service' },
  REPORT_URL: { type: 'url', default: 'http://127.0.0.1:8085', protocols: ['http', 'https'], description: 'internal base URL of the report service' },
  AUDIT_URL: { type: 'url', default: 'http://127.0.0.1:8086', protocols: ['http', 'https'], description: 'internal base URL of the audit service' },
});

export type GatewayConfig = ConfigValues<typeof gatewayConfig>;
