import { createHash, type Hash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { ActivityKind, AuditEntry } from '@cfc/contracts';
import { readEntry } from '../domain/activity/activity-item';
import { InstitutionDirectory } from '../domain/activity/institution-directory';

interface SubjectRecord {
  items: number;
  digest: Hash;
}

/** What the rebuild found, for the summary table. */
export interface ActivityRebuildSummary {
  enterprises: number;
  items: number;
  byKind: Partial<Record<ActivityKind, number>>;
  platformEntries: number;
  unknownTypes: Record<string, number>;
  unreadable: number;
  /** SHA-256 over each enterprise's items (seq, kind, sentences), by USCC: compare with the service's record. */
  digests: Record<string, string>;
}

/**
 * Rebuilds every enterprise's activity record from the entries alone, as the service's projection does
 * (the same domain code), in seq order. Keeps a count and a digest per enterprise; the items themselves
 * only go to the optional NDJSON file.
 */
export class ActivityRebuild {
  private readonly names = new InstitutionDirectory();
  private readonly records = new Map<string, SubjectRecord>();
  private readonly byKind: Partial<Record<ActivityKind, number>> = {};
  private readonly unknownTypes: Record<string, number> = {};
  private platformEntries = 0;
  private unreadable = 0;
  private items = 0;
  private readonly out?: WriteStream;

  constructor(outFile?: string) {
    if (outFile) this.out = createWriteStream(outFile, { mode: 0o600 });
  }

  add(values: readonly Uint8Array[]): void {
    for (const value of values) {
      let entry: AuditEntry;
      try {
        entry = JSON.parse(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8')) as AuditEntry;
        if (typeof entry?.type !== 'string' || typeof entry.seq !== 'number') throw new Error('not an entry');
      } catch {
        this.unreadable++;
        continue;
      }
      this.names.learn(entry);
      const reading = readEntry(entry, this.names);
      if (reading.kind === 'platform') this.platformEntries++;
      else if (reading.kind === 'unknown-type') this.unknownTypes[reading.type] = (this.unknownTypes[reading.type] ?? 0) + 1;
      else {
        const { subject, item } = reading;
        let record = this.records.get(subject);
        if (!record) this.records.set(subject, (record = { items: 0, digest: createHash('sha256') }));
        record.items++;
        record.digest.update(`${item.seq}\t${item.kind}\t${item.summary['zh-CN']}\t${item.summary.en}\n`);
        this.byKind[item.kind] = (this.byKind[item.kind] ?? 0) + 1;
        this.items++;
        this.out?.write(`${JSON.stringify({ subject, item })}\n`);
      }
    }
  }

  async finish(): Promise<ActivityRebuildSummary> {
    if (this.out) await new Promise<void>((resolve, reject) => this.out!.end((error?: Error | null) => (error ? reject(error) : resolve())));
    const digests = Object.fromEntries([...this.records].sort(([a], [b]) => a.localeCompare(b)).map(([subject, r]) => [subject, r.digest.digest('hex')]));
    return { enterprises: this.records.size, items: this.items, byKind: this.byKind, platformEntries: this.platformEntries, unknownTypes: this.unknownTypes, unreadable: this.unreadable, digests };
  }
}

/** The same digest over a record as the service serves it (items newest first, as GET …/activity returns them). */
export function recordDigest(items: ReadonlyArray<{ seq: number; kind: string; summary: { 'zh-CN': string; en: string } }>): string {
  const hash = createHash('sha256');
  for (const item of [...items].sort((a, b) => a.seq - b.seq)) hash.update(`${item.seq}\t${item.kind}\t${item.summary['zh-CN']}\t${item.summary.en}\n`);
  return hash.digest('hex');
}
