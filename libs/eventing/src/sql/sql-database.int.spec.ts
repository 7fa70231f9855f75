import { createTestDatabase, describeIntegration, uniqueName, type TestDatabase } from '@cfc/testing';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { pgDatabase } from './pg.database';
import type { SqlDatabase } from './sql.port';
import { typeormDatabase } from './typeorm.database';

// A transaction whose connection dies under it (server restart, terminated backend, network): the
// transaction rejects, nothing of it is committed, and the pool hands out healthy connections afterwards.
describeIntegration('a transaction whose connection dies', () => {
  let database: TestDatabase;
  let killer: Pool;
  beforeAll(async () => {
    database = await createTestDatabase('sqltx');
    killer = new Pool({ connectionString: database.url, max: 1 });
    await killer.query(`CREATE TABLE written (id text PRIMARY KEY)`);
  });
  afterAll(async () => {
    await killer.end();
    await database.drop();
  });

  const engines: Array<[string, () => Promise<{ db: SqlDatabase; close(): Promise<void> }>]> = [
    ['pgDatabase (pg Pool)', async () => {
      const pool = new Pool({ connectionString: database.url, max: 2 });
      return { db: pgDatabase(pool), close: () => pool.end() };
    }],
    ['typeormDatabase (a service DataSource)', async () => {
      const source = await new DataSource({ type: 'postgres', url: database.url, extra: { max: 2 } }).initialize();
      return { db: typeormDatabase(source), close: () => source.destroy() };
    }],
  ];

  it.each(engines)('%s: rejects, commits nothing, and the next transactions run on live connections', async (_name, open) => {
    const { db, close } = await open();
    const id = uniqueName('row');
    try {
      const dying = db.transaction(async (tx) => {
        await tx.query(`INSERT INTO written (id) VALUES ($1)`, [id]);
        const [{ pid }] = (await tx.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)).rows;
        await killer.query(`SELECT pg_terminate_backend($1)`, [pid]);
        await tx.query(`INSERT INTO written (id) VALUES ($1)`, [`${id}-after`]);
      });
      await expect(dying).rejects.toThrow(/terminat|onnection|ECONNRESET/); // the connection's end, not a later symptom
      expect((await killer.query(`SELECT id FROM written WHERE id LIKE $1`, [`${id}%`])).rowCount).toBe(0);
      // More transactions than the pool has connections: a dead one handed out again would fail them.
      for (let i = 0; i < 3; i++) {
        await db.transaction(async (tx) => void (await tx.query(`INSERT INTO written (id) VALUES ($1)`, [`${id}-ok-${i}`])));
      }
      expect((await killer.query(`SELECT id FROM written WHERE id LIKE $1 ORDER BY id`, [`${id}%`])).rows.map((r) => r.id)).toEqual([0, 1, 2].map((i) => `${id}-ok-${i}`));
    } finally {
      await close();
    }
  });
});
