import { ContractRegistry, ContractViolationError, defineEvent } from '@cfc/contracts';
import { createTestDatabase, describeIntegration, type TestDatabase } from '@cfc/testing';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { pgDatabase } from '../sql/pg.database';
import type { SqlDatabase } from '../sql/sql.port';
import { typeormDatabase } from '../sql/typeorm.database';
import { migrateEventing } from './eventing.migration';
import { PostgresEventStore } from './postgres.event-store';
import { StreamVersionConflictError } from './stream-version-conflict.error';
import { Upcasters } from './upcasters';

const context = { actor: { kind: 'system' as const, id: 'test' }, subject: '91110000600037341L', correlationId: 'corr-1' };
const added = (amount: number) => ({ type: 'tally.added', data: { amount } });

// One suite, run against every way a service can hand the store its database.
const engines: Array<[string, (url: string) => Promise<{ sql: SqlDatabase; close(): Promise<unknown> }>]> = [
  ['pg Pool', async (url) => {
    const pool = new Pool({ connectionString: url, max: 4 });
    return { sql: pgDatabase(pool), close: () => pool.end() };
  }],
  ['TypeORM DataSource', async (url) => {
    const ds = await new DataSource({ type: 'postgres', url }).initialize();
    return { sql: typeormDatabase(ds), close: () => ds.destroy() };
  }],
];

describe.each(engines)('event store on PostgreSQL via %s', (_engine, open) => {
  describeIntegration('contract', () => {
    let database: TestDatabase;
    let conn: { sql: SqlDatabase; close(): Promise<unknown> };
    let store: PostgresEventStore;

    beforeAll(async () => {
      database = await createTestDatabase('es');
      conn = await open(database.url);
      await migrateEventing(conn.sql);
      await migrateEventing(conn.sql); // idempotent: services run it at every start
      store = new PostgresEventStore(conn.sql, { now: () => new Date('2026-11-01T02:00:00Z') });
    });
    afterAll(async () => {
      await conn.close();
      await database.drop();
    });

    it('survives a session connection dying between statements: the next statement fails, nothing crashes', async () => {
      await expect(
        conn.sql.session(async (c) => {
          const { pid } = (await c.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)).rows[0];
          await conn.sql.query(`SELECT pg_terminate_backend($1)`, [pid]);
          await new Promise((r) => setTimeout(r, 200)); // the idle client hears of it now
          await c.query(`SELECT 1`);
        }),
      ).rejects.toThrow();
      expect((await conn.sql.query<{ one: number }>(`SELECT 1 AS one`)).rows[0].one).toBe(1);
    });

    it('keeps one connection for a session, with its session state, and closes it afterwards', async () => {
      const pids = await conn.sql.session(async (c) => {
        await c.query(`SELECT set_config('application_name', 'cfc-session-probe', false)`);
        const first = (await c.query<{ pid: number; name: string }>(`SELECT pg_backend_pid() AS pid, current_setting('application_name') AS name`)).rows[0];
        const second = (await c.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)).rows[0];
        expect(first.name).toBe('cfc-session-probe');
        return [first.pid, second.pid];
      });
      expect(pids[0]).toBe(pids[1]);
      const stillThere = async () => (await conn.sql.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [pids[0]])).rowCount;
      for (let i = 0; i < 100 && (await stillThere()) > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await stillThere()).toBe(0);
    });

    it('appends at the expected version and reads the stream back in order, with envelope fields', async () => {
      const first = await store.append('tally-1', 0, [added(1), added(2)], context);
      expect(first.version).toBe(2);
      await store.append('tally-1', 2, [added(3)], { ...context, causationId: 'cmd-3' });
      const read = await store.readStream('tally-1');
      expect(read.version).toBe(3);
      expect(read.events.map((e) => [e.streamVersion, e.data.amount])).toEqual([[1, 1], [2, 2], [3, 3]]);
      expect(read.events[2]).toMatchObject({ type: 'tally.added', schemaVersion: 1, streamId: 'tally-1', subject: context.subject, actor: context.actor, correlationId: 'corr-1', causationId: 'cmd-3', occurredAt: '2026-11-01T02:00:00.000Z' });
      expect(new Set(read.events.map((e) => e.eventId)).size).toBe(3);
      expect(BigInt(read.events[2].position)).toBeGreaterThan(BigInt(read.events[1].position));
      expect((await store.readStream('tally-1', { afterVersion: 2 })).events).toHaveLength(1);
      expect(await store.readStream('nothing-here')).toEqual({ version: 0, events: [] });
    });

    it('throws StreamVersionConflictError when the stream moved, whether ahead of or behind the expectation', async () => {
      await store.append('tally-2', 0, [added(1)], context);
      await expect(store.append('tally-2', 0, [added(1)], context)).rejects.toBeInstanceOf(StreamVersionConflictError);
      await expect(store.append('tally-2', 5, [added(1)], context)).rejects.toBeInstanceOf(StreamVersionConflictError);
      expect((await store.readStream('tally-2')).version).toBe(1);
    });

    it('appends several events atomically: all or none', async () => {
      await store.append('tally-3', 0, [added(1)], context);
      await expect(store.append('tally-3', 0, [added(2), added(3)], context)).rejects.toBeInstanceOf(StreamVersionConflictError);
      expect((await store.readStream('tally-3')).events.map((e) => e.data.amount)).toEqual([1]);
    });

    it('keeps the table append-only: updates, deletes and truncation are refused', async () => {
      await store.append('tally-4', 0, [added(1)], context);
      await expect(conn.sql.query(`UPDATE eventing.events SET data = '{}' WHERE stream_id = 'tally-4'`)).rejects.toThrow(/append-only/);
      await expect(conn.sql.query(`DELETE FROM eventing.events WHERE stream_id = 'tally-4'`)).rejects.toThrow(/append-only/);
      await expect(conn.sql.query(`TRUNCATE eventing.events`)).rejects.toThrow(/append-only/);
    });

    it('reads a v1 row through a v2 upcaster without rewriting the row', async () => {
      await store.append('tally-5', 0, [added(7)], context);
      const v2 = new PostgresEventStore(conn.sql, {
        upcasters: new Upcasters([{ type: 'tally.added', fromVersion: 1, upcast: (d) => ({ amountFen: Number(d.amount) * 100 }) }]),
      });
      const [event] = (await v2.readStream('tally-5')).events;
      expect(event).toMatchObject({ schemaVersion: 2, data: { amountFen: 700 } });
      const raw = await conn.sql.query<{ schema_version: number; data: unknown }>(`SELECT schema_version, data FROM eventing.events WHERE stream_id = 'tally-5'`);
      expect(raw.rows).toEqual([{ schema_version: 1, data: { amount: 7 } }]);
      await v2.append('tally-5', 1, [{ type: 'tally.added', data: { amountFen: 100 } }], context);
      expect((await conn.sql.query(`SELECT schema_version FROM eventing.events WHERE stream_id = 'tally-5' ORDER BY stream_version`)).rows).toEqual([{ schema_version: 1 }, { schema_version: 2 }]);
    });

    it('validates event data against its contract before writing', async () => {
      const contracts = new ContractRegistry([defineEvent<{ amount: number }>()('tally.added', 1, { type: 'object', required: ['amount'], properties: { amount: { type: 'integer' } } })]);
      const strict = new PostgresEventStore(conn.sql, { contracts });
      await expect(strict.append('tally-6', 0, [{ type: 'tally.added', data: { amount: 'ten' } }], context)).rejects.toBeInstanceOf(ContractViolationError);
      await expect(strict.append('tally-6', 0, [{ type: 'tally.removed', data: {} }], context)).rejects.toBeInstanceOf(ContractViolationError);
      expect((await store.readStream('tally-6')).version).toBe(0);
    });
  });
});
