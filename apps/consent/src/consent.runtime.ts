import { consentEventContracts, ContractRegistry } from '@cfc/contracts';
import { migrateEventing, PostgresEventStore, type SqlDatabase } from '@cfc/eventing';
import type { Clock, InternalClient, MetricsSources } from '@cfc/platform';
import { AuthorizationStreams } from './authorizations/authorization.streams';
import { StreamLocks } from './authorizations/stream-locks';
import { HttpBindingDirectory } from './bindings/http.binding-directory';
import { CheckAuthorizationService } from './check-authorization/check-authorization.service';
import { EnterpriseAuthorizationsService } from './enterprise-authorizations/enterprise-authorizations.service';
import { AuthorizationListQuery } from './read-model/authorization-list.query';
import { RequestAuthorizationService } from './request-authorization/request-authorization.service';
import { HttpSubjectDirectory } from './subjects/http.subject-directory';

/** Everything consent's controllers and background work use, built once at start. */
export interface ConsentRuntime {
  db: SqlDatabase;
  clock: Clock;
  streams: AuthorizationStreams;
  list: AuthorizationListQuery;
  requests: RequestAuthorizationService;
  enterprises: EnterpriseAuthorizationsService;
  checks: CheckAuthorizationService;
}

/** DI token of the ConsentRuntime. */
export const CONSENT_RUNTIME = Symbol('CONSENT_RUNTIME');

/** Migrates the event store and wires the use cases to identity and binding over internal HTTP. */
export async function createConsentRuntime(db: SqlDatabase, internal: InternalClient, clock: Clock, metrics?: MetricsSources): Promise<ConsentRuntime> {
  await migrateEventing(db);
  const store = new PostgresEventStore(db, { contracts: new ContractRegistry(consentEventContracts), now: () => clock.now() });
  const streams = new AuthorizationStreams(store, clock, new StreamLocks());
  const bindings = new HttpBindingDirectory(internal);
  const checks = new CheckAuthorizationService(streams, bindings, clock);
  metrics?.register('consent-checks', () => checks.metrics.render());
  return {
    db,
    clock,
    streams,
    list: new AuthorizationListQuery(db),
    requests: new RequestAuthorizationService(streams, new HttpSubjectDirectory(internal), bindings),
    enterprises: new EnterpriseAuthorizationsService(streams, bindings, clock),
    checks,
  };
}
