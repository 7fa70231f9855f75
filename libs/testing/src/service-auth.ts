import { ServiceTokens, type ServiceCaller } from '@cfc/contracts';

/** The internal-auth secret of services started in tests (INTERNAL_AUTH_SECRET). */
export const TEST_INTERNAL_AUTH_SECRET = 'test-only-internal-auth-secret-0123456789abcdef';

/**
 * Headers of a call to `audience` as another CFC service would send them (by default as the gateway,
 * acting for `onBehalf`): what a test needs to call a service's internal routes directly.
 */
export async function serviceAuthHeaders(audience: string, onBehalf: Omit<ServiceCaller, 'service'> = {}, caller = 'gateway'): Promise<Record<string, string>> {
  return { 'x-cfc-service-token': await new ServiceTokens(TEST_INTERNAL_AUTH_SECRET, caller).sign(audience, onBehalf) };
}
