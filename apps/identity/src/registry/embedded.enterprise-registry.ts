import type { SqlDatabase } from '@cfc/eventing';
import { decryptPii, encryptPii, piiLookupHash, type PiiKeyRing } from '../crypto/pii.cipher';
import { constantTimeEqual } from '../domain/constant-time-equal';
import type { EnterpriseRegistry, RegistryMatch } from './enterprise-registry.port';

export interface RegistryEntry {
  uscc: string;
  name: string;
  legalRepName: string;
  legalRepIdNumber: string;
  mobile: string;
}

interface Row {
  name: string;
  legal_rep_name_lookup: string | null;
  legal_rep_id_lookup: string;
  mobile_sealed: string;
}

// One spelling per name for its keyed hash: the same characters may arrive composed or decomposed.
const nameLookup = (pii: PiiKeyRing, name: string) => piiLookupHash(pii, name.trim().normalize('NFC'));

/** The embedded registry: identity's own table, seeded from the demo data set, personal data sealed. */
export class EmbeddedEnterpriseRegistry implements EnterpriseRegistry {
  constructor(
    private readonly db: SqlDatabase,
    private readonly pii: PiiKeyRing,
  ) {}

  async match(uscc: string, legalRepName: string, legalRepIdNumber: string): Promise<RegistryMatch | { matched: false }> {
    const { rows } = await this.db.query<Row>(
      `SELECT name, legal_rep_name_lookup, legal_rep_id_lookup, mobile_sealed FROM identity.registry_enterprises WHERE uscc = $1`,
      [uscc],
    );
    const row = rows[0];
    // Compare both facts every time, so timing says nothing about which one differed.
    const idMatches = constantTimeEqual(piiLookupHash(this.pii, legalRepIdNumber), row?.legal_rep_id_lookup ?? '');
    const nameMatches = constantTimeEqual(nameLookup(this.pii, legalRepName), row?.legal_rep_name_lookup ?? '');
    if (!row || !idMatches || !nameMatches) return { matched: false };
    return { matched: true, uscc, enterpriseName: row.name, mobile: decryptPii(this.pii, row.mobile_sealed) };
  }

  async exists(uscc: string): Promise<boolean> {
    const { rows } = await this.db.query(`SELECT 1 FROM identity.registry_enterprises WHERE uscc = $1`, [uscc]);
    return rows.length > 0;
  }

  async mobileOf(uscc: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ mobile_sealed: string }>(`SELECT mobile_sealed FROM identity.registry_enterprises WHERE uscc = $1`, [uscc]);
    return rows[0] ? decryptPii(this.pii, rows[0].mobile_sealed) : undefined;
  }

  /** Inserts or refreshes entries (demo seeding, or an import from a registry extract). */
  async upsert(entries: readonly RegistryEntry[]): Promise<void> {
    for (const e of entries) {
      await this.db.query(
        `INSERT INTO identity.registry_enterprises (uscc, name, legal_rep_name_sealed, legal_rep_name_lookup, legal_rep_id_sealed, legal_rep_id_lookup, mobile_sealed)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (uscc) DO UPDATE SET name = excluded.name, legal_rep_name_sealed = excluded.legal_rep_name_sealed,
           legal_rep_name_lookup = excluded.legal_rep_name_lookup, legal_rep_id_sealed = excluded.legal_rep_id_sealed,
           legal_rep_id_lookup = excluded.legal_rep_id_lookup, mobile_sealed = excluded.mobile_sealed, updated_at = now()
         WHERE registry_enterprises.legal_rep_id_lookup IS DISTINCT FROM excluded.legal_rep_id_lookup
            OR registry_enterprises.name IS DISTINCT FROM excluded.name
            OR registry_enterprises.legal_rep_name_lookup IS DISTINCT FROM excluded.legal_rep_name_lookup`,
        [
          e.uscc,
          e.name,
          encryptPii(this.pii, e.legalRepName),
          nameLookup(this.pii, e.legalRepName),
          encryptPii(this.pii, e.legalRepIdNumber),
          piiLookupHash(this.pii, e.legalRepIdNumber),
          encryptPii(this.pii, e.mobile),
        ],
      );
    }
  }
}
