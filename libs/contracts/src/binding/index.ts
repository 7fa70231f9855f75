export * from './binding.events';
export * from './binding.internal-api';
