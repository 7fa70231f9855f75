import type { ServiceDefinition } from '@cfc/platform';
import { bindingConfig } from './binding.config';
import { BindingModule } from './binding.module';

/** The binding service as the platform runs it: its config schema, modules and migrations (oldest first). */
export const bindingService: ServiceDefinition<typeof bindingConfig> = {
  name: 'binding',
  schema: bindingConfig,
  imports: [BindingModule],
  migrations: [],
};
