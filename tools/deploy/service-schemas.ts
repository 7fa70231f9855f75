import type { ConfigSchema } from '@cfc/platform';
import { auditConfig } from '../../apps/audit/src/audit.config';
import { bindingConfig } from '../../apps/binding/src/binding.config';
import { consentConfig } from '../../apps/consent/src/consent.config';
import { gatewayConfig } from '../../apps/gateway/src/gateway.config';
import { identityConfig } from '../../apps/identity/src/identity.config';
import { ingestionConfig } from '../../apps/ingestion/src/ingestion.config';
import { reportConfig } from '../../apps/report/src/report.config';

/** Every service's config schema, by service name: what the compose file and deploy/README.md are checked against. */
export const serviceSchemas: Record<string, ConfigSchema> = {
  gateway: gatewayConfig,
  identity: identityConfig,
  binding: bindingConfig,
  consent: consentConfig,
  ingestion: ingestionConfig,
  report: reportConfig,
  audit: auditConfig,
};
