import { Client } from 'pg';
import { newPassword, type DatabaseCredentials } from './postgres.credentials';
import { databaseName, type ServiceName } from './services.catalog';

// Least privilege on PostgreSQL: each service logs in as a role of its own (`<prefix>_<service>`) that
// owns its database and nothing else: no superuser, CREATEDB, CREATEROLE, replication or RLS bypass,
// and no CONNECT on the other databases (PUBLIC's CONNECT is revoked on each service database). The
// SQL an operator runs by hand when the launcher may not create roles is in deploy/README.md.

export interface ProvisionOptions {
  prefix: string;
  /** Role passwords: read, and completed with new ones. */
  credentials: DatabaseCredentials;
  /** The URL a service connects with, given its database, role and password. */
  serviceUrl(database: string, role: string, password: string): string;
  /** Also revoke PUBLIC's CONNECT on `postgres` and `template1` (only on a server the launcher owns). */
  lockMaintenanceDatabases?: boolean;
}

export interface ProvisionResult {
  /** DATABASE_URL of each service. */
  urls: Record<string, string>;
  /** Things the operator should know (a role that could not be made, and what was done instead). */
  notes: string[];
}

/** The URL of a database on the same server as baseUrl, with its user (and password) when given. */
export function serviceDatabaseUrl(baseUrl: string, database: string, role?: { user: string; password: string }): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  if (role) {
    url.username = encodeURIComponent(role.user);
    url.password = encodeURIComponent(role.password);
  }
  return url.toString();
}

/**
 * Creates the service databases that do not exist, and, when the admin URL's user may create roles
 * (superuser or CREATEROLE), a role per service owning its database. Without that right a service uses
 * the role an operator prepared (its password in the credentials file), else the admin URL's user, as
 * before, and a note says which SQL would split them.
 */
export async function provisionServiceDatabases(adminUrl: string, services: readonly ServiceName[], options: ProvisionOptions): Promise<ProvisionResult> {
  const admin = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await admin.connect();
  const urls: Record<string, string> = {};
  const notes: string[] = [];
  try {
    const me = (await admin.query<{ rolsuper: boolean; rolcreaterole: boolean }>(`SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user`)).rows[0];
    const mayCreateRoles = me.rolsuper || me.rolcreaterole;
    for (const service of services) {
      const name = databaseName(service, options.prefix);
      try {
        urls[service] = mayCreateRoles ? await splitOff(admin, adminUrl, name, me.rolsuper, options) : await preparedRoleOrAdmin(admin, adminUrl, name, options, notes);
      } catch (error) {
        notes.push(`${name}: ${(error as Error).message}`);
        urls[service] = serviceDatabaseUrl(adminUrl, name);
      }
    }
    if (options.lockMaintenanceDatabases) await admin.query(`REVOKE CONNECT ON DATABASE postgres, template1 FROM PUBLIC`);
  } finally {
    await admin.end();
  }
  return { urls, notes };
}

// Role and database, then the database's objects: older launchers let services create them as the admin.
async function splitOff(admin: Client, adminUrl: string, name: string, superuser: boolean, options: ProvisionOptions): Promise<string> {
  const role = admin.escapeIdentifier(name);
  const password = (options.credentials.roles[name] ??= newPassword());
  const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${admin.escapeLiteral(password)}`;
  const exists = (await admin.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [name])).rowCount === 1;
  await admin.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${role} ${exists ? 'WITH ' : ''}${attributes}`);
  // A CREATEROLE admin may hand a database to a role only as a member of it (PostgreSQL 16+).
  if (!superuser) await admin.query(`GRANT ${role} TO CURRENT_USER`);
  if (!(await databaseExists(admin, name))) await admin.query(`CREATE DATABASE ${role} OWNER ${role}`);
  else await admin.query(`ALTER DATABASE ${role} OWNER TO ${role}`);
  await admin.query(`REVOKE ALL ON DATABASE ${role} FROM PUBLIC`);
  await handOverObjects(adminUrl, name);
  return options.serviceUrl(name, name, password);
}

// Without CREATEROLE: a role the operator made (deploy/README.md) and whose password is in the
// credentials file is used when it logs in; otherwise the admin URL's user, with a note.
async function preparedRoleOrAdmin(admin: Client, adminUrl: string, name: string, options: ProvisionOptions, notes: string[]): Promise<string> {
  const password = options.credentials.roles[name];
  const prepared = password === undefined ? undefined : options.serviceUrl(name, name, password);
  if (prepared && (await logsIn(prepared))) return prepared;
  if (!(await databaseExists(admin, name))) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  notes.push(`${name}: the DATABASE_URL user may not create roles, so this service connects as that user; deploy/README.md ("Database roles") has the SQL that gives it a role of its own`);
  return serviceDatabaseUrl(adminUrl, name);
}

async function logsIn(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function databaseExists(admin: Client, name: string): Promise<boolean> {
  return (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1;
}

// Schemas, tables (with their indexes and owned sequences), free-standing sequences, views, routines
// and types of the service's database that another role owns pass to the service's role.
const HAND_OVER = `
DO $$
DECLARE
  target regrole := current_setting('cfc.owner')::regrole;
  o record;
BEGIN
  FOR o IN SELECT nspname FROM pg_namespace n
           WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' AND nspowner NOT IN (target, 'pg_database_owner'::regrole) LOOP
    EXECUTE format('ALTER SCHEMA %I OWNER TO %s', o.nspname, target);
  END LOOP;
  FOR o IN SELECT c.oid::regclass AS rel, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND c.relowner <> target
             AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i', 'e'))
           ORDER BY c.relkind = 'S' LOOP
    EXECUTE format('ALTER %s %s OWNER TO %s',
      CASE o.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, o.rel, target);
  END LOOP;
  FOR o IN SELECT p.oid::regprocedure AS routine FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND p.proowner <> target
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO %s', o.routine, target);
  END LOOP;
  FOR o IN SELECT t.oid::regtype AS type FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND t.typowner <> target
             AND t.typtype IN ('e', 'd', 'r')
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e') LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO %s', o.type, target);
  END LOOP;
END $$`;

async function handOverObjects(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: serviceDatabaseUrl(adminUrl, name), connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(`SELECT set_config('cfc.owner', $1, false)`, [client.escapeIdentifier(name)]);
    await client.query(HAND_OVER);
  } finally {
    await client.end();
  }
}
