export * from './consent.events';
export * from './consent.internal-api';
