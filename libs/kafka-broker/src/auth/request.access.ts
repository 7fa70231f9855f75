import type { BrokerLog } from '../broker.context';
import { CLUSTER_NAME, type AclOperation, type Principal, type ResourceType } from './acl.types';
import type { BrokerSecurity } from './broker.security';

/** What an API handler asks before touching a resource; a denial is counted and logged (no secrets). */
export interface RequestAccess {
  topic(operation: AclOperation, name: string): boolean;
  group(operation: AclOperation, name: string): boolean;
  cluster(operation: AclOperation): boolean;
  /** Any TOPIC rule with this operation (Kafka's authorizeByResourceType, used by InitProducerId). */
  anyTopic(operation: AclOperation): boolean;
  /** A silent check, for filtering listings (Kafka does not log those either). */
  sees(type: ResourceType, operation: AclOperation, name: string): boolean;
}

/** Auth off: everything is allowed. */
export const ALLOW_ALL: RequestAccess = { topic: () => true, group: () => true, cluster: () => true, anyTopic: () => true, sees: () => true };

/** The access checker of one request, for the connection's principal. */
export function requestAccess(security: BrokerSecurity, principal: Principal, api: string, remote: string, log: BrokerLog): RequestAccess {
  if (!security.enabled) return ALLOW_ALL;
  const authorizer = security.store.authorizer;
  const check = (operation: AclOperation, type: ResourceType, name: string): boolean => {
    if (authorizer.allows(principal, operation, type, name)) return true;
    security.stats.authorizationsDenied++;
    log('warn', 'authorization denied', { principal, operation, resourceType: type, resource: name, api, remote });
    return false;
  };
  return {
    topic: (operation, name) => check(operation, 'TOPIC', name),
    group: (operation, name) => check(operation, 'GROUP', name),
    cluster: (operation) => check(operation, 'CLUSTER', CLUSTER_NAME),
    anyTopic: (operation) => {
      if (authorizer.allowsAny(principal, operation, 'TOPIC')) return true;
      security.stats.authorizationsDenied++;
      log('warn', 'authorization denied', { principal, operation, resourceType: 'TOPIC', resource: '(any)', api, remote });
      return false;
    },
    sees: (type, operation, name) => authorizer.allows(principal, operation, type, type === 'CLUSTER' ? CLUSTER_NAME : name),
  };
}
