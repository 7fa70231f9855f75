import { type ConfigValues, defineConfig, platformVariables, serviceUrlVariables } from '@cfc/platform';
import { identityVariables } from './identity.variables';

/** Every environment variable the identity service reads (validated at boot; listed in deploy/README.md). */
export const identityConfig = defineConfig({
  ...platformVariables(8081),
  // binding: whether a binding a declaration names is the enterprise's own and ACTIVE.
  ...serviceUrlVariables('binding'),
  ...identityVariables,
});

export type IdentityConfig = ConfigValues<typeof identityConfig>;
