import { embeddedPostgresSettings } from './embedded-postgres.settings';

describe('embedded PostgreSQL settings', () => {
  it('flushes WAL with O_DSYNC writes on Linux only', () => {
    expect(embeddedPostgresSettings('linux')).toEqual(['-c', 'wal_sync_method=open_datasync']);
    expect(embeddedPostgresSettings('darwin')).toEqual([]);
    expect(embeddedPostgresSettings('win32')).toEqual([]);
  });
});
