import { Client } from 'pg';
import { describeIntegration, integrationStack, uniqueName } from '@cfc/testing';
import { provisionServiceDatabases, serviceDatabaseUrl } from './databases';
import type { DatabaseCredentials } from './postgres.credentials';

// The launcher's role split on the run's real PostgreSQL (its URL user is a superuser, like the embedded
// server's): what each service role may and may not do, the hand-over of an older layout, and the
// fallback for a DATABASE_URL user without CREATEROLE.
describeIntegration('service databases and roles', () => {
  const admin = integrationStack().databaseUrl;
  const prefixes: string[] = [];
  const extraRoles: string[] = [];
  const sql = async <Row>(url: string, text: string, params: unknown[] = []): Promise<Row[]> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as Row[];
    } finally {
      await client.end();
    }
  };
  const refusal = (url: string, text = 'SELECT 1') => sql(url, text).then(() => 'allowed', (e: { code?: string }) => e.code);
  const provision = (prefix: string, credentials: DatabaseCredentials, url = admin) =>
    provisionServiceDatabases(url, ['identity', 'consent'], { prefix, credentials, serviceUrl: (db, user, password) => serviceDatabaseUrl(admin, db, { user, password }) });
  const fresh = () => {
    const prefix = uniqueName('roles');
    prefixes.push(prefix);
    return prefix;
  };

  afterAll(async () => {
    for (const prefix of prefixes) {
      for (const s of ['identity', 'consent']) await sql(admin, `DROP DATABASE IF EXISTS "${prefix}_${s}" WITH (FORCE)`);
      for (const s of ['identity', 'consent']) await sql(admin, `DROP ROLE IF EXISTS "${prefix}_${s}"`);
    }
    for (const role of extraRoles) await sql(admin, `DROP ROLE IF EXISTS "${role}"`);
  });

  it('gives each service a role that owns its database and nothing more, with a generated password', async () => {
    const prefix = fresh();
    const credentials: DatabaseCredentials = { roles: {} };
    const { urls, notes } = await provision(prefix, credentials);
    expect(notes).toEqual([]);
    expect(Object.keys(credentials.roles).sort()).toEqual([`${prefix}_consent`, `${prefix}_identity`]);
    expect(new URL(urls.identity).username).toBe(`${prefix}_identity`);
    const [role] = await sql<Record<string, boolean>>(admin, `SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = $1`, [`${prefix}_identity`]);
    expect(role).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolreplication: false, rolbypassrls: false, rolcanlogin: true });
    expect(await sql(admin, `SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1`, [`${prefix}_identity`])).toEqual([{ owner: `${prefix}_identity` }]);

    // Its own database: tables, schemas, its migrations' DDL.
    await sql(urls.identity, `CREATE SCHEMA identity; CREATE TABLE identity.t (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text)`);
    // Not another service's database, not the maintenance one's superuser powers, no shell.
    expect(await refusal(serviceDatabaseUrl(urls.identity, `${prefix}_consent`))).toBe('42501'); // no CONNECT privilege
    expect(await refusal(urls.identity, `COPY (SELECT 1) TO PROGRAM 'id'`)).toBe('42501');
    expect(await refusal(urls.identity, `CREATE DATABASE ${prefix}_extra`)).toBe('42501');
    expect(await refusal(urls.identity, `CREATE ROLE ${prefix}_extra`)).toBe('42501');
    expect(await refusal(urls.identity, `SELECT pg_read_file('PG_VERSION')`)).toBe('42501');
    expect(await sql(admin, `SELECT has_database_privilege('public', $1, 'CONNECT') AS public_connect`, [`${prefix}_identity`])).toEqual([{ public_connect: false }]);
    expect(await refusal(serviceDatabaseUrl(urls.identity, `${prefix}_identity`, { user: `${prefix}_identity`, password: 'guess' }))).toBe('28P01');

    // A second start keeps the passwords and changes nothing.
    const before = { ...credentials.roles };
    expect((await provision(prefix, credentials)).urls).toEqual(urls);
    expect(credentials.roles).toEqual(before);
  });

  it('hands a database the services filled as the admin (older launchers) over to the service role', async () => {
    const prefix = fresh();
    const db = `${prefix}_identity`;
    await sql(admin, `CREATE DATABASE "${db}"`);
    const asAdmin = serviceDatabaseUrl(admin, db);
    await sql(asAdmin, `CREATE SCHEMA eventing;
      CREATE TABLE eventing.events (position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, data jsonb);
      CREATE SEQUENCE eventing.free_standing;
      CREATE FUNCTION eventing.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'append-only'; END $$;
      CREATE TRIGGER events_append_only BEFORE UPDATE ON eventing.events FOR EACH ROW EXECUTE FUNCTION eventing.reject_change();
      CREATE TYPE eventing.kind AS ENUM ('a', 'b');
      CREATE TABLE public.service_info (service text PRIMARY KEY)`);
    const { urls, notes } = await provision(prefix, { roles: {} });
    expect(notes).toEqual([]);
    // The service's migrations can alter what the admin created, and use it.
    await sql(urls.identity, `ALTER TABLE eventing.events ADD COLUMN extra text; ALTER TABLE public.service_info ADD COLUMN at timestamptz;
      INSERT INTO eventing.events (data) VALUES ('{}'); SELECT nextval('eventing.free_standing'); CREATE OR REPLACE FUNCTION eventing.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'still append-only'; END $$;
      ALTER TYPE eventing.kind ADD VALUE 'c'`);
    const owners = await sql<{ owner: string }>(asAdmin, `SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE nspname IN ('eventing', 'public')`);
    expect(owners).toEqual([{ owner: db }]);
  });

  it('falls back to the DATABASE_URL user, saying so, when that user may not create roles', async () => {
    const prefix = fresh();
    const limited = uniqueName('limited');
    extraRoles.push(limited);
    await sql(admin, `CREATE ROLE "${limited}" LOGIN CREATEDB PASSWORD 'limited-password'`);
    const limitedUrl = serviceDatabaseUrl(admin, 'postgres', { user: limited, password: 'limited-password' });
    const credentials: DatabaseCredentials = { roles: {} };
    const { urls, notes } = await provision(prefix, credentials, limitedUrl);
    expect(notes).toEqual([expect.stringContaining(`${prefix}_identity: the DATABASE_URL user may not create roles`), expect.stringContaining(`${prefix}_consent: the DATABASE_URL user`)]);
    expect(notes[0]).toContain('deploy/README.md');
    expect(credentials.roles).toEqual({});
    expect(new URL(urls.consent).username).toBe(limited);
    expect(await sql(urls.consent, 'SELECT current_database() AS db')).toEqual([{ db: `${prefix}_consent` }]);
  });

  it('uses a role the operator prepared with the documented SQL, given its password, when the URL user may not create roles', async () => {
    const prefix = fresh();
    const limited = uniqueName('limited');
    extraRoles.push(limited);
    await sql(admin, `CREATE ROLE "${limited}" LOGIN CREATEDB PASSWORD 'limited-password'`);
    // deploy/README.md "Database roles", for identity only.
    await sql(admin, `CREATE ROLE "${prefix}_identity" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD 'prepared-password'`);
    await sql(admin, `CREATE DATABASE "${prefix}_identity" OWNER "${prefix}_identity"`);
    await sql(admin, `REVOKE ALL ON DATABASE "${prefix}_identity" FROM PUBLIC`);
    const credentials: DatabaseCredentials = { roles: { [`${prefix}_identity`]: 'prepared-password' } };
    const { urls, notes } = await provision(prefix, credentials, serviceDatabaseUrl(admin, 'postgres', { user: limited, password: 'limited-password' }));
    expect(new URL(urls.identity).username).toBe(`${prefix}_identity`);
    expect(new URL(urls.consent).username).toBe(limited);
    expect(notes).toEqual([expect.stringContaining(`${prefix}_consent:`)]);
    expect(await sql(urls.identity, 'SELECT current_user AS who')).toEqual([{ who: `${prefix}_identity` }]);
  });
});
