import { maskAccountNumber, type AccountType } from '@cfc/contracts';
import type { ProviderAccountsDto, ProvidersViewDto, ProviderSupplyDto, SupplyFiguresDto } from '@cfc/api';
import type { SqlExecutor } from '@cfc/eventing';
import { lastCompleteMonth } from '../domain/statistics/period';

const DAY_MS = 86_400_000;
/** Where dead letters go that no registered provider can be named for. */
export const UNIDENTIFIED = 'UNIDENTIFIED';

type Window = { recent: string; total: string };
const window = (column: string, since = '$1') => ({ recent: `count(*) FILTER (WHERE ${column} > ${since})`, total: 'count(*)' });
const sumWindow = (expr: string, column: string): Window => ({ recent: `coalesce(sum(${expr}) FILTER (WHERE ${column} > $1), 0)`, total: `coalesce(sum(${expr}), 0)` });

/** The regulator's figures per provider: supply, refusals, objections, freshness; the last 24 hours and in total. */
export class ProvidersQueries {
  constructor(private readonly db: SqlExecutor) {}

  async view(now: Date): Promise<ProvidersViewDto> {
    const since = new Date(now.getTime() - DAY_MS);
    const lastComplete = lastCompleteMonth(now);
    const [submissions, deadLetters, objections, freshness] = await Promise.all([
      this.rows(`SELECT provider, ${cols({ submissions: window('received_at'), accepted: sumWindow('records_stored + records_duplicate', 'received_at'), rejected: sumWindow('records_rejected', 'received_at') })} FROM ingestion.submissions GROUP BY provider`, [since]),
      this.rows(`SELECT coalesce(provider, '${UNIDENTIFIED}') AS provider, ${cols({ dead: window('received_at') })} FROM ingestion.dead_letters GROUP BY 1`, [since]),
      this.rows(
        `SELECT provider, ${cols({ raised: window('raised_at'), resolved: { recent: 'count(*) FILTER (WHERE resolved_at > $1)', total: 'count(resolved_at)' } })},
           count(*) FILTER (WHERE status IN ('SUBMITTED', 'OVERDUE')) AS open,
           count(*) FILTER (WHERE status = 'OVERDUE' OR (status = 'SUBMITTED' AND due_by <= $2)) AS overdue
         FROM ingestion.objections GROUP BY provider`,
        [since, now],
      ),
      this.rows(
        `WITH latest AS (SELECT binding_id, max(period) AS period FROM ingestion.current_statistics GROUP BY binding_id)
         SELECT b.provider, count(*) AS bound, count(l.period) AS supplied, max(l.period) AS newest, min(l.period) AS stalest,
                count(*) FILTER (WHERE l.period >= $1) AS up_to_date
         FROM ingestion.bindings b LEFT JOIN latest l USING (binding_id) WHERE b.status = 'ACTIVE' GROUP BY b.provider`,
        [lastComplete],
      ),
    ]);
    const ids = [...new Set([submissions, deadLetters, objections, freshness].flatMap((rows) => rows.map((r) => String(r.provider))))].sort();
    const find = (rows: Row[], id: string): Row => rows.find((r) => r.provider === id) ?? {};
    const figures = (id: string, when: 'recent' | 'total'): SupplyFiguresDto => {
      const [s, d, o] = [find(submissions, id), find(deadLetters, id), find(objections, id)];
      return { submissions: n(s[`submissions_${when}`]), acceptedRecords: n(s[`accepted_${when}`]), rejectedRecords: n(s[`rejected_${when}`]), deadLetters: n(d[`dead_${when}`]), objectionsRaised: n(o[`raised_${when}`]), objectionsResolved: n(o[`resolved_${when}`]) };
    };
    const providers = ids.map((id): ProviderSupplyDto => {
      const [o, f] = [find(objections, id), find(freshness, id)];
      const bound = n(f.bound);
      return {
        provider: id,
        last24h: figures(id, 'recent'),
        total: figures(id, 'total'),
        openObjections: n(o.open),
        overdueObjections: n(o.overdue),
        freshness: {
          boundAccounts: bound,
          suppliedAccounts: n(f.supplied),
          ...(f.newest ? { newestMonth: String(f.newest) } : {}),
          ...(f.stalest ? { stalestMonth: String(f.stalest) } : {}),
          upToDate: n(f.up_to_date),
          behind: bound - n(f.up_to_date),
        },
      };
    });
    return { generatedAt: now.toISOString(), lastCompleteMonth: lastComplete, providers };
  }

  /** Every bound account of a provider with the latest month supplied (none: absent), by bindingId, a page at a time. */
  async accounts(provider: string, limit: number, after?: string): Promise<ProviderAccountsDto> {
    const { rows } = await this.db.query<{ binding_id: string; subject: string; account_number: string; account_type: AccountType; period: string | null; received_at: Date | null }>(
      `SELECT b.binding_id, b.subject, b.account_number, b.account_type, l.period, l.received_at
       FROM ingestion.bindings b
       LEFT JOIN LATERAL (SELECT period, received_at FROM ingestion.current_statistics c WHERE c.binding_id = b.binding_id ORDER BY period DESC LIMIT 1) l ON true
       WHERE b.provider = $1 AND b.status = 'ACTIVE' AND ($2::text IS NULL OR b.binding_id > $2)
       ORDER BY b.binding_id LIMIT $3`,
      [provider, after ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    return {
      provider,
      accounts: page.map((r) => ({
        bindingId: r.binding_id,
        subject: r.subject,
        account: { number: maskAccountNumber(r.account_number), type: r.account_type },
        ...(r.period ? { latestMonth: r.period, receivedAt: r.received_at!.toISOString() } : {}),
      })),
      ...(rows.length > limit ? { next: page[page.length - 1].binding_id } : {}),
    };
  }

  private async rows(sql: string, params: unknown[]): Promise<Row[]> {
    return (await this.db.query<Row>(sql, params)).rows;
  }
}

type Row = Record<string, unknown>;
const n = (value: unknown) => Number(value ?? 0);
const cols = (windows: Record<string, Window>) => Object.entries(windows).flatMap(([name, w]) => [`${w.recent} AS ${name}_recent`, `${w.total} AS ${name}_total`]).join(', ');
