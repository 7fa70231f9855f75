/**
 * PostgreSQL settings of the embedded stack (launcher, benchmarks), as `-c name=value` flags.
 *
 * On Linux, WAL is flushed with O_DSYNC writes rather than write + fdatasync: the same durability,
 * and on the 2-core reference machine about a quarter more appends/s with 8 writers
 * (`npm run bench -- eventing --pg-flag wal_sync_method=fdatasync` to compare). Other platforms keep
 * PostgreSQL's default, which is the one their kernel supports.
 */
export function embeddedPostgresSettings(platform: NodeJS.Platform = process.platform): string[] {
  return platform === 'linux' ? ['-c', 'wal_sync_method=open_datasync'] : [];
}
