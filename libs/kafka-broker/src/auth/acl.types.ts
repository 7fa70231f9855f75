// ACL vocabulary, as Apache Kafka names it (kafka-acls.sh --operation, --resource-pattern-type).

export const RESOURCE_TYPES = ['TOPIC', 'GROUP', 'CLUSTER'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const PATTERN_TYPES = ['LITERAL', 'PREFIXED'] as const;
export type PatternType = (typeof PATTERN_TYPES)[number];

export const ACL_OPERATIONS = ['ALL', 'READ', 'WRITE', 'CREATE', 'DELETE', 'ALTER', 'DESCRIBE', 'IDEMPOTENT_WRITE'] as const;
export type AclOperation = (typeof ACL_OPERATIONS)[number];

/** The one cluster resource's name, as in Kafka. */
export const CLUSTER_NAME = 'kafka-cluster';

/** `User:<name>`, Kafka's principal form; `User:*` matches every user. */
export type Principal = `User:${string}`;

/** One allow rule. There are no deny rules: what no rule allows is denied. */
export interface AclRule {
  readonly principal: Principal;
  readonly resourceType: ResourceType;
  readonly patternType: PatternType;
  /** A literal name (`*` = every resource of the type) or a prefix. */
  readonly resourceName: string;
  readonly operation: AclOperation;
}

export function userPrincipal(username: string): Principal {
  return `User:${username}`;
}
