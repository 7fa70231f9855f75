import { createTestDatabase, describeIntegration, type TestDatabase } from '@cfc/testing';
import { Pool } from 'pg';
import { pgDatabase } from '../sql/pg.database';
import { migrateEventing } from '../store/eventing.migration';
import { PostgresEventStore } from '../store/postgres.event-store';
import { StreamVersionConflictError } from '../store/stream-version-conflict.error';
import { CommandHandler } from './command-handler';
import { tallyDecider, TallyClosedError } from './tally.example-decider';

const context = { actor: { kind: 'system' as const, id: 'test' }, correlationId: 'c' };

describeIntegration('command handler on PostgreSQL', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase('cmd');
    pool = new Pool({ connectionString: database.url, max: 10 });
    await migrateEventing(pgDatabase(pool));
    store = new PostgresEventStore(pgDatabase(pool));
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('loads, folds, decides with the time passed in, and appends', async () => {
    const at = new Date('2026-11-01T02:00:00Z');
    const handler = new CommandHandler(store, tallyDecider, { now: () => at });
    await handler.handle('tally-a', { type: 'add', amount: 4 }, context);
    const closed = await handler.handle('tally-a', { type: 'close' }, context);
    expect(closed.state).toEqual({ total: 4, additions: 1, closedAt: at.toISOString() });
    expect(closed.version).toBe(2);
    await expect(handler.handle('tally-a', { type: 'add', amount: 1 }, context)).rejects.toBeInstanceOf(TallyClosedError);
    expect((await store.readStream('tally-a')).version).toBe(2);
  });

  it('50 concurrent commands on one stream: no lost update; each lands or fails with a conflict after its retries', async () => {
    const handler = new CommandHandler(store, tallyDecider, { maxAttempts: 3, retryJitterMs: 5 });
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => handler.handle('tally-hot', { type: 'add', amount: i + 1 }, context)));
    const landed = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i + 1] : []));
    const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(failed.every((e) => e instanceof StreamVersionConflictError)).toBe(true);
    expect(landed.length + failed.length).toBe(50);
    expect(landed.length).toBeGreaterThan(0);

    const stream = await store.readStream('tally-hot');
    expect(stream.version).toBe(landed.length);
    expect(stream.events.map((e) => e.data.amount).sort((a, b) => Number(a) - Number(b))).toEqual(landed);
    expect(stream.events.map((e) => e.streamVersion)).toEqual(landed.map((_, i) => i + 1));
  });

  it('with enough retries, all 50 concurrent commands land', async () => {
    const handler = new CommandHandler(store, tallyDecider, { maxAttempts: 60, retryJitterMs: 5 });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => handler.handle('tally-all', { type: 'add', amount: i + 1 }, context)));
    expect(Math.max(...results.map((r) => r.version))).toBe(50);
    const stream = await store.readStream('tally-all');
    expect(stream.events.reduce((sum, e) => sum + Number(e.data.amount), 0)).toBe((50 * 51) / 2);
  });

  it('with a state cache, two processes alternating on one stream never decide on stale state', async () => {
    const [p1, p2] = [1, 2].map(() => new CommandHandler(store, tallyDecider, { cachedStreams: 100 }));
    for (let i = 1; i <= 6; i++) await (i % 2 ? p1 : p2).handle('tally-cached', { type: 'add', amount: i }, context);
    const last = await p1.handle('tally-cached', { type: 'close' }, context);
    expect(last.state).toMatchObject({ total: 21, additions: 6 });
    await expect(p2.handle('tally-cached', { type: 'add', amount: 1 }, context)).rejects.toBeInstanceOf(TallyClosedError);
    expect((await store.readStream('tally-cached')).version).toBe(7);
  });

  it('joins a caller transaction: a rollback leaves nothing behind', async () => {
    const handler = new CommandHandler(store, tallyDecider);
    await expect(
      pgDatabase(pool).transaction(async (tx) => {
        await handler.handle('tally-tx', { type: 'add', amount: 1 }, context, tx);
        throw new Error('caller changed its mind');
      }),
    ).rejects.toThrow('caller changed its mind');
    expect((await store.readStream('tally-tx')).version).toBe(0);
  });
});
