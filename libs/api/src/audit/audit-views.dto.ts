import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTIVITY_KINDS } from '@cfc/contracts';

// Responses of the audit routes (CONTRACT "Kafka: audit stream", "Regulators", "Enterprises").

export class AuditCheckpointDto {
  @ApiProperty({ example: 1000 })
  treeSize: number;
  @ApiProperty({ description: 'RFC 9162 root, base64', example: 'mAbRmhFcDzGaA1kL7XyCxTUOg0xNUuKEa5ZFjAuMpt4=' })
  rootHash: string;
  @ApiProperty({ example: '2026-11-24T08:00:00.512Z' })
  timestamp: string;
  @ApiProperty({ description: 'C2SP note key id of the signing key, hex', example: '3a9f12c0' })
  keyId: string;
  @ApiProperty({ description: 'Ed25519 over the JCS of { treeSize, rootHash, timestamp, keyId }, base64' })
  signature: string;
}

class JwkDto {
  @ApiProperty({ example: 'OKP' }) kty: string;
  @ApiProperty({ example: 'Ed25519' }) crv: string;
  @ApiProperty({ description: 'public key, base64url' }) x: string;
  @ApiProperty({ example: '3a9f12c0' }) kid: string;
}

export class AuditKeyDto {
  @ApiProperty({ example: '3a9f12c0' }) keyId: string;
  @ApiProperty({ example: 'Ed25519' }) algorithm: string;
  @ApiProperty({ enum: ['active', 'retired'] }) status: string;
  @ApiProperty({ example: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA…\n-----END PUBLIC KEY-----\n' }) publicKeyPem: string;
  @ApiProperty({ type: JwkDto }) jwk: JwkDto;
  @ApiProperty({ description: 'C2SP signed-note verifier key', example: 'cfc.local/audit+3a9f12c0+AU1…' }) vkey: string;
}

export class AuditKeysDto {
  @ApiProperty({ description: 'The log origin (checkpoint first line, note key name)', example: 'cfc.local/audit' }) origin: string;
  @ApiProperty({ type: [AuditKeyDto] }) keys: AuditKeyDto[];
}

export class InclusionProofDto {
  @ApiProperty({ example: 42 }) seq: number;
  @ApiProperty({ example: 1000 }) treeSize: number;
  @ApiProperty({ description: 'base64' }) rootHash: string;
  @ApiProperty({ type: [String], description: 'hashes, base64, RFC 9162 order (leaf side first)' }) proof: string[];
  @ApiProperty({ type: AuditCheckpointDto }) checkpoint: AuditCheckpointDto;
  @ApiPropertyOptional({ description: 'The entry itself (its JCS bytes are the leaf input); on the enterprise route' }) entry?: Record<string, unknown>;
  @ApiPropertyOptional({ type: [AuditKeyDto], description: 'The log keys; on the enterprise route' }) keys?: AuditKeyDto[];
}

export class ConsistencyProofDto {
  @ApiProperty({ example: 1000 }) first: number;
  @ApiProperty({ example: 2000 }) second: number;
  @ApiProperty({ type: [String], description: 'hashes, base64, RFC 9162 order' }) proof: string[];
}

class ActivityActorDto {
  @ApiProperty({ enum: ['enterprise', 'institution', 'system'] }) kind: string;
  @ApiProperty({ description: 'USCC, institutionId, or the service', example: 'L0001' }) id: string;
  @ApiPropertyOptional({ description: "An institution's registered name", example: '示例银行股份有限公司' }) name?: string;
}

class ActivityTextDto {
  @ApiProperty({ example: '示例银行股份有限公司（L0001）申请查询授权：用途贷款申请，信用报告，12 个月数据，有效 30 天' }) 'zh-CN': string;
  @ApiProperty({ example: '示例银行股份有限公司 (L0001) asked for an authorisation: loan application, credit report, 12 months of data, valid 30 days' }) en: string;
}

export class ActivityItemDto {
  @ApiProperty({ description: 'Audit seq: GET /v1/subject/activity/{seq}/proof', example: 42 }) seq: number;
  @ApiProperty({ example: '2026-11-24T08:00:00.000Z' }) at: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind: string;
  @ApiProperty({ example: 'authorization.requested' }) type: string;
  @ApiProperty({ type: ActivityActorDto }) actor: ActivityActorDto;
  @ApiProperty({ type: ActivityTextDto }) summary: ActivityTextDto;
  @ApiProperty({ description: 'The audit entry' }) entry: Record<string, unknown>;
}

export class ActivityRecordDto {
  @ApiProperty({ example: '91110000600037341L' }) subject: string;
  @ApiPropertyOptional({ example: '2026-11-24T08:00:00Z' }) asOf?: string;
  @ApiProperty({ description: 'Last audit seq the record includes', example: 1234 }) throughSeq: number;
  @ApiProperty({ type: [ActivityItemDto], description: 'Newest first' }) items: ActivityItemDto[];
}
