import { createTestDatabase, describeIntegration, type TestDatabase } from '@cfc/testing';
import { Pool } from 'pg';
import { pgDatabase } from '../sql/pg.database';
import { migrateEventing } from '../store/eventing.migration';
import { PostgresEventStore } from '../store/postgres.event-store';
import { readCommittedAfter, START } from './committed-events.reader';

const context = { actor: { kind: 'system' as const, id: 'test' }, correlationId: 'c' };

describeIntegration('reading committed events in a safe order', () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase('vis');
    pool = new Pool({ connectionString: database.url, max: 4 });
    await migrateEventing(pgDatabase(pool));
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('holds back a later-committed event until the earlier-position transaction commits, then yields both', async () => {
    const sql = pgDatabase(pool);
    const store = new PostgresEventStore(sql);
    const slow = await pool.connect();
    try {
      await slow.query('BEGIN');
      const inSlowTx = { query: (t: string, p?: readonly unknown[]) => slow.query(t, p as unknown[]).then((r) => ({ rows: r.rows, rowCount: r.rowCount ?? 0 })) };
      const early = await store.append('slow', 0, [{ type: 'tally.added', data: { amount: 1 } }], context, inSlowTx);
      const late = await store.append('fast', 0, [{ type: 'tally.added', data: { amount: 2 } }], context);
      expect(BigInt(early.events[0].position)).toBeLessThan(BigInt(late.events[0].position));

      // The fast event is committed, but handing it out now would let a position checkpoint skip 'slow'.
      expect(await readCommittedAfter(sql, START, 100)).toEqual([]);
      await slow.query('COMMIT');
    } finally {
      slow.release();
    }
    const rows = await readCommittedAfter(sql, START, 100);
    expect(rows.map((r) => r.stream_id)).toEqual(['slow', 'fast']);
    const after = rows[0];
    expect((await readCommittedAfter(sql, { transactionId: after.txid, position: String(after.position) }, 100)).map((r) => r.stream_id)).toEqual(['fast']);
  });

  it('is not held back by a transaction still writing in another database of the same server', async () => {
    const neighbour = await createTestDatabase('vis-neighbour');
    const other = new Pool({ connectionString: neighbour.url, max: 1 });
    const long = await other.connect();
    try {
      await long.query('BEGIN');
      await long.query('SELECT pg_current_xact_id()'); // takes a transaction id, as any write does
      const sql = pgDatabase(pool);
      const { events } = await new PostgresEventStore(sql).append('beside-neighbour', 0, [{ type: 'tally.added', data: { amount: 3 } }], context);
      const rows = await readCommittedAfter(sql, START, 1000);
      expect(rows.map((r) => r.event_id)).toContain(events[0].eventId);
      await long.query('ROLLBACK');
    } finally {
      long.release();
      await other.end();
      await neighbour.drop();
    }
  });

  it('sees each event as soon as it commits while another database of the server is busy with short writes', async () => {
    // Those writes end between a read's snapshot and its pg_stat_activity lookup often enough (about
    // one read in a hundred here) that a reader must retry rather than report nothing new.
    const neighbour = await createTestDatabase('vis-busy');
    const other = new Pool({ connectionString: neighbour.url, max: 6 });
    await other.query('CREATE TABLE noise (id serial PRIMARY KEY)');
    let busy = true;
    const writers = Array.from({ length: 6 }, async () => {
      while (busy) await other.query('INSERT INTO noise DEFAULT VALUES');
    });
    try {
      const sql = pgDatabase(pool);
      const store = new PostgresEventStore(sql);
      const last = (await readCommittedAfter(sql, START, 100_000)).at(-1);
      let at = last ? { transactionId: last.txid, position: String(last.position) } : START;
      let missed = 0;
      for (let i = 0; i < 400; i++) {
        const { events } = await store.append(`busy-${i}`, 0, [{ type: 'tally.added', data: { amount: i } }], context);
        const rows = await readCommittedAfter(sql, at, 100);
        if (rows.at(-1)?.event_id !== events[0].eventId) missed++;
        if (rows.length > 0) at = { transactionId: rows[rows.length - 1].txid, position: String(rows[rows.length - 1].position) };
      }
      expect(missed).toBe(0);
    } finally {
      busy = false;
      await Promise.all(writers);
      await other.end();
      await neighbour.drop();
    }
  });

  it('orders by transaction id as a number, not as text (9 before 10)', async () => {
    const sql = pgDatabase(pool);
    for (const txid of ['10', '9']) {
      await sql.query(
        `INSERT INTO eventing.events (transaction_id, event_id, stream_id, stream_version, type, schema_version, data, metadata, occurred_at)
         VALUES ($1::xid8, gen_random_uuid(), $2, 1, 'tally.added', 1, '{}', $3, now())`,
        [txid, `xid-${txid}`, JSON.stringify(context)],
      );
    }
    expect((await readCommittedAfter(sql, START, 2)).map((r) => [r.txid, r.stream_id])).toEqual([['9', 'xid-9'], ['10', 'xid-10']]);
  });

  it('never yields events of a rolled-back transaction', async () => {
    const sql = pgDatabase(pool);
    const before = await readCommittedAfter(sql, START, 1000);
    await expect(
      sql.transaction(async (tx) => {
        await new PostgresEventStore(sql).append('gone', 0, [{ type: 'tally.added', data: { amount: 1 } }], context, tx);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await readCommittedAfter(sql, START, 1000)).toHaveLength(before.length);
  });
});
