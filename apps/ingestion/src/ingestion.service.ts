import type { ServiceDefinition } from '@cfc/platform';
import { ingestionConfig } from './ingestion.config';
import { IngestionModule } from './ingestion.module';

/** The ingestion service as the platform runs it: its config schema, modules and migrations (oldest first). */
export const ingestionService: ServiceDefinition<typeof ingestionConfig> = {
  name: 'ingestion',
  schema: ingestionConfig,
  imports: [IngestionModule],
  migrations: [],
};
