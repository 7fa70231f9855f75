import { createTestDatabase, describeIntegration, type TestDatabase } from '@cfc/testing';
import { Pool } from 'pg';
import { pgDatabase } from '../sql/pg.database';
import { migrateEventing } from './eventing.migration';
import { PostgresEventStore } from './postgres.event-store';
import { StreamVersionConflictError } from './stream-version-conflict.error';

const context = { actor: { kind: 'system' as const, id: 'test' }, correlationId: 'c' };
const added = (amount: number) => ({ type: 'tally.added', data: { amount } });

describeIntegration('event store group commit', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  const txidsOf = async (streams: string[]) =>
    (await pool.query<{ txid: string }>(`SELECT DISTINCT transaction_id::text AS txid FROM eventing.events WHERE stream_id = ANY($1)`, [streams])).rows;

  beforeAll(async () => {
    database = await createTestDatabase('gc');
    pool = new Pool({ connectionString: database.url, max: 4 });
    await migrateEventing(pgDatabase(pool));
    store = new PostgresEventStore(pgDatabase(pool));
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('coalesces concurrent single-event appends to different streams into one transaction, each at its own version', async () => {
    await store.append('gc-b', 0, [added(1)], context);
    const streams = ['gc-a', 'gc-b', 'gc-c', 'gc-d'];
    const results = await Promise.all(streams.map((s) => store.append(s, s === 'gc-b' ? 1 : 0, [added(2)], context)));
    expect(results.map((r) => r.version)).toEqual([1, 2, 1, 1]);
    expect(new Set(results.map((r) => r.events[0].position)).size).toBe(4);
    expect(await txidsOf(['gc-a', 'gc-c', 'gc-d'])).toHaveLength(1);
    for (const [i, s] of streams.entries()) {
      const read = await store.readStream(s);
      expect(read.events[read.events.length - 1]).toMatchObject({ eventId: results[i].events[0].eventId, position: results[i].events[0].position, streamVersion: results[i].version });
    }
  });

  it('tells each caller individually: a conflicting row in the batch fails alone, the others land', async () => {
    await store.append('gc-e', 0, [added(1)], context);
    const outcomes = await Promise.allSettled([
      store.append('gc-f', 0, [added(1)], context),
      store.append('gc-e', 0, [added(9)], context), // stale: the stream is at 1
      store.append('gc-g', 3, [added(9)], context), // ahead of an empty stream
      store.append('gc-h', 0, [added(1)], context),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(StreamVersionConflictError);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(StreamVersionConflictError);
    expect((await store.readStream('gc-e')).events.map((e) => e.data.amount)).toEqual([1]);
    expect((await store.readStream('gc-g')).version).toBe(0);
    expect(await txidsOf(['gc-f', 'gc-h'])).toHaveLength(1);
  });

  it('keeps racing appends to one stream apart: exactly one of them lands at each version', async () => {
    const other = new PostgresEventStore(pgDatabase(pool)); // another process's batcher
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 5 }, () => store.append('gc-race', 0, [added(1)], context)),
      ...Array.from({ length: 5 }, () => other.append('gc-race', 0, [added(2)], context)),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').every((o) => (o as PromiseRejectedResult).reason instanceof StreamVersionConflictError)).toBe(true);
    expect((await store.readStream('gc-race')).version).toBe(1);
  });

  it('sends every append alone when group commit is off', async () => {
    const alone = new PostgresEventStore(pgDatabase(pool), { groupCommit: false });
    await Promise.all(['gc-i', 'gc-j', 'gc-k'].map((s) => alone.append(s, 0, [added(1)], context)));
    expect(await txidsOf(['gc-i', 'gc-j', 'gc-k'])).toHaveLength(3);
  });
});
