import { maskAccountNumber, type AccountType, type ObjectionStatus } from '@cfc/contracts';
import type { ObjectionDto, ObjectionStepDto, RegulatorObjectionDto } from '@cfc/api';
import type { SqlExecutor } from '@cfc/eventing';

interface ObjectionRow {
  objection_id: string;
  binding_id: string;
  subject: string;
  provider: string;
  account_number: string;
  account_type: AccountType;
  period: string;
  fields: string[];
  reason: string;
  status: ObjectionStatus;
  shown_status: ObjectionStatus;
  disputed_revision: number;
  raised_at: Date;
  due_by: Date;
  resolved_at: Date | null;
  note: string | null;
  corrected_revision: number | null;
  late: boolean | null;
  overdue_at: Date | null;
}

// The status as of $1: unanswered past dueBy reads OVERDUE whether or not the sweep has recorded it yet.
const SHOWN_STATUS = `CASE WHEN status = 'SUBMITTED' AND due_by <= $1 THEN 'OVERDUE' ELSE status END`;
const COLUMNS = `objection_id, binding_id, subject, provider, account_number, account_type, period, fields, reason, status, ${SHOWN_STATUS} AS shown_status,
  disputed_revision, raised_at, due_by, resolved_at, note, corrected_revision, late, overdue_at`;

/** Reads of ingestion.objections: the enterprise's own, the regulator's by status (overdue first), the open one of a month. */
export class ObjectionsQueries {
  constructor(private readonly db: SqlExecutor) {}

  async ofSubject(subject: string, now: Date, status?: ObjectionStatus): Promise<ObjectionDto[]> {
    const { rows } = await this.db.query<ObjectionRow>(
      `SELECT ${COLUMNS} FROM ingestion.objections WHERE subject = $2 AND ($3::text IS NULL OR ${SHOWN_STATUS} = $3) ORDER BY raised_at, objection_id`,
      [now, subject, status ?? null],
    );
    return rows.map(toView);
  }

  async all(now: Date, status?: ObjectionStatus, limit = 1000): Promise<RegulatorObjectionDto[]> {
    const { rows } = await this.db.query<ObjectionRow>(
      `SELECT ${COLUMNS} FROM ingestion.objections WHERE ($2::text IS NULL OR ${SHOWN_STATUS} = $2)
       ORDER BY (${SHOWN_STATUS} = 'OVERDUE') DESC, due_by, raised_at, objection_id LIMIT $3`,
      [now, status ?? null, limit],
    );
    return rows.map((row) => ({ ...toView(row), subject: row.subject }));
  }

  /** The open (SUBMITTED or OVERDUE) objection of one month of one binding, if any. */
  async openOf(bindingId: string, period: string, tx: SqlExecutor = this.db): Promise<string | undefined> {
    const { rows } = await tx.query<{ objection_id: string }>(`SELECT objection_id FROM ingestion.objections WHERE binding_id = $1 AND period = $2 AND status IN ('SUBMITTED', 'OVERDUE')`, [bindingId, period]);
    return rows[0]?.objection_id;
  }

  /** Unanswered objections whose dueBy has passed and that the sweep has not recorded yet. */
  async duePast(now: Date, limit: number): Promise<Array<{ objectionId: string; subject: string }>> {
    const { rows } = await this.db.query<{ objection_id: string; subject: string }>(`SELECT objection_id, subject FROM ingestion.objections WHERE status = 'SUBMITTED' AND due_by <= $1 ORDER BY due_by LIMIT $2`, [now, limit]);
    return rows.map((r) => ({ objectionId: r.objection_id, subject: r.subject }));
  }
}

function toView(row: ObjectionRow): ObjectionDto {
  return {
    id: row.objection_id,
    bindingId: row.binding_id,
    provider: row.provider,
    account: { number: maskAccountNumber(row.account_number), type: row.account_type },
    period: row.period,
    fields: row.fields,
    reason: row.reason,
    status: row.shown_status,
    disputedRevision: row.disputed_revision,
    raisedAt: row.raised_at.toISOString(),
    dueBy: row.due_by.toISOString(),
    history: history(row),
  };
}

function history(row: ObjectionRow): ObjectionStepDto[] {
  const steps: ObjectionStepDto[] = [{ status: 'SUBMITTED', at: row.raised_at.toISOString() }];
  const wentOverdue = row.overdue_at ?? (row.shown_status === 'OVERDUE' || row.late ? row.due_by : null);
  if (wentOverdue) steps.push({ status: 'OVERDUE', at: wentOverdue.toISOString() });
  if (row.resolved_at) {
    steps.push({
      status: row.status,
      at: row.resolved_at.toISOString(),
      ...(row.note !== null ? { note: row.note } : {}),
      ...(row.corrected_revision !== null ? { correctedRevision: row.corrected_revision } : {}),
      late: row.late === true,
    });
  }
  return steps;
}
