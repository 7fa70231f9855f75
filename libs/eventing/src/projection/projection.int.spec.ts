import { createTestDatabase, describeIntegration, type TestDatabase } from '@cfc/testing';
import { Pool } from 'pg';
import { pgDatabase } from '../sql/pg.database';
import type { SqlDatabase } from '../sql/sql.port';
import { migrateEventing } from '../store/eventing.migration';
import { PostgresEventStore } from '../store/postgres.event-store';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection.runner';

const context = { actor: { kind: 'system' as const, id: 'test' }, correlationId: 'c' };

// Read model: total per tally stream; counts how often apply ran, to show checkpoints prevent re-application.
const totals = (version = 1): Projection & { applied: number } => ({
  name: 'tally-totals',
  version,
  handles: ['tally.added'],
  applied: 0,
  init: (tx) => tx.query(`CREATE TABLE IF NOT EXISTS tally_totals (stream_id text PRIMARY KEY, total bigint NOT NULL)`).then(() => undefined),
  drop: (tx) => tx.query(`DROP TABLE IF EXISTS tally_totals`).then(() => undefined),
  async apply(event, tx) {
    this.applied++;
    await tx.query(
      `INSERT INTO tally_totals (stream_id, total) VALUES ($1, $2) ON CONFLICT (stream_id) DO UPDATE SET total = tally_totals.total + excluded.total`,
      [event.streamId, event.data.amount],
    );
  },
});

describeIntegration('projections on PostgreSQL', () => {
  let database: TestDatabase;
  let pool: Pool;
  let sql: SqlDatabase;
  let store: PostgresEventStore;
  const readModel = async () => (await sql.query(`SELECT stream_id, total::int AS total FROM tally_totals ORDER BY stream_id`)).rows;

  beforeAll(async () => {
    database = await createTestDatabase('proj');
    pool = new Pool({ connectionString: database.url, max: 4 });
    sql = pgDatabase(pool);
    await migrateEventing(sql);
    store = new PostgresEventStore(sql);
    for (let s = 0; s < 5; s++) {
      await store.append(`tally-${s}`, 0, [{ type: 'tally.added', data: { amount: s } }, { type: 'tally.closed', data: { at: 'x' } }], context);
    }
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('catches up from its stored checkpoint, applying each event once', async () => {
    const projection = totals();
    const runner = new ProjectionRunner(sql, projection, { batchSize: 3 });
    await runner.init();
    expect(await runner.catchUp()).toBe(10);
    expect(projection.applied).toBe(5); // only the types it handles
    await store.append('tally-0', 2, [{ type: 'tally.added', data: { amount: 10 } }], context);
    expect(await runner.catchUp()).toBe(1);
    expect(projection.applied).toBe(6);
    const again = new ProjectionRunner(sql, totals()); // a restarted instance resumes at the checkpoint
    expect(await again.catchUp()).toBe(0);
    expect(await readModel()).toEqual([
      { stream_id: 'tally-0', total: 10 }, { stream_id: 'tally-1', total: 1 }, { stream_id: 'tally-2', total: 2 },
      { stream_id: 'tally-3', total: 3 }, { stream_id: 'tally-4', total: 4 },
    ]);
  });

  it('rebuild drops the read model and replays to the same result', async () => {
    const before = await readModel();
    await sql.query(`UPDATE tally_totals SET total = -1`); // damage it
    const runner = new ProjectionRunner(sql, totals());
    expect(await runner.rebuild()).toBe(11);
    expect(await readModel()).toEqual(before);
  });

  it('rebuilds by itself when the projection version changes', async () => {
    await sql.query(`UPDATE tally_totals SET total = 0`);
    const v2 = totals(2);
    await new ProjectionRunner(sql, v2).init();
    expect(v2.applied).toBe(6);
    expect((await readModel()).find((r) => r.stream_id === 'tally-0')).toEqual({ stream_id: 'tally-0', total: 10 });
  });

  it('rolls back the read model and the checkpoint together when apply throws in the middle of a batch', async () => {
    let failOn: number | undefined = 3; // the third event of the batch
    let seen = 0;
    const fragile: Projection = {
      name: 'fragile-totals',
      handles: ['tally.added'],
      init: (tx) => tx.query(`CREATE TABLE IF NOT EXISTS fragile_totals (stream_id text NOT NULL, amount bigint NOT NULL)`).then(() => undefined),
      drop: (tx) => tx.query(`DROP TABLE IF EXISTS fragile_totals`).then(() => undefined),
      async apply(event, tx) {
        await tx.query(`INSERT INTO fragile_totals (stream_id, amount) VALUES ($1, $2)`, [event.streamId, event.data.amount]);
        if (++seen === failOn) throw new Error('read model rule broken');
      },
    };
    const runner = new ProjectionRunner(sql, fragile, { batchSize: 500 });
    await runner.init();
    const checkpoint = async () => (await sql.query<{ position: string }>(`SELECT position FROM eventing.checkpoints WHERE name = 'projection:fragile-totals'`)).rows[0].position;
    const start = await checkpoint();
    await expect(runner.step()).rejects.toThrow('read model rule broken');
    expect(seen).toBe(3); // two rows were written before the failure...
    expect((await sql.query(`SELECT 1 FROM fragile_totals`)).rowCount).toBe(0); // ...and went with the checkpoint's non-move
    expect(await checkpoint()).toBe(start);

    failOn = undefined;
    seen = 0;
    const added = Number((await sql.query<{ n: string }>(`SELECT count(*) AS n FROM eventing.events WHERE type = 'tally.added'`)).rows[0].n);
    await runner.catchUp();
    expect(seen).toBe(added);
    expect((await sql.query(`SELECT 1 FROM fragile_totals`)).rowCount).toBe(added); // each event once, none left from the failed try
    expect(BigInt(await checkpoint())).toBeGreaterThan(BigInt(start));
  });

  it('runs in the background until stopped', async () => {
    const projection = totals(2);
    const runner = new ProjectionRunner(sql, projection, { idleMs: 5 });
    runner.start();
    await store.append('tally-9', 0, [{ type: 'tally.added', data: { amount: 9 } }], context);
    for (let i = 0; i < 200 && projection.applied === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await runner.stop();
    expect((await readModel()).find((r) => r.stream_id === 'tally-9')).toEqual({ stream_id: 'tally-9', total: 9 });
  });

  it('backs off while idle, and a wake after an append ends the pause at once', async () => {
    const projection = totals(3);
    const runner = new ProjectionRunner(sql, projection, { idleMs: 10_000 }); // polls at most every 10 s
    runner.start();
    await new Promise((r) => setTimeout(r, 300)); // caught up, now in a long pause
    const applied = projection.applied;
    await store.append('tally-10', 0, [{ type: 'tally.added', data: { amount: 10 } }], context);
    const woken = Date.now();
    runner.wake();
    for (let i = 0; i < 300 && projection.applied === applied; i++) await new Promise((r) => setTimeout(r, 10));
    expect(projection.applied).toBe(applied + 1);
    expect(Date.now() - woken).toBeLessThan(3000);
    const stopping = Date.now();
    await runner.stop(); // stop cuts the pause short too
    expect(Date.now() - stopping).toBeLessThan(3000);
  });
});
