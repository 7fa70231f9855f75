export * from './ingestion.events';
