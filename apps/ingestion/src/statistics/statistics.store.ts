import type { SqlExecutor } from '@cfc/eventing';
import type { Candidate, StoreAnswer } from '../domain/statistics/submission.judgement';

/** Who sent the rows and when: the same for every row of one message. */
export interface SubmissionMeta {
  submissionId: string;
  provider: string;
  receivedAt: string;
}

export type SubmissionClaim = 'NEW' | 'SAME_CONTENT' | 'OTHER_CONTENT';

// Every revision goes in; an existing (binding, period, revision) is left as it is and compared by value
// (jsonb equality ignores key order and number spelling). Rows sorted so concurrent writers lock in the
// same order. A row another transaction committed during this statement is invisible to its comparison
// (same = NULL): compared again below.
const STORE_REVISIONS = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(ord integer, binding_id text, period text, revision integer, subject text, record jsonb)
  ), inserted AS (
    INSERT INTO ingestion.statistics (binding_id, period, revision, provider, subject, record, submission_id, received_at)
    SELECT binding_id, period, revision, $2, subject, record, $3, $4 FROM input ORDER BY binding_id, period, revision
    ON CONFLICT DO NOTHING
    RETURNING binding_id, period, revision
  )
  SELECT i.ord, ins.binding_id IS NOT NULL AS stored, s.record = i.record AS same
  FROM input i
  LEFT JOIN inserted ins ON ins.binding_id = i.binding_id AND ins.period = i.period AND ins.revision = i.revision
  LEFT JOIN ingestion.statistics s ON ins.binding_id IS NULL AND s.binding_id = i.binding_id AND s.period = i.period AND s.revision = i.revision`;

// A higher revision becomes current whatever the arrival order; a lower or equal one never displaces it.
const ADVANCE_CURRENT = `
  INSERT INTO ingestion.current_statistics AS c (binding_id, period, revision, provider, subject, submission_id, received_at)
  SELECT binding_id, period, revision, $2, subject, $3, $4
  FROM jsonb_to_recordset($1::jsonb) AS t(binding_id text, period text, revision integer, subject text)
  ORDER BY binding_id, period
  ON CONFLICT (binding_id, period) DO UPDATE
    SET revision = excluded.revision, provider = excluded.provider, subject = excluded.subject,
        submission_id = excluded.submission_id, received_at = excluded.received_at
    WHERE c.revision < excluded.revision`;

/** The statistics store: every revision, the current one per account-month, and the submissions that brought them. */
export class StatisticsStore {
  /**
   * Claims a submissionId for this content (SHA-256 of the exact bytes). Concurrent claims of one id wait on
   * its primary key: exactly one is NEW; the others see SAME_CONTENT (a no-op) or OTHER_CONTENT (a replay).
   */
  async claim(tx: SqlExecutor, meta: SubmissionMeta, contentSha256: string, recordsTotal: number): Promise<SubmissionClaim> {
    const inserted = await tx.query(
      `INSERT INTO ingestion.submissions (submission_id, provider, content_sha256, records_total, records_stored, records_duplicate, records_rejected, received_at)
       VALUES ($1, $2, $3, $4, 0, 0, 0, $5) ON CONFLICT (submission_id) DO NOTHING`,
      [meta.submissionId, meta.provider, contentSha256, recordsTotal, meta.receivedAt],
      'ingestion_claim_submission',
    );
    if (inserted.rowCount === 1) return 'NEW';
    const { rows } = await tx.query<{ content_sha256: string }>(`SELECT content_sha256 FROM ingestion.submissions WHERE submission_id = $1`, [meta.submissionId]);
    return rows[0]?.content_sha256 === contentSha256 ? 'SAME_CONTENT' : 'OTHER_CONTENT';
  }

  /** Stores each candidate's revision; answers, in order, whether it went in or which figures were there already. */
  async storeRevisions(tx: SqlExecutor, candidates: readonly Candidate[], meta: SubmissionMeta): Promise<StoreAnswer[]> {
    if (candidates.length === 0) return [];
    const input = candidates.map((c, ord) => ({ ord, binding_id: c.record.bindingId, period: c.record.period, revision: c.record.revision, subject: c.record.subject, record: c.record }));
    const { rows } = await tx.query<{ ord: number; stored: boolean; same: boolean | null }>(STORE_REVISIONS, [JSON.stringify(input), meta.provider, meta.submissionId, meta.receivedAt], 'ingestion_store_revisions');
    const answers: StoreAnswer[] = new Array(candidates.length);
    const unsure: number[] = [];
    for (const row of rows) {
      if (row.stored) answers[row.ord] = 'STORED';
      else if (row.same === null) unsure.push(row.ord);
      else answers[row.ord] = row.same ? 'SAME_ALREADY_STORED' : 'OTHER_ALREADY_STORED';
    }
    for (const ord of unsure) answers[ord] = (await this.sameAsStored(tx, candidates[ord])) ? 'SAME_ALREADY_STORED' : 'OTHER_ALREADY_STORED';
    return answers;
  }

  /** Makes each row current where it is the highest revision; returns how many became current. */
  async advanceCurrent(tx: SqlExecutor, highest: readonly Candidate[], meta: SubmissionMeta): Promise<number> {
    if (highest.length === 0) return 0;
    const input = highest.map((c) => ({ binding_id: c.record.bindingId, period: c.record.period, revision: c.record.revision, subject: c.record.subject }));
    const result = await tx.query(ADVANCE_CURRENT, [JSON.stringify(input), meta.provider, meta.submissionId, meta.receivedAt], 'ingestion_advance_current');
    return result.rowCount;
  }

  /** The message's counts, once judged (the regulator's accepted and rejected records). */
  async recordCounts(tx: SqlExecutor, submissionId: string, counts: { stored: number; duplicate: number; rejected: number }): Promise<void> {
    await tx.query(`UPDATE ingestion.submissions SET records_stored = $2, records_duplicate = $3, records_rejected = $4 WHERE submission_id = $1`, [submissionId, counts.stored, counts.duplicate, counts.rejected], 'ingestion_record_counts');
  }

  /** The current revision of one account-month, or undefined when nothing was stored for it. */
  async currentRevision(tx: SqlExecutor, bindingId: string, period: string): Promise<number | undefined> {
    const { rows } = await tx.query<{ revision: number }>(`SELECT revision FROM ingestion.current_statistics WHERE binding_id = $1 AND period = $2`, [bindingId, period]);
    return rows[0]?.revision;
  }

  /** Whether this revision of the account-month is stored. */
  async hasRevision(tx: SqlExecutor, bindingId: string, period: string, revision: number): Promise<boolean> {
    const { rowCount } = await tx.query(`SELECT 1 FROM ingestion.statistics WHERE binding_id = $1 AND period = $2 AND revision = $3`, [bindingId, period, revision]);
    return rowCount > 0;
  }

  private async sameAsStored(tx: SqlExecutor, c: Candidate): Promise<boolean> {
    const { rows } = await tx.query<{ same: boolean }>(
      `SELECT record = $4::jsonb AS same FROM ingestion.statistics WHERE binding_id = $1 AND period = $2 AND revision = $3`,
      [c.record.bindingId, c.record.period, c.record.revision, JSON.stringify(c.record)],
    );
    return rows[0]?.same === true;
  }
}
