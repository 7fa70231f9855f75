export * from './audit-requests.dto';
export * from './audit-views.dto';
