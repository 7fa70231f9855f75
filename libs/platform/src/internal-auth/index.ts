export { ServiceTokens, type OnBehalfOf, type ServiceCaller } from '@cfc/contracts';
export { Caller, OwnAuthentication, principalId, SERVICE_AUTH, SERVICE_TOKEN_HEADER, ServiceAuthGuard, type ServiceAuth } from './service-auth.guard';
export { INTERNAL_CLIENT, InternalClient, type InternalRequest } from './internal.client';
export { serviceUrlVariables, serviceUrlsFrom, SERVICE_PORT_OFFSETS, type InternalServiceName } from './service-urls';
export { ProviderDirectory, type ProviderDirectoryOptions } from './provider.directory';
