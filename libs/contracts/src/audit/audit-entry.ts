import { actorSchema, type Actor } from '../envelope/envelope';
import { timestampSchema, usccSchema } from '../common/common.schema';
import { compileValidator, type JsonSchema } from '../schema/validator';

/** One value on cfc.audit.v1: seq is its leaf index in the Merkle tree (CONTRACT.md "audit stream"). */
export interface AuditEntry {
  seq: number;
  at: string;
  type: string;
  /** The enterprise the entry is about; absent for platform-wide facts. */
  subject?: string;
  actor: Actor;
  data: Record<string, unknown>;
}

export const auditEntrySchema: JsonSchema = {
  type: 'object',
  required: ['seq', 'at', 'type', 'actor', 'data'],
  additionalProperties: false,
  properties: {
    seq: { type: 'integer', minimum: 0 },
    at: timestampSchema,
    type: { type: 'string', pattern: '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$' },
    subject: usccSchema,
    actor: actorSchema,
    data: { type: 'object' },
  },
};

export const validateAuditEntry = compileValidator<AuditEntry>('audit entry', auditEntrySchema);

/** A signed tree head on cfc.audit.checkpoints.v1; the signature covers the JCS of the other four fields. */
export interface AuditCheckpoint {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  keyId: string;
  signature: string;
}

const base64: JsonSchema = { type: 'string', pattern: '^[A-Za-z0-9+/]*={0,2}$' };

export const auditCheckpointSchema: JsonSchema = {
  type: 'object',
  required: ['treeSize', 'rootHash', 'timestamp', 'keyId', 'signature'],
  additionalProperties: false,
  properties: {
    treeSize: { type: 'integer', minimum: 0 },
    rootHash: { ...base64, minLength: 44, maxLength: 44 },
    timestamp: timestampSchema,
    keyId: { type: 'string', minLength: 1 },
    signature: { ...base64, minLength: 88, maxLength: 88 },
  },
};

export const validateAuditCheckpoint = compileValidator<AuditCheckpoint>('audit checkpoint', auditCheckpointSchema);
