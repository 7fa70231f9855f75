import {
  ActivityQueryDto, ActivityRecordDto, AuditCheckpointDto, AuditEntriesQueryDto, AuditKeysDto, ConsistencyProofDto, ConsistencyProofQueryDto, InclusionProofDto,
  InclusionProofQueryDto, RegulatorActivityQueryDto,
} from '@cfc/api';
import type { GatewayRoute, RouteTable } from './gateway-route';

// The audit stream for regulators (the log, its checkpoints, proofs and C2SP forms) and the enterprise's
// activity record. The audit service checks the role again and answers 404 for entries not the caller's.

const regulator = (route: Omit<GatewayRoute, 'audiences' | 'upstream' | 'tag' | 'method'>): GatewayRoute => ({
  method: 'GET', audiences: ['cfc:regulator'], upstream: 'audit', tag: 'regulators', ...route,
  problems: [...(route.problems ?? []), [403, 'ROLE_FORBIDDEN', 'this route is for regulator callers']],
});
const noCheckpoint: [number, string, string] = [404, 'NO_CHECKPOINT_YET', 'the log has no signed checkpoint yet'];
const SEQ = /^(0|[1-9][0-9]{0,14})$/;
const TILE = /^(entries|0|[1-9][0-9]?)\/(x[0-9]{3}\/)*[0-9]{3}(\.p\/[1-9][0-9]{0,2})?$/;

export const auditRoutes: RouteTable = [
  regulator({
    path: '/v1/regulator/audit/entries',
    summary: 'Audit entries from a seq, as NDJSON: each line the exact JCS bytes of its cfc.audit.v1 value',
    query: AuditEntriesQueryDto,
    produces: 'application/x-ndjson',
    example: '{"actor":{"id":"91350211MA2Y5KQ64B","kind":"enterprise"},"at":"2026-11-20T08:00:00.000Z","data":{"challengeRef":"…"},"seq":0,"subject":"91350211MA2Y5KQ64B","type":"subject.logged-in"}\n',
    problems: [[400, 'LIMIT_RANGE', 'limit must be 1 to 10000']],
  }),
  regulator({ path: '/v1/regulator/audit/checkpoint', summary: 'The latest signed checkpoint (JSON, Ed25519)', response: AuditCheckpointDto, problems: [noCheckpoint] }),
  regulator({ path: '/v1/regulator/audit/keys', summary: 'The checkpoint keys: PEM, JWK and C2SP verifier key, with their key ids', response: AuditKeysDto }),
  regulator({
    path: '/v1/regulator/audit/proofs/inclusion',
    summary: 'RFC 9162 inclusion proof of an entry in a signed checkpoint (default: the latest)',
    query: InclusionProofQueryDto,
    response: InclusionProofDto,
    problems: [noCheckpoint, [400, 'TREE_SIZE_NOT_CHECKPOINTED', 'no checkpoint was signed at this tree size'], [400, 'SEQ_NOT_IN_TREE', 'the seq is not in that tree']],
  }),
  regulator({
    path: '/v1/regulator/audit/proofs/consistency',
    summary: 'RFC 9162 consistency proof between two tree sizes up to the latest checkpoint',
    query: ConsistencyProofQueryDto,
    response: ConsistencyProofDto,
    problems: [noCheckpoint, [400, 'CONSISTENCY_RANGE', 'need 1 <= first <= second <= the latest checkpoint']],
  }),
  regulator({ path: '/v1/regulator/audit/tlog/checkpoint', summary: 'The latest checkpoint as a C2SP tlog-checkpoint in a signed note (same key, same root)', produces: 'text/plain', example: 'cfc.example/audit\n1024\nUNhY4JhezH9gQYqvDMWrWH9CwlcKiECVqejMrND2VFw=\n\n— cfc.example/audit Gis8TQBz7CZtT7Stvz0QSqcU+fEQMv2KttiCn8QLUshvZIXXkozC69Rkbz/j83S+EdkFv0vidfqG84idgqn33F5B3TI=\n', problems: [noCheckpoint] }),
  regulator({
    path: '/v1/regulator/audit/tlog/tile/*path',
    summary: 'C2SP tlog-tiles: tile/<L>/<N>[.p/<W>] and tile/entries/<N>[.p/<W>] (full tiles immutable)',
    params: { path: TILE },
    produces: 'application/octet-stream',
    example: '(binary: 256 hashes of 32 bytes, or an entry bundle of 2-byte length-prefixed entries)',
    problems: [[404, 'NOT_FOUND', 'no such tile']],
  }),
  regulator({
    path: '/v1/regulator/subjects/:uscc/activity',
    summary: "An enterprise's activity record as it stood at a moment (asOf), rebuilt from the audit stream",
    query: RegulatorActivityQueryDto,
    response: ActivityRecordDto,
    params: { uscc: /^[0-9A-HJ-NPQRTUWXY]{18}$/ },
  }),
  {
    method: 'GET',
    path: '/v1/subject/activity',
    audiences: ['cfc:subject'],
    upstream: 'audit',
    tag: 'enterprises',
    summary: 'Your activity record (信息记录), newest first, rebuilt from the audit stream; each item with its audit seq',
    query: ActivityQueryDto,
    response: ActivityRecordDto,
    problems: [[400, 'VALIDATION_FAILED', 'kind: must be one of SELF_QUERY, INSTITUTION_QUERY, BINDING, AUTHORIZATION, MESSAGE, DECLARATION, OBJECTION, LOGIN']],
  },
  {
    method: 'GET',
    path: '/v1/subject/activity/:seq/proof',
    audiences: ['cfc:subject'],
    upstream: 'audit',
    tag: 'enterprises',
    summary: 'Inclusion proof of one of your entries in the latest checkpoint (JSON; C2SP tlog-proof with Accept: text/plain)',
    params: { seq: SEQ },
    response: InclusionProofDto,
    problems: [[404, 'NOT_FOUND', 'no such entry in your activity record'], [409, 'NOT_YET_CHECKPOINTED', 'the checkpoint covering it is signed within seconds']],
  },
];
