// @cfc/platform: shared plumbing only (config, logging, health, database, messaging). No business rules.
export * from './kafka';
export { silentLogger, type PlatformLogger } from './logging/logger.port';
