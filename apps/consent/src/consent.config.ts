import { type ConfigValues, defineConfig, platformVariables } from '@cfc/platform';

/** Every environment variable the consent service reads (validated at boot; listed in deploy/README.md). */
export const consentConfig = defineConfig({
  ...platformVariables(8083),
});

export type ConsentConfig = ConfigValues<typeof consentConfig>;
