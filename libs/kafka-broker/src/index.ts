// Public entry point of the embedded Kafka-compatible broker.
export type { AuthOptions, BrokerOptions, RunningBroker } from './broker.options';
export { startBroker } from './broker';
export type { SecurityStats } from './auth/security.stats';
export { ACL_OPERATIONS, CLUSTER_NAME, PATTERN_TYPES, RESOURCE_TYPES, userPrincipal } from './auth/acl.types';
export type { AclOperation, AclRule, PatternType, Principal, ResourceType } from './auth/acl.types';
export { authFileUser, parseAuthFile, type AuthFileContent, type AuthFileUser } from './auth/auth.file';
export { MIN_SCRAM_ITERATIONS, scramCredential, type ScramCredential } from './auth/scram';
export { SASL_MECHANISMS } from './auth/broker.security';
export { buildAuthFile, writeAuthFile, type AuthFileSpec } from './auth/auth-file.writer';
