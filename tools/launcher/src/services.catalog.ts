/** The seven services, in start order, with their offset from the internal port base (gateway has its own). */
export const SERVICES = ['identity', 'binding', 'consent', 'ingestion', 'report', 'audit', 'gateway'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** The variables naming the internal base URL of each service (libs/platform serviceUrlVariables). */
export const SERVICE_URL_VARIABLES: Partial<Record<ServiceName, string>> = {
  identity: 'IDENTITY_URL',
  binding: 'BINDING_URL',
  consent: 'CONSENT_URL',
  ingestion: 'INGESTION_URL',
  report: 'REPORT_URL',
  audit: 'AUDIT_URL',
};

/** Database of a service: one per service, never shared (`<prefix>_<service>`, prefix from CFC_DB_PREFIX). */
export function databaseName(service: ServiceName, prefix = 'cfc'): string {
  return `${prefix}_${service}`;
}
