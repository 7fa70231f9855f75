import { createHash } from 'node:crypto';
import type { ReportDocument } from '../domain/report/report-document';

/** A report as it leaves the service: the exact bytes, and their SHA-256 (what query.performed records). */
export interface RenderedReport {
  reportId: string;
  bytes: Buffer;
  sha256: string;
}

export function renderReport(report: ReportDocument): RenderedReport {
  const bytes = Buffer.from(JSON.stringify(report), 'utf8');
  return { reportId: report.reportId, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
