import { randomBytes } from 'node:crypto';
import { pgDatabase } from '@cfc/eventing';
import { createTestDatabase, describeIntegration, type TestDatabase } from '@cfc/testing';
import { Pool } from 'pg';
import { piiKeyRingFromConfig } from '../crypto/pii.cipher';
import { migrateIdentity } from '../identity.migration';
import { EmbeddedEnterpriseRegistry, type RegistryEntry } from './embedded.enterprise-registry';

const ring = piiKeyRingFromConfig(`k1:${randomBytes(32).toString('base64')}`, randomBytes(32).toString('base64'));
const entry: RegistryEntry = { uscc: '91110000600037341L', name: '北京示例科技有限公司', legalRepName: '张伟', legalRepIdNumber: '11010519491231002X', mobile: '13800138000' };

describeIntegration('embedded enterprise registry', () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase('registry');
    pool = new Pool({ connectionString: database.url, max: 2 });
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('upgrades a registry that held names in clear: the column goes, and rows match again once rewritten', async () => {
    await pool.query(`CREATE SCHEMA identity`);
    await pool.query(`CREATE TABLE identity.registry_enterprises (uscc text PRIMARY KEY, name text NOT NULL, legal_rep_name text NOT NULL,
      legal_rep_id_sealed text NOT NULL, legal_rep_id_lookup text NOT NULL, mobile_sealed text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
    await pool.query(`INSERT INTO identity.registry_enterprises VALUES ($1, $2, $3, 'sealed', 'lookup', 'sealed')`, [entry.uscc, entry.name, entry.legalRepName]);
    await migrateIdentity(pgDatabase(pool));
    const columns = (await pool.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'identity' AND table_name = 'registry_enterprises'`)).rows.map((r) => r.column_name);
    expect(columns).not.toContain('legal_rep_name');
    expect(JSON.stringify((await pool.query(`SELECT * FROM identity.registry_enterprises`)).rows)).not.toContain(entry.legalRepName);

    const registry = new EmbeddedEnterpriseRegistry(pgDatabase(pool), ring);
    expect(await registry.match(entry.uscc, entry.legalRepName, entry.legalRepIdNumber)).toEqual({ matched: false });
    await registry.upsert([entry]);
    expect(await registry.match(entry.uscc, entry.legalRepName, entry.legalRepIdNumber)).toEqual({ matched: true, uscc: entry.uscc, enterpriseName: entry.name, mobile: entry.mobile });
  });

  it('stores the name sealed, matches it however it is spaced or composed, and refuses another name', async () => {
    const registry = new EmbeddedEnterpriseRegistry(pgDatabase(pool), ring);
    const other = { ...entry, uscc: '91310000MA1FL4B24G', legalRepName: 'Zoë Lin' };
    await registry.upsert([other]);
    const row = (await pool.query(`SELECT * FROM identity.registry_enterprises WHERE uscc = $1`, [other.uscc])).rows[0];
    expect(JSON.stringify(row)).not.toContain('Zoë');
    expect(row.legal_rep_name_sealed).toMatch(/^v1\.k1\./);
    expect((await registry.match(other.uscc, ' Zoe\u0308 Lin ', other.legalRepIdNumber)).matched).toBe(true); // decomposed ë, stray spaces
    expect((await registry.match(other.uscc, 'Zoe Lin', other.legalRepIdNumber)).matched).toBe(false);
    expect((await registry.match(other.uscc, other.legalRepName, '110105194912310029')).matched).toBe(false);
  });
});
