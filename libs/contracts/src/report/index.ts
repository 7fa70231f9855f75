export * from './report.events';
