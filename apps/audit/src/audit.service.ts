import type { ServiceDefinition } from '@cfc/platform';
import { auditConfig } from './audit.config';
import { AuditModule } from './audit.module';

/** The audit service as the platform runs it: its config schema, modules and migrations (oldest first). */
export const auditService: ServiceDefinition<typeof auditConfig> = {
  name: 'audit',
  schema: auditConfig,
  imports: [AuditModule],
  migrations: [],
};
