export * from './binding.events';
export * from './binding.internal-api';
export * from './binding.internal-api.schema';
