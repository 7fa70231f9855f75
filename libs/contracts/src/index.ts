// @cfc/contracts: every event and message that crosses a service boundary, and the names they travel under.
export * from './audit/audit-entry';
export * from './common/common.schema';
export * from './common/common.types';
export { isValidUscc, usccCheckCharacter, usccProblem, USCC_CHARSET, type UsccProblem } from './common/uscc';
export * from './consumer-groups';
export * from './contexts';
export * from './envelope/envelope';
export * from './headers';
export * from './identity';
export * from './kafka-permissions';
export * from './provider';
export * from './schema/contract-registry';
export * from './schema/event-contract';
export * from './schema/validator';
export * from './topics';
