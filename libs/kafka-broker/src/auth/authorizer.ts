import type { AclOperation, AclRule, Principal, ResourceType } from './acl.types';

// Operations that imply DESCRIBE, as in Kafka's authorizer: whoever may read, write, delete or
// alter a resource may also see it.
const IMPLIES_DESCRIBE: ReadonlySet<AclOperation> = new Set(['READ', 'WRITE', 'DELETE', 'ALTER']);
const CACHE_LIMIT = 10_000;

/** Decides requests from allow rules and super users; immutable, a reload builds a new one. */
export class Authorizer {
  private readonly rulesOf = new Map<string, AclRule[]>();
  private readonly cache = new Map<string, boolean>();

  constructor(
    rules: readonly AclRule[],
    private readonly superUsers: ReadonlySet<Principal>,
  ) {
    for (const rule of rules) {
      const list = this.rulesOf.get(rule.principal) ?? [];
      list.push(rule);
      this.rulesOf.set(rule.principal, list);
    }
  }

  /** May `principal` perform `operation` on the named resource? */
  allows(principal: Principal, operation: AclOperation, type: ResourceType, name: string): boolean {
    if (this.superUsers.has(principal)) return true;
    const key = `${principal}\u0000${operation}\u0000${type}\u0000${name}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const allowed = this.candidates(principal).some((r) => r.resourceType === type && grants(r.operation, operation) && matches(r, name));
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, allowed);
    return allowed;
  }

  /** Does any rule give `principal` this operation on some resource of the type (Kafka's authorizeByResourceType)? */
  allowsAny(principal: Principal, operation: AclOperation, type: ResourceType): boolean {
    if (this.superUsers.has(principal)) return true;
    return this.candidates(principal).some((r) => r.resourceType === type && grants(r.operation, operation));
  }

  private candidates(principal: Principal): AclRule[] {
    return [...(this.rulesOf.get(principal) ?? []), ...(this.rulesOf.get('User:*') ?? [])];
  }
}

function grants(ruleOperation: AclOperation, wanted: AclOperation): boolean {
  return ruleOperation === wanted || ruleOperation === 'ALL' || (wanted === 'DESCRIBE' && IMPLIES_DESCRIBE.has(ruleOperation));
}

function matches(rule: AclRule, name: string): boolean {
  switch (rule.patternType) {
    case 'LITERAL':
      return rule.resourceName === name || rule.resourceName === '*';
    case 'PREFIXED':
      return name.startsWith(rule.resourceName);
    default: {
      const never: never = rule.patternType;
      throw new Error(`unknown pattern type ${String(never)}`);
    }
  }
}
