import type { SqlExecutor } from '@cfc/eventing';
import type { BindingRow } from './bindings.repository';
import type { StatisticsCache } from './statistics.cache';
import { storedMonths, type StoredMonth } from './statistics.repository';

export interface LoadedAccounts {
  /** The binding as the binding events described it; absent when no event has arrived yet. */
  bindings: Map<string, BindingRow>;
  statistics: Map<string, StoredMonth[]>;
}

// One round trip for every binding's description and statistics version; a second only for bindings
// whose rows are not cached at that version.
const LOOK_UP = `
  SELECT ids.binding_id, v.version, b.subject, b.provider, b.account_type, b.account_number, b.status, b.stream_version
  FROM unnest($1::text[]) AS ids(binding_id)
  LEFT JOIN report.statistics_versions v ON v.binding_id = ids.binding_id
  LEFT JOIN report.bindings b ON b.binding_id = ids.binding_id`;

interface LookUpRow {
  binding_id: string;
  version: string | null;
  subject: string | null;
  provider: string | null;
  account_type: BindingRow['accountType'] | null;
  account_number: string | null;
  status: BindingRow['status'] | null;
  stream_version: number | null;
}

/** Loads what a report over some bindings needs from the read models, through the statistics cache. */
export class ReportDataLoader {
  constructor(
    private readonly db: SqlExecutor,
    private readonly cache: StatisticsCache,
  ) {}

  async load(bindingIds: readonly string[]): Promise<LoadedAccounts> {
    const { rows } = await this.db.query<LookUpRow>(LOOK_UP, [bindingIds], 'report_look_up');
    const bindings = new Map<string, BindingRow>();
    const statistics = new Map<string, StoredMonth[]>();
    const stale: Array<{ id: string; version: string }> = [];
    for (const row of rows) {
      if (row.subject !== null) {
        bindings.set(row.binding_id, {
          bindingId: row.binding_id, subject: row.subject, provider: row.provider!, accountType: row.account_type!, accountNumber: row.account_number!, status: row.status!, streamVersion: row.stream_version!,
        });
      }
      if (row.version === null) {
        statistics.set(row.binding_id, []);
        continue;
      }
      const version = String(row.version);
      const cached = this.cache.get(row.binding_id, version);
      if (cached) statistics.set(row.binding_id, cached);
      else stale.push({ id: row.binding_id, version });
    }
    if (stale.length > 0) {
      // Rows read after the version: they are at least that new, so tagging them with it never hides a change.
      const fresh = await storedMonths(this.db, stale.map((s) => s.id));
      for (const { id, version } of stale) {
        const months = fresh.get(id) ?? [];
        this.cache.set(id, version, months);
        statistics.set(id, months);
      }
    }
    return { bindings, statistics };
  }
}
