import type { ServiceDefinition } from '@cfc/platform';
import { bindingConfig } from './binding.config';
import { BindingModule } from './binding.module';
import { PROVIDER_REPLIES } from './provider-replies/provider-replies.transport';

/** The binding service as the platform runs it: its config schema, modules, and its Kafka consumer of provider answers. */
export const bindingService: ServiceDefinition<typeof bindingConfig> = {
  name: 'binding',
  schema: bindingConfig,
  imports: [BindingModule],
  transports: [PROVIDER_REPLIES],
  migrations: [],
};
