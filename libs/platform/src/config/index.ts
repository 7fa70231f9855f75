export { defineConfig, isRequired, type ConfigSchema, type ConfigValues, type VariableSpec } from './config.schema';
export { ConfigError, loadConfig } from './config.loader';
export { platformVariables, type PlatformSchema } from './platform.variables';
