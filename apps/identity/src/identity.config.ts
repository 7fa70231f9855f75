import { type ConfigValues, defineConfig, platformVariables } from '@cfc/platform';
import { identityVariables } from './identity.variables';

/** Every environment variable the identity service reads (validated at boot; listed in deploy/README.md). */
export const identityConfig = defineConfig({
  ...platformVariables(8081),
  ...identityVariables,
});

export type IdentityConfig = ConfigValues<typeof identityConfig>;
