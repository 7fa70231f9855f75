
/** The internal services and their offset from the first internal port (8081 by default). */
export const SERVICE_PORT_OFFSETS = { identity: 0, binding: 1, consent: 2, ingestion: 3, report: 4, audit: 5 } as const;
export type InternalServiceName = keyof typeof SERVICE_PORT_OFFSETS;

const variableOf = (service: string) => `${service.toUpperCase()}_URL`;

type UrlSpec = { type: 'url'; default: string; protocols: readonly string[]; description: string };

/** Config entries `<SERVICE>_URL` for the services a service calls, defaulting to the embedded ports. */
export function serviceUrlVariables<const S extends InternalServiceName>(...services: S[]): Record<`${Uppercase<S>}_URL`, UrlSpec> {
  const entries = services.map((s): [string, UrlSpec] => [
    variableOf(s),
    { type: 'url', default: `http://127.0.0.1:${8081 + SERVICE_PORT_OFFSETS[s]}`, protocols: ['http', 'https'], description: `internal base URL of the ${s} service` },
  ]);
  return Object.fromEntries(entries) as Record<`${Uppercase<S>}_URL`, UrlSpec>;
}

/** The base URLs a service's config names, by service (e.g. { identity: 'http://127.0.0.1:8081' }). */
export function serviceUrlsFrom(config: Readonly<Record<string, unknown>>): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const service of Object.keys(SERVICE_PORT_OFFSETS)) {
    const value = config[variableOf(service)];
    if (typeof value === 'string') urls[service] = value;
  }
  return urls;
}
