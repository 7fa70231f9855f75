import type { AuditEntry } from '@cfc/contracts';
import type { InstitutionNames } from '../audited-types/audited-type';

/** Institution names as the stream has told them so far (institution.registered entries), in seq order. */
export class InstitutionDirectory implements InstitutionNames {
  private readonly names = new Map<string, string>();

  constructor(known: Iterable<[string, string]> = []) {
    for (const [id, name] of known) this.names.set(id, name);
  }

  nameOf(institutionId: string): string | undefined {
    return this.names.get(institutionId);
  }

  /** The name an entry registers, if it is an institution.registered entry with one. */
  static registered(entry: AuditEntry): [string, string] | undefined {
    if (entry.type !== 'institution.registered') return undefined;
    const { institutionId, name } = entry.data as { institutionId?: unknown; name?: unknown };
    return typeof institutionId === 'string' && typeof name === 'string' ? [institutionId, name] : undefined;
  }

  /** Learns from one entry; returns the (id, name) it learnt, if any. */
  learn(entry: AuditEntry): [string, string] | undefined {
    const registered = InstitutionDirectory.registered(entry);
    if (registered) this.names.set(...registered);
    return registered;
  }
}
