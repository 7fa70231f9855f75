import { Pool } from 'pg';
import { bindingEventContracts, ContractRegistry, usccCheckCharacter } from '@cfc/contracts';
import { migrateEventing, pgDatabase, PostgresEventStore, type SqlDatabase } from '@cfc/eventing';
import { ProblemException, type ProviderDirectory } from '@cfc/platform';
import { createTestDatabase, describeIntegration, type TestDatabase } from '@cfc/testing';
import { loadAgreementVersions } from '../agreement/agreement.catalog';
import { BindingCommands } from '../binding.commands';
import { migrateBinding } from '../binding.migration';
import type { BindingRuntime } from '../binding.runtime';
import { PENDING_PROVIDER_TTL_MS } from '../domain/binding/binding.expiry';
import { BindingsReadModel } from '../read-model/bindings.queries';
import { RequestBindingService } from './request-binding.service';

const A = '91110000600037341L';
const B = `91110108MA01A2B3C${usccCheckCharacter('91110108MA01A2B3C')}`;
const body = { provider: 'B0001', accountNumber: '6222020200112233445', accountType: 'BASIC' as const, agreementVersion: '1.0', agreementAccepted: true };

describeIntegration('requesting a binding: the claim check and the append in one transaction', () => {
  let database: TestDatabase;
  let pool: Pool;
  let db: SqlDatabase;
  let service: RequestBindingService;
  let now = new Date('2026-11-01T02:00:00.000Z');

  beforeAll(async () => {
    database = await createTestDatabase('binding-request');
    pool = new Pool({ connectionString: database.url, max: 4 });
    db = pgDatabase(pool);
    await migrateEventing(db);
    await migrateBinding(db);
    const clock = { now: () => now };
    const runtime: BindingRuntime = {
      db,
      clock,
      commands: new BindingCommands(db, new PostgresEventStore(db, { contracts: new ContractRegistry(bindingEventContracts), now: clock.now }), clock.now),
      bindings: new BindingsReadModel(db),
      agreements: loadAgreementVersions(),
      // identity's directory is not what this suite is about (the gateway suites ask the real one)
      providers: { isProvider: async (id: string) => id === 'B0001' } as unknown as ProviderDirectory,
    };
    service = new RequestBindingService(runtime);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it("expires another enterprise's request left pending 7 days, in the transaction that claims the account anew", async () => {
    const first = await service.request(A, body);
    await expect(service.request(B, body)).rejects.toMatchObject({ code: 'ACCOUNT_ALREADY_BOUND' });
    now = new Date(now.getTime() + PENDING_PROVIDER_TTL_MS);
    const second = await service.request(B, body); // no sweep ran: the request itself closes the old claim
    const { rows } = await db.query<{ stream_id: string; type: string; metadata: { actor: unknown } }>(`SELECT stream_id, type, metadata FROM eventing.events ORDER BY position`);
    expect(rows.map((r) => [r.stream_id, r.type])).toEqual([
      [`binding-${first.id}`, 'binding.requested'],
      [`binding-${first.id}`, 'binding.expired'],
      [`binding-${second.id}`, 'binding.requested'],
    ]);
    expect(rows[1].metadata.actor).toEqual({ kind: 'system', id: 'binding' });
    const error = await service.request(B, body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemException);
    expect(error).toMatchObject({ code: 'BINDING_ALREADY_EXISTS', extensions: { bindingId: second.id } });
  });
});
