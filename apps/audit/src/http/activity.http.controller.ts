import { Controller, Get, Headers, Inject, Param, Query, Res } from '@nestjs/common';
import { ActivityQueryDto, RegulatorActivityQueryDto } from '@cfc/api';
import { isValidUscc } from '@cfc/contracts';
import { Caller, principalId, ProblemException, type ServiceCaller } from '@cfc/platform';
import { formatTlogProof } from '@cfc/tlog';
import { activityRecord } from '../activity/activity.queries';
import { AUDIT_RUNTIME, type AuditRuntime } from '../audit.runtime';
import type { RawResponse } from './http.types';

const SEQ = /^(0|[1-9][0-9]{0,14})$/;

/** The enterprise's activity record and proofs of its own entries; the regulator's view of any record at a moment. */
@Controller()
export class ActivityHttpController {
  constructor(@Inject(AUDIT_RUNTIME) private readonly audit: AuditRuntime) {}

  @Get('v1/subject/activity')
  subjectActivity(@Caller() caller: ServiceCaller | undefined, @Query() query: ActivityQueryDto): Promise<unknown> {
    return activityRecord(this.audit.db, principalId(caller, 'enterprise'), { kind: query.kind });
  }

  /** Inclusion of one of the caller's own entries in the latest checkpoint: JSON, or C2SP tlog-proof text (Accept: text/plain). */
  @Get('v1/subject/activity/:seq/proof')
  async subjectProof(@Caller() caller: ServiceCaller | undefined, @Param('seq') seqText: string, @Headers('accept') accept: string | undefined, @Res() res: RawResponse): Promise<void> {
    const uscc = principalId(caller, 'enterprise');
    const seq = SEQ.test(seqText) ? Number(seqText) : undefined;
    const entry = seq === undefined ? undefined : await this.audit.proofs.reader.entry(seq);
    // Someone else's entry, a platform-wide one and a seq never written all look the same: not found.
    if (seq === undefined || !entry || entry.subject !== uscc) throw new ProblemException(404, 'NOT_FOUND', 'Not Found', 'no such entry in your activity record');
    const latest = await this.audit.proofs.reader.latestCheckpoint();
    if (!latest || latest.treeSize <= seq) {
      res.setHeader('retry-after', '1');
      throw new ProblemException(409, 'NOT_YET_CHECKPOINTED', 'Conflict', 'the entry is logged; the checkpoint covering it is signed within seconds');
    }
    const proof = await this.audit.proofs.inclusion(seq, latest.treeSize);
    res.status(200);
    if (wantsText(accept)) {
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      return res.end(formatTlogProof({ index: seq, proof: proof.proofHashes, checkpoint: proof.note }));
    }
    res.setHeader('content-type', 'application/json; charset=utf-8');
    const body = { seq, treeSize: proof.treeSize, rootHash: proof.rootHash, proof: proof.proof, checkpoint: proof.checkpoint, entry: JSON.parse(entry.bytes.toString('utf8')), keys: this.audit.keys.published };
    res.end(JSON.stringify(body));
  }

  @Get('v1/regulator/subjects/:uscc/activity')
  regulatorActivity(@Caller() caller: ServiceCaller | undefined, @Param('uscc') uscc: string, @Query() query: RegulatorActivityQueryDto): Promise<unknown> {
    principalId(caller, 'regulator');
    if (!isValidUscc(uscc)) throw new ProblemException(404, 'NOT_FOUND', 'Not Found', 'not a USCC');
    return activityRecord(this.audit.db, uscc, { kind: query.kind, asOf: query.asOf && new Date(query.asOf).toISOString() });
  }
}

function wantsText(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((t) => t.split(';')[0].trim().toLowerCase());
  return types.includes('text/plain') && !types.slice(0, types.indexOf('text/plain')).includes('application/json');
}
