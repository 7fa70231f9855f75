import { type ConfigValues, defineConfig, platformVariables } from '@cfc/platform';

/** Every environment variable the identity service reads (validated at boot; listed in deploy/README.md). */
export const identityConfig = defineConfig({
  ...platformVariables(8081),
});

export type IdentityConfig = ConfigValues<typeof identityConfig>;
