export * from './ingestion.events';
export * from './submission.events';
export * from './dead-letter.events';
export * from './objection.events';
export * from './ingestion.contracts';
