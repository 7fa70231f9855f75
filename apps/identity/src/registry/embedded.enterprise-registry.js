"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EmbeddedEnterpriseRegistry = void 0;
const pii_cipher_1 = require("../crypto/pii.cipher");
const constant_time_equal_1 = require("../domain/constant-time-equal");
// One spelling per name for its keyed hash: the same characters may arrive composed or decomposed.
const nameLookup = (pii, name) => (0, pii_cipher_1.piiLookupHash)(pii, name.trim().normalize('NFC'));
/** The embedded registry: identity's own table, seeded from the demo data set, personal data sealed. */
class EmbeddedEnterpriseRegistry {
    db;
    pii;
    constructor(db, pii) {
        this.db = db;
        this.pii = pii;
    }
    async match(uscc, legalRepName, legalRepIdNumber) {
        const { rows } = await this.db.query(`SELECT name, legal_rep_name_lookup, legal_rep_id_lookup, mobile_sealed FROM identity.registry_enterprises WHERE uscc = $1`, [uscc]);
        const row = rows[0];
        // Compare both facts every time, so timing says nothing about which one differed.
        const idMatches = (0, constant_time_equal_1.constantTimeEqual)((0, pii_cipher_1.piiLookupHash)(this.pii, legalRepIdNumber), row?.legal_rep_id_lookup ?? '');
        const nameMatches = (0, constant_time_equal_1.constantTimeEqual)(nameLookup(this.pii, legalRepName), row?.legal_rep_name_lookup ?? '');
        if (!row || !idMatches || !nameMatches)
            return { matched: false };
        return { matched: true, uscc, enterpriseName: row.name, mobile: (0, pii_cipher_1.decryptPii)(this.pii, row.mobile_sealed) };
    }
    /** Inserts or refreshes entries (demo seeding, or an import from a registry extract). */
    async upsert(entries) {
        for (const e of entries) {
            await this.db.query(`INSERT INTO identity.registry_enterprises (uscc, name, legal_rep_name_sealed, legal_rep_name_lookup, legal_rep_id_sealed, legal_rep_id_lookup, mobile_sealed)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (uscc) DO UPDATE SET name = excluded.name, legal_rep_name_sealed = excluded.legal_rep_name_sealed,
           legal_rep_name_lookup = excluded.legal_rep_name_lookup, legal_rep_id_sealed = excluded.legal_rep_id_sealed,
           legal_rep_id_lookup = excluded.legal_rep_id_lookup, mobile_sealed = excluded.mobile_sealed, updated_at = now()
         WHERE registry_enterprises.legal_rep_id_lookup IS DISTINCT FROM excluded.legal_rep_id_lookup
            OR registry_enterprises.name IS DISTINCT FROM excluded.name
            OR registry_enterprises.legal_rep_name_lookup IS DISTINCT FROM excluded.legal_rep_name_lookup`, [
                e.uscc,
                e.name,
                (0, pii_cipher_1.encryptPii)(this.pii, e.legalRepName),
                nameLookup(this.pii, e.legalRepName),
                (0, pii_cipher_1.encryptPii)(this.pii, e.legalRepIdNumber),
                (0, pii_cipher_1.piiLookupHash)(this.pii, e.legalRepIdNumber),
                (0, pii_cipher_1.encryptPii)(this.pii, e.mobile),
            ]);
        }
    }
}
exports.EmbeddedEnterpriseRegistry = EmbeddedEnterpriseRegistry;
//# sourceMappingURL=embedded.enterprise-registry.js.map