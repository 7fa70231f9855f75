import type { Contract } from './event-contract';
import { ContractViolationError } from './validator';

/**
 * Looks up contracts by (type, schemaVersion), so a boundary that only has a type string (the event
 * store, a consumer) can validate what it writes or reads. Unknown types are a violation, not a pass.
 */
export class ContractRegistry {
  private readonly byKey = new Map<string, Contract<string, unknown>>();

  constructor(contracts: Iterable<Contract<string, unknown>> = []) {
    for (const c of contracts) this.register(c);
  }

  register(contract: Contract<string, unknown>): this {
    const key = `${contract.type}@${contract.schemaVersion}`;
    if (this.byKey.has(key)) throw new Error(`contract ${key} registered twice`);
    this.byKey.set(key, contract);
    return this;
  }

  has(type: string, schemaVersion: number): boolean {
    return this.byKey.has(`${type}@${schemaVersion}`);
  }

  /** Newest registered version of a type, or undefined. */
  latestVersion(type: string): number | undefined {
    let latest: number | undefined;
    for (const c of this.byKey.values()) if (c.type === type && (latest === undefined || c.schemaVersion > latest)) latest = c.schemaVersion;
    return latest;
  }

  /** Throws ContractViolationError when the type is unknown or the body does not match. */
  validate(type: string, schemaVersion: number, body: unknown): void {
    const contract = this.byKey.get(`${type}@${schemaVersion}`);
    if (!contract) throw new ContractViolationError(`${type} v${schemaVersion}`, [{ instancePath: '', message: 'no such contract' }]);
    contract.validate(body);
  }
}
