import { type ConfigValues, defineConfig, platformVariables, serviceUrlVariables } from '@cfc/platform';

/** Every environment variable the binding service reads (validated at boot; listed in deploy/README.md). */
export const bindingConfig = defineConfig({
  ...platformVariables(8082),
  ...serviceUrlVariables('identity'),
  BINDING_EXPIRY_SWEEP_SECONDS: {
    type: 'int',
    default: 60,
    min: 1,
    max: 3600,
    description: 'how often unanswered binding requests past their 7 days are recorded as binding.expired (reads say EXPIRED at once regardless)',
  },
});

export type BindingConfig = ConfigValues<typeof bindingConfig>;
