import { type ConfigValues, defineConfig, platformVariables } from '@cfc/platform';

/** Every environment variable the binding service reads (validated at boot; listed in deploy/README.md). */
export const bindingConfig = defineConfig({
  ...platformVariables(8082),
});

export type BindingConfig = ConfigValues<typeof bindingConfig>;
