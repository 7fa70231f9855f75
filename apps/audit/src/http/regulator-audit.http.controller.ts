import { Controller, Get, Header, Inject, Param, Query, Res } from '@nestjs/common';
import { AuditEntriesQueryDto, ConsistencyProofQueryDto, InclusionProofQueryDto } from '@cfc/api';
import { Caller, principalId, ProblemException, type ServiceCaller } from '@cfc/platform';
import { parseTilePath } from '@cfc/tlog';
import { AUDIT_RUNTIME, type AuditRuntime } from '../audit.runtime';
import { int, type RawResponse } from './http.types';

const MAX_LIMIT = 10_000;
const PAGE = 1_000;

/** The regulator's view of the log (CONTRACT "Regulators"): entries, checkpoints, keys, proofs, C2SP forms. */
@Controller('v1/regulator/audit')
export class RegulatorAuditHttpController {
  constructor(@Inject(AUDIT_RUNTIME) private readonly audit: AuditRuntime) {}

  /** NDJSON: each line the entry's JCS bytes, identical to its cfc.audit.v1 value; streamed page by page. */
  @Get('entries')
  async entries(@Caller() caller: ServiceCaller | undefined, @Query() query: AuditEntriesQueryDto, @Res() res: RawResponse): Promise<void> {
    principalId(caller, 'regulator');
    const from = int(query.from, 0);
    const limit = int(query.limit, PAGE);
    if (limit < 1 || limit > MAX_LIMIT) throw new ProblemException(400, 'LIMIT_RANGE', 'Bad Request', `limit must be 1 to ${MAX_LIMIT}`);
    res.status(200);
    res.setHeader('content-type', 'application/x-ndjson');
    res.setHeader('cache-control', 'no-cache');
    let closed = false;
    res.once('close', () => (closed = true));
    for (let at = from, left = limit; left > 0 && !closed; ) {
      const page = await this.audit.proofs.reader.entries(at, Math.min(PAGE, left));
      if (page.length === 0) break;
      const chunk = Buffer.concat(page.flatMap((bytes) => [bytes, NEWLINE]));
      if (!res.write(chunk)) await new Promise<void>((resolve) => res.once('drain', resolve));
      at += page.length;
      left -= page.length;
      if (page.length < PAGE) break;
    }
    if (!res.writableEnded && !res.destroyed) res.end();
  }

  @Get('checkpoint')
  @Header('cache-control', 'no-cache')
  async checkpoint(@Caller() caller: ServiceCaller | undefined): Promise<unknown> {
    principalId(caller, 'regulator');
    const latest = await this.audit.proofs.reader.latestCheckpoint();
    if (!latest) throw new ProblemException(404, 'NO_CHECKPOINT_YET', 'Not Found', 'the log has no signed checkpoint yet');
    return latest.json;
  }

  @Get('keys')
  keys(@Caller() caller: ServiceCaller | undefined): unknown {
    principalId(caller, 'regulator');
    return { origin: this.audit.keys.origin, keys: this.audit.keys.published };
  }

  @Get('proofs/inclusion')
  async inclusion(@Caller() caller: ServiceCaller | undefined, @Query() query: InclusionProofQueryDto): Promise<unknown> {
    principalId(caller, 'regulator');
    const { seq, treeSize, rootHash, proof, checkpoint } = await this.audit.proofs.inclusion(int(query.seq, 0), query.treeSize === undefined ? undefined : int(query.treeSize, 0));
    return { seq, treeSize, rootHash, proof, checkpoint };
  }

  @Get('proofs/consistency')
  consistency(@Caller() caller: ServiceCaller | undefined, @Query() query: ConsistencyProofQueryDto): Promise<unknown> {
    principalId(caller, 'regulator');
    return this.audit.proofs.consistency(int(query.first, 0), int(query.second, 0));
  }

  /** The latest checkpoint as a C2SP tlog-checkpoint in a signed note (same key and root as the JSON one). */
  @Get('tlog/checkpoint')
  async note(@Caller() caller: ServiceCaller | undefined, @Res() res: RawResponse): Promise<void> {
    principalId(caller, 'regulator');
    const latest = await this.audit.proofs.reader.latestCheckpoint();
    if (!latest) throw new ProblemException(404, 'NO_CHECKPOINT_YET', 'Not Found', 'the log has no signed checkpoint yet');
    res.status(200);
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    res.end(latest.note);
  }

  /** C2SP tlog-tiles, served from the stored tiles; a full tile never changes. */
  @Get('tlog/tile/*path')
  async tile(@Caller() caller: ServiceCaller | undefined, @Param('path') path: string | string[], @Res() res: RawResponse): Promise<void> {
    principalId(caller, 'regulator');
    const parsed = parseTilePath(`tile/${Array.isArray(path) ? path.join('/') : path}`);
    if (!parsed) throw new ProblemException(404, 'NOT_FOUND', 'Not Found', 'not a tile path (tile/<L>/<N>[.p/<W>] or tile/entries/<N>[.p/<W>])');
    const bytes = await this.audit.proofs.reader.tile(parsed.kind === 'entries' ? -1 : parsed.level, parsed.index, parsed.width);
    if (!bytes) throw new ProblemException(404, 'NOT_FOUND', 'Not Found', 'no such tile (yet, or a partial tile whose full tile exists)');
    res.status(200);
    res.setHeader('content-type', 'application/octet-stream');
    res.setHeader('cache-control', parsed.width === 256 ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    res.end(bytes);
  }
}

const NEWLINE = Buffer.from('\n');
